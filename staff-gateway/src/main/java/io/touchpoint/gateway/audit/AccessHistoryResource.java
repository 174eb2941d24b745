package io.touchpoint.gateway.audit;

import io.touchpoint.trail.TrailProofs;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Who looked at my card": for the signed-in customer only. Staff are shown by role and touchpoint, not by
 * name (docs/decisions/0008): the customer learns where, when, why and what, and frontline staff are not
 * exposed to being tracked down individually.
 */
@Path("/api/me/access-history")
@RolesAllowed("customer")
@Tag(name = "My access history", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class AccessHistoryResource {

    private final CurrentCustomer customer;
    private final AccessQuery query;
    private final TrailProofs proofs;

    public AccessHistoryResource(CurrentCustomer customer, AccessQuery query, TrailProofs proofs) {
        this.customer = customer;
        this.query = query;
        this.proofs = proofs;
    }

    public record Look(
            @Schema(description = "The record's id, for its inclusion proof", example = "7d3c1b2a-0000-4000-8000-000000000001") UUID id,
            @Schema(example = "2026-11-23T10:15:30.123456Z") Instant at,
            @Schema(example = "GATE/A12") String touchpoint,
            @Schema(example = "gate-agent") String role,
            @Schema(example = "personalised-service") String purpose,
            @Schema(example = "[\"greeting\", \"preference-seat\"]") List<String> fieldsShown,
            @Schema(description = "A supervisor's search with a written justification") boolean breakGlass,
            @Schema(example = "SERVED") String outcome) {
    }

    public record History(List<Look> looks, @Schema(description = "Pass as cursor for the next page; absent on the last") String next) {
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who looked at my card: when, where, as what role, why, and which fields, newest first")
    @APIResponse(responseCode = "200", description = "One page of looks")
    public History history(@QueryParam("cursor") String cursor,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AccessQuery.MAX_PAGE) int limit) {
        AccessQuery.Page page = query.page(AccessQuery.Filter.forCustomer(customer.id()), cursor, limit);
        return new History(page.records().stream()
                .map(r -> new Look(r.id, r.recordedAt, r.touchpoint, r.role, r.purpose,
                        r.fields.isEmpty() ? List.of() : Arrays.asList(r.fields.split(",")),
                        r.isBreakGlass(), r.outcome))
                .toList(), page.next());
    }

    @GET
    @Path("/{id}/proof")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proof that one look at my card is in the signed access trail",
            description = "The leaf commits to the whole record, including the staff member's identity, which is not shown "
                    + "to customers (entry is absent); if the record is ever disclosed, it must hash to this leaf.")
    @APIResponse(responseCode = "200", description = "The inclusion proof and the signed checkpoint")
    @APIResponse(responseCode = "404", description = "No such look at my card in the trail (yet)")
    public TrailProofs.InclusionProof proof(@PathParam("id") UUID id) {
        UUID me = customer.id();
        boolean mine = AccessRecord.count("id = ?1 and customerId = ?2", id, me) > 0;
        return (mine ? proofs.inclusion(id, false) : Optional.<TrailProofs.InclusionProof>empty())
                .orElseThrow(() -> Problems.of(404, "look-not-found", "Look not found",
                        "no look at your card with this id is in the trail; a new one joins within seconds"));
    }
}
