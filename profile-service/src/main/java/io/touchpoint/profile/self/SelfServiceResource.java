package io.touchpoint.profile.self;

import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The customer's own data. Who the customer is comes from the token's {@code customer_id} claim only;
 * no path or query parameter can point at somebody else. Erasure is not here: the customer asks the staff-gateway,
 * which records the request, erases its own part and relays it to every service ({@link ErasureRequestResource}).
 */
@Path("/api/me")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My data", description = "For the signed-in customer (role customer)")
@SecurityRequirement(name = "SecurityScheme")
public class SelfServiceResource {

    private final CurrentCustomer customer;
    private final SelfService selfService;

    public SelfServiceResource(CurrentCustomer customer, SelfService selfService) {
        this.customer = customer;
        this.selfService = selfService;
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Download everything this service holds about me (JSON)")
    @APIResponse(responseCode = "200", description = "The export; also offered as a file download")
    @APIResponse(responseCode = "403", description = "The token carries no customer_id")
    public Response export() {
        DataExport export = selfService.export(customer.id());
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"touchpoint-profile-export.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
