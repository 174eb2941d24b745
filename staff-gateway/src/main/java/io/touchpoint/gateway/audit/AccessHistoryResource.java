package io.touchpoint.gateway.audit;

import io.touchpoint.trail.TrailProofs;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    private final AccessHistoryService history;

    public AccessHistoryResource(CurrentCustomer customer, AccessHistoryService history) {
        this.customer = customer;
        this.history = history;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who looked at my card: when, where, as what role, why, and which fields, newest first")
    @APIResponse(responseCode = "200", description = "One page of looks")
    public AccessHistoryService.History history(@QueryParam("cursor") String cursor,
                                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AccessQuery.MAX_PAGE) int limit) {
        return history.history(customer.id(), cursor, limit);
    }

    @GET
    @Path("/{id}/proof")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proof that one look at my card is in the signed access trail",
            description = "The leaf commits to the whole record, including the staff member's identity, which is not shown "
                    + "to customers (entry is absent); if the record is ever disclosed, it must hash to this leaf.")
    @APIResponse(responseCode = "200", description = "The inclusion proof and the signed checkpoint")
    @APIResponse(responseCode = "404", description = "No such look at my card in the trail (yet)")
    public TrailProofs.InclusionProof proof(@PathParam("id") UUID id) {
        return history.proof(customer.id(), id)
                .orElseThrow(() -> Problems.of(404, "look-not-found", "Look not found",
                        "no look at your card with this id is in the trail; a new one joins within seconds"));
    }
}
