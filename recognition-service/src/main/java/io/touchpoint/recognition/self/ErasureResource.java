package io.touchpoint.recognition.self;

import io.touchpoint.recognition.consent.ConsentService;
import io.touchpoint.recognition.preference.CustomerPreference;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/me/erasure")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My erasure", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureResource {

    private final CurrentCustomer customer;
    private final ConsentService consents;
    private final Clock clock;

    public ErasureResource(CurrentCustomer customer, ConsentService consents, Clock clock) {
        this.customer = customer;
        this.consents = consents;
        this.clock = clock;
    }

    public record ErasureReceipt(
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "2026-11-23T10:00:00Z") Instant erasedAt,
            @Schema(example = "[\"preferences\", \"photo\"]") List<String> erased,
            @Schema(example = "[\"consent ledger under the pseudonymous id, every consent withdrawn\"]") List<String> kept) {
    }

    @POST
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase my preferences and photo and withdraw every consent",
            description = "The ledger keeps its pseudonymous rows as proof of what was consented; recognition answers nothing afterwards.")
    @APIResponse(responseCode = "200", description = "What was erased and what was kept")
    public ErasureReceipt erase() {
        UUID id = customer.id();
        CustomerPreference.delete("customerId", id);
        CustomerPreference.getEntityManager().createNativeQuery("DELETE FROM customer_photo WHERE customer_id = :id")
                .setParameter("id", id).executeUpdate();
        consents.withdrawAll(id);
        return new ErasureReceipt(id, clock.instant(), List.of("preferences", "photo"),
                List.of("consent ledger under the pseudonymous id, every consent withdrawn (channel ERASURE)"));
    }
}
