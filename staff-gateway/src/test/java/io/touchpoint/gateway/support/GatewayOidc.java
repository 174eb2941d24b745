package io.touchpoint.gateway.support;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.touchpoint.testsupport.Tokens;

import java.net.URI;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The test OIDC server, which also answers the token-exchange grant (RFC 8693) at its token endpoint, as
 * Keycloak's standard token exchange does: one exchanged token per audience, signed like every test token.
 * Tests that need to tie an exchanged token to one subject token add their own, more specific stubs
 * ({@link #exchangeStub}) through the server injected with {@code @OidcWireMock}.
 */
public class GatewayOidc extends OidcWiremockTestResource {

    public static final String TOKEN_PATH = "/auth/realms/quarkus/token";
    public static final String EXCHANGED_FOR_PROFILE = Tokens.relayedStaff("exchanged-for-profile", "gate-agent");
    public static final String EXCHANGED_FOR_RECOGNITION = Tokens.relayedStaff("exchanged-for-recognition", "gate-agent");

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        URI server = URI.create(config.get("keycloak.url"));
        WireMock admin = new WireMock(server.getHost(), server.getPort());
        admin.register(exchangeStub("profile-service", EXCHANGED_FOR_PROFILE).atPriority(10));
        admin.register(exchangeStub("recognition-service", EXCHANGED_FOR_RECOGNITION).atPriority(10));
        return config;
    }

    /** A token-exchange answer for one audience (the default stubs answer any subject token). */
    public static com.github.tomakehurst.wiremock.client.MappingBuilder exchangeStub(String audience, String exchanged) {
        return post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("token-exchange"))
                .withRequestBody(containing("audience=" + audience))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,
                         "issued_token_type":"urn:ietf:params:oauth:token-type:access_token"}""".formatted(exchanged)));
    }
}
