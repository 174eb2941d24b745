package io.touchpoint.gateway.audit;

import io.touchpoint.support.web.CurrentCustomer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

    public AccessHistoryResource(CurrentCustomer customer, AccessQuery query) {
        this.customer = customer;
        this.query = query;
    }

    public record Look(
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
                .map(r -> new Look(r.recordedAt, r.touchpoint, r.role, r.purpose,
                        r.fields.isEmpty() ? List.of() : Arrays.asList(r.fields.split(",")),
                        r.breakGlassJustification != null, r.outcome))
                .toList(), page.next());
    }
}
