package io.touchpoint.recognition.self;

import io.touchpoint.recognition.web.Roles;
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

/** The customer's erasure, relayed by the staff-gateway, which retries until every service has done it. */
@Path("/api/erasures")
@RolesAllowed(Roles.GATEWAY_SERVICE)
@Tag(name = "Erasure across services", description = "For the staff-gateway (role gateway-service)")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureRequestResource {

    private final Erasure erasure;

    public ErasureRequestResource(Erasure erasure) {
        this.erasure = erasure;
    }

    @POST
    @Path("/{customerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a customer's preferences and photo and withdraw every consent, on their request relayed by the gateway",
            description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "What was erased and what was kept")
    public Erasure.ErasureReceipt erase(@PathParam("customerId") UUID customerId) {
        return erasure.erase(customerId);
    }
}
