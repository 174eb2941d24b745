package io.touchpoint.gateway.downstream;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.NamedOidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchanges the signed-in person's own access token for one with a downstream service's audience (OAuth 2.0
 * Token Exchange, RFC 8693; Keycloak's standard token exchange). The new token is issued to the gateway (azp)
 * for the same person with the same roles, so the service learns who asks from a token, not from a header.
 * Exchanged tokens are kept briefly (bounded, keyed by a hash of the subject token and the audience, until
 * shortly before they expire), so a card does not pay two extra round trips to the identity provider.
 */
@ApplicationScoped
public class TokenExchange {

    private static final Logger LOG = Logger.getLogger(TokenExchange.class);

    private final OidcClient client;
    private final ExchangeConfig config;
    private final Clock clock;
    private final Map<Key, Exchanged> cache;

    record Key(String subjectTokenHash, String audience) {
    }

    record Exchanged(String token, Instant usableUntil) {
        @Override
        public String toString() {
            return "Exchanged[usableUntil=" + usableUntil + "]"; // never the token itself
        }
    }

    public TokenExchange(@NamedOidcClient("exchange") OidcClient client, ExchangeConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.clock = clock;
        int size = config.cacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Exchanged> eldest) {
                return size() > size;
            }
        };
    }

    /** An {@code Authorization} header value carrying the person's token exchanged for {@code audience}. */
    public String bearerFor(String subjectToken, String audience) {
        if (subjectToken == null) {
            throw new DownstreamRefusal(401, "Sign-in needed", "This request carries no sign-in that could be passed on.");
        }
        Key key = new Key(sha256(subjectToken), audience);
        Instant now = clock.instant();
        Exchanged cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null && now.isBefore(cached.usableUntil())) {
            return "Bearer " + cached.token();
        }
        Tokens tokens;
        try {
            tokens = client.getTokens(Map.of("subject_token", subjectToken, "audience", audience))
                    .await().atMost(config.timeout());
        } catch (OidcClientException e) {
            if (refusesTheSubjectToken(e)) {
                throw new DownstreamRefusal(401, "Sign-in no longer valid",
                        "The identity provider no longer accepts your sign-in for this; sign in again.");
            }
            // The OAuth error code tells an operator what is wrong; its description may quote a user, so it stays out.
            LOG.warnf("token exchange for %s failed: %s", audience, errorCode(e));
            throw new IllegalStateException("token exchange for " + audience + " failed", e);
        } catch (RuntimeException e) {
            LOG.warnf("token exchange for %s failed (%s)", audience, e.getClass().getSimpleName());
            throw new IllegalStateException("token exchange for " + audience + " failed", e);
        }
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        Instant usableUntil = expiresAt == null ? now : Instant.ofEpochSecond(expiresAt).minus(config.expiryMargin());
        if (now.isBefore(usableUntil)) {
            synchronized (cache) {
                cache.put(key, new Exchanged(tokens.getAccessToken(), usableUntil));
            }
        }
        return "Bearer " + tokens.getAccessToken();
    }

    /** Cached exchanges; for tests and the metric, never the tokens. */
    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /**
     * The identity provider answered and refused the person's own token (ended session, expired, revoked): that
     * is the caller's 401. Anything else (unreachable, misconfigured exchange) is the gateway's failure.
     */
    private static boolean refusesTheSubjectToken(OidcClientException e) {
        String answer = e.getMessage() == null ? "" : e.getMessage();
        return answer.contains("\"invalid_token\"") || answer.contains("Invalid token");
    }

    private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]{1,50})\"");

    /** The OAuth 2.0 error code of the identity provider's answer (RFC 6749 5.2), e.g. unauthorized_client. */
    static String errorCode(OidcClientException e) {
        Matcher code = ERROR_CODE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return code.find() ? code.group(1) : "no error code";
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
