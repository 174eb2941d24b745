package io.touchpoint.profile.self;

import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The customer's erasure, carried out for the staff-gateway, which takes the request from the customer (the
 * customer id from their token) and retries until every service has done it (docs/api.md, erasure).
 */
@Path("/api/erasures")
@RolesAllowed(Roles.GATEWAY_SERVICE)
@Tag(name = "Erasure across services", description = "For the staff-gateway (role gateway-service)")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureRequestResource {

    private final SelfService selfService;

    public ErasureRequestResource(SelfService selfService) {
        this.selfService = selfService;
    }

    @POST
    @Path("/{customerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a customer's profile on their request, relayed by the gateway", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "The erasure receipt")
    @APIResponse(responseCode = "404", description = "This service holds no profile for the customer")
    public ErasureReceipt erase(@PathParam("customerId") UUID customerId) {
        return selfService.erase(customerId);
    }
}
