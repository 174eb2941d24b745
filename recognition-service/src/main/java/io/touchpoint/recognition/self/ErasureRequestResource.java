package io.touchpoint.recognition.self;

import io.touchpoint.recognition.web.Roles;
import io.touchpoint.support.erasure.ErasureAcceptances;
import io.touchpoint.support.web.GatewayRelay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * The customer's erasure, relayed by the staff-gateway. The customer's own token, exchanged by the gateway for
 * this service, starts it; the gateway alone can only finish what a customer started (docs/decisions/0015).
 */
@Path("/api/erasures/{requestId}")
@Tag(name = "Erasure across services", description = "Started by the customer through the staff-gateway; completed by the gateway's retries")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureRequestResource {

    private final Erasure erasure;
    private final ErasureAcceptances acceptances;
    private final GatewayRelay relay;

    public ErasureRequestResource(Erasure erasure, ErasureAcceptances acceptances, GatewayRelay relay) {
        this.erasure = erasure;
        this.acceptances = acceptances;
        this.relay = relay;
    }

    @PUT
    @RolesAllowed(Roles.CUSTOMER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the signed-in customer's erasure request: preferences and photo deleted, every consent withdrawn",
            description = "Only with the customer's own token exchanged by the staff-gateway: the customer comes from the token. "
                    + "The request is recorded before anything is erased, so the gateway can complete it later. Idempotent.")
    @APIResponse(responseCode = "200", description = "What was erased and what was kept")
    @APIResponse(responseCode = "403", description = "Not a customer's token exchanged by the gateway")
    @APIResponse(responseCode = "409", description = "The request id belongs to another customer's request")
    public Erasure.ErasureReceipt accept(@PathParam("requestId") UUID requestId) {
        acceptances.accept(requestId, relay.customer());
        return carryOut(requestId);
    }

    @POST
    @Path("/completion")
    @RolesAllowed(Roles.GATEWAY_SERVICE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete an erasure request this service already accepted from the customer",
            description = "For the gateway's retries: it names the request, never a customer, and cannot start one. Idempotent.")
    @APIResponse(responseCode = "200", description = "What was erased and what was kept")
    @APIResponse(responseCode = "404", description = "No such accepted request (erasure-request-unknown)")
    public Erasure.ErasureReceipt complete(@PathParam("requestId") UUID requestId) {
        return carryOut(requestId);
    }

    /** Erases for an accepted request (not an endpoint: each endpoint's own role check stays its own). */
    private Erasure.ErasureReceipt carryOut(UUID requestId) {
        Erasure.ErasureReceipt receipt = erasure.erase(acceptances.accepted(requestId));
        acceptances.completed(requestId);
        return receipt;
    }
}
