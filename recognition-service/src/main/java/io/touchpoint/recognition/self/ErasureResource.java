package io.touchpoint.recognition.self;

import io.touchpoint.recognition.web.Roles;
import io.touchpoint.support.web.CurrentCustomer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer erases what this service holds about them (the staff-gateway offers one request for all services). */
@Path("/api/me/erasure")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My erasure", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureResource {

    private final CurrentCustomer customer;
    private final Erasure erasure;

    public ErasureResource(CurrentCustomer customer, Erasure erasure) {
        this.customer = customer;
        this.erasure = erasure;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase my preferences and photo and withdraw every consent",
            description = "The ledger keeps its pseudonymous rows as proof of what was consented; recognition answers nothing afterwards.")
    @APIResponse(responseCode = "200", description = "What was erased and what was kept")
    public Erasure.ErasureReceipt erase() {
        return erasure.erase(customer.id());
    }
}
