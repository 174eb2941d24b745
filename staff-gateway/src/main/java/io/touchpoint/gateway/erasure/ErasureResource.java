package io.touchpoint.gateway.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.gateway.downstream.SubjectToken;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** "Erase me": one request for every service, and its status until every service has confirmed. */
@Path("/api/me/erasure")
@RolesAllowed("customer")
@Tag(name = "My erasure", description = "For the signed-in customer: one request, every service")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CurrentCustomer customer;
    private final ErasureService erasures;
    private final SubjectToken subjectToken;

    public ErasureResource(CurrentCustomer customer, ErasureService erasures, SubjectToken subjectToken) {
        this.customer = customer;
        this.erasures = erasures;
        this.subjectToken = subjectToken;
    }

    public record ServicePart(
            @Schema(example = "profile-service") String service,
            @Schema(example = "DONE", description = "PENDING until the service confirms; retried until then") String status,
            @Schema(example = "1") int attempts,
            @Schema(example = "recognition-service unreachable (ProcessingException)") String lastError,
            @Schema(example = "2026-11-23T10:00:01Z") Instant completedAt,
            @Schema(description = "The service's own receipt: what it removed and when") JsonNode receipt) {
    }

    public record CombinedReceipt(
            @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11") UUID requestId,
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "2026-11-23T10:00:00Z") Instant requestedAt,
            @Schema(example = "true", description = "Every service has confirmed") boolean complete,
            List<ServicePart> services,
            @Schema(example = "[\"access trail: who looked at your card, under your pseudonymous id, kept as the law requires\"]") List<String> kept) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase me everywhere: profile anonymised, preferences and photo deleted, every consent withdrawn",
            description = "Every service is asked at once, with your own authority (your token, exchanged for each service). "
                    + "A service that accepted the request but could not confirm is asked again until it does. Asking again "
                    + "while a request is open answers with that same request and offers it again to every service that has "
                    + "not confirmed (one that could not be reached before); it never starts another. "
                    + "200 when every service confirmed, 202 while some part is pending (see GET).")
    @APIResponse(responseCode = "200", description = "Erased everywhere: the combined receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CombinedReceipt.class)))
    @APIResponse(responseCode = "202", description = "Accepted; some services have not confirmed yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CombinedReceipt.class)))
    public Response erase() {
        // Asking again while a request is open answers with that request (ADR 0017): one open request per customer.
        CombinedReceipt receipt = receipt(erasures.request(customer.id(), subjectToken.raw()));
        return Response.status(receipt.complete() ? 200 : 202).entity(receipt).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where my latest erasure request stands, service by service")
    @APIResponse(responseCode = "200", description = "The combined receipt so far")
    @APIResponse(responseCode = "404", description = "I never asked for erasure")
    public CombinedReceipt status() {
        return erasures.latest(customer.id()).map(r -> receipt(r.id))
                .orElseThrow(() -> Problems.of(404, "no-erasure-request", "No erasure request", "you have not asked for erasure"));
    }

    private CombinedReceipt receipt(UUID requestId) {
        ErasureRequest request = erasures.request(customer.id(), requestId).orElseThrow();
        List<ServicePart> parts = erasures.steps(requestId).stream()
                .map(s -> new ServicePart(s.service, s.status, s.attempts, s.lastError, s.completedAt, parse(s.receipt)))
                .toList();
        return new CombinedReceipt(request.id, request.customerId, request.requestedAt,
                parts.stream().allMatch(p -> "DONE".equals(p.status())), parts,
                List.of("access trail: who looked at your card, under your pseudonymous id, kept as the law requires",
                        "staff's written justifications for looking you up: the text is removed, only its fingerprint (SHA-256) stays in the trail"));
    }

    private static JsonNode parse(String receipt) {
        try {
            return receipt == null ? null : JSON.readTree(receipt);
        } catch (Exception e) {
            return null;
        }
    }
}
