package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ValidationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The two downstream hops of a card, with their failure behaviour in their signatures. Both fail closed:
 * no profile means no card (503); no recognition means a card without preferences, never stale ones.
 * Each call carries the signed-in staff member's own token, exchanged for the callee (RFC 8693, ADR 0015).
 * A refusal ({@link DownstreamRefusal}: the callee's 4xx, a sign-in the identity provider no longer accepts) or
 * a request the gateway's own validation refuses is that caller's answer: it never counts as a failure on the
 * shared circuit breakers, so one person's input cannot open them for everyone (architecture rule 14).
 */
@ApplicationScoped
public class Downstream {

    private final ProfileClient profile;
    private final RecognitionClient recognition;
    private final TokenExchange exchange;
    private final SubjectToken subjectToken;
    private final ExchangeConfig config;

    public Downstream(@RestClient ProfileClient profile, @RestClient RecognitionClient recognition, TokenExchange exchange,
                      SubjectToken subjectToken, ExchangeConfig config) {
        this.profile = profile;
        this.recognition = recognition;
        this.exchange = exchange;
        this.subjectToken = subjectToken;
        this.config = config;
    }

    public record Asker(String subject, String role, String touchpoint, String purpose, String requestId) {

        /** Who is asking, under the request id the request log gave this request. */
        public static Asker of(String subject, String role, String touchpoint, String purpose,
                               jakarta.ws.rs.container.ContainerRequestContext context) {
            Object requestId = context.getProperty("request-id");
            return new Asker(subject, role, touchpoint, purpose,
                    requestId == null ? UUID.randomUUID().toString() : requestId.toString());
        }
    }

    /** The customer's card projection; a miss is the profile's own 4xx problem ({@link DownstreamRefusal}). */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DownstreamRefusal.class, ValidationException.class})
    @Fallback(fallbackMethod = "profileUnavailable", skipOn = {DownstreamRefusal.class, ValidationException.class})
    public JsonNode projection(Asker asker, JsonNode presented, String breakGlassJustification) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("presented", presented);
        if (breakGlassJustification != null) {
            body.put("justification", breakGlassJustification); // free text in the body, never in a header
        }
        return profile.project(profileBearer(), asker.role(), asker.touchpoint(), asker.purpose(), asker.requestId(), body);
    }

    JsonNode profileUnavailable(Asker asker, JsonNode presented, String breakGlassJustification) {
        throw Problems.of(503, "profile-unavailable", "Customer profiles unavailable",
                "The customer profile service did not answer in time; no card can be shown. Try again shortly.");
    }

    /** A supervisor's break-glass search by name; the justification travels to profile-service too. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DownstreamRefusal.class, ValidationException.class})
    @Fallback(fallbackMethod = "searchUnavailable", skipOn = {DownstreamRefusal.class, ValidationException.class})
    public JsonNode search(Asker asker, String justification, JsonNode query) {
        ObjectNode body = query.deepCopy();
        body.put("justification", justification); // free text in the body, never in a header
        return profile.search(profileBearer(), asker.role(), asker.touchpoint(), asker.purpose(), asker.requestId(), body);
    }

    JsonNode searchUnavailable(Asker asker, String justification, JsonNode query) {
        return profileUnavailable(asker, query, justification);
    }

    /** Consented preferences, or empty when recognition cannot answer: the card then says so. */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DownstreamRefusal.class, ValidationException.class})
    @Fallback(fallbackMethod = "recognitionUnavailable")
    public Optional<JsonNode> recognition(Asker asker, String purposes, UUID customerId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("customerId", customerId.toString());
        String bearer = exchange.bearerFor(subjectToken.raw(), config.recognitionAudience());
        return Optional.of(recognition.recognise(bearer, asker.role(), asker.touchpoint(), purposes, asker.requestId(), body));
    }

    Optional<JsonNode> recognitionUnavailable(Asker asker, String purposes, UUID customerId) {
        return Optional.empty();
    }

    /** The signed-in staff member's own token, exchanged for profile-service. */
    private String profileBearer() {
        return exchange.bearerFor(subjectToken.raw(), config.profileAudience());
    }
}
