package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
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
 */
@ApplicationScoped
public class Downstream {

    private final ProfileClient profile;
    private final RecognitionClient recognition;

    public Downstream(@RestClient ProfileClient profile, @RestClient RecognitionClient recognition) {
        this.profile = profile;
        this.recognition = recognition;
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
            skipOn = DownstreamRefusal.class)
    @Fallback(fallbackMethod = "profileUnavailable", skipOn = DownstreamRefusal.class)
    public JsonNode projection(Asker asker, JsonNode presented, String breakGlassJustification) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("presented", presented);
        return profile.project(asker.subject(), asker.role(), asker.touchpoint(), asker.purpose(), asker.requestId(),
                breakGlassJustification, body);
    }

    JsonNode profileUnavailable(Asker asker, JsonNode presented, String breakGlassJustification) {
        throw Problems.of(503, "profile-unavailable", "Customer profiles unavailable",
                "The customer profile service did not answer in time; no card can be shown. Try again shortly.");
    }

    /** A supervisor's break-glass search by name; the justification travels to profile-service too. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = DownstreamRefusal.class)
    @Fallback(fallbackMethod = "searchUnavailable", skipOn = DownstreamRefusal.class)
    public JsonNode search(Asker asker, String justification, JsonNode query) {
        return profile.search(asker.subject(), asker.role(), asker.touchpoint(), asker.purpose(), asker.requestId(),
                justification, query);
    }

    JsonNode searchUnavailable(Asker asker, String justification, JsonNode query) {
        return profileUnavailable(asker, query, justification);
    }

    /** Consented preferences, or empty when recognition cannot answer: the card then says so. */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "recognitionUnavailable")
    public Optional<JsonNode> recognition(Asker asker, String purposes, UUID customerId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("customerId", customerId.toString());
        return Optional.of(recognition.recognise(asker.subject(), asker.role(), asker.touchpoint(), purposes,
                asker.requestId(), body));
    }

    Optional<JsonNode> recognitionUnavailable(Asker asker, String purposes, UUID customerId) {
        return Optional.empty();
    }
}
