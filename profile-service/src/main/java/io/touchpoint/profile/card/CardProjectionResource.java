package io.touchpoint.profile.card;

import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import io.touchpoint.support.web.ActingStaff;
import io.touchpoint.support.web.GatewayRelay;
import io.touchpoint.support.relay.RelayedReads;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/card-projections")
@Tag(name = "Card projection", description = "For staff, through the staff-gateway only (their token exchanged for this service)")
@SecurityRequirement(name = "SecurityScheme")
public class CardProjectionResource {

    private static final Logger LOG = Logger.getLogger(CardProjectionResource.class);

    private final CardProjectionService service;
    private final GatewayRelay relay;
    private final RelayedReads reads;

    public CardProjectionResource(CardProjectionService service, GatewayRelay relay, RelayedReads reads) {
        this.service = service;
        this.relay = relay;
        this.reads = reads;
    }

    @POST
    @RolesAllowed({Roles.GATE_AGENT, Roles.CHECK_IN_AGENT, Roles.LOUNGE_HOST, Roles.CABIN_CREW, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve what a customer presented and return their card projection",
            description = "One round trip per card: the customer, today's itinerary, a travel summary and "
                    + "service-recovery items. Called by the staff-gateway with the staff member's own token exchanged for "
                    + "this service (RFC 8693): the token proves who asks and the role named in X-Acting-Role; touchpoint "
                    + "and purpose are headers the gateway's policy has checked.")
    @APIResponse(responseCode = "200", description = "The customer's card projection")
    @APIResponse(responseCode = "400", description = "Malformed body, barcode or acting-staff headers")
    @APIResponse(responseCode = "403", description = "Not a staff token exchanged by the gateway, or it does not hold the acting role")
    @APIResponse(responseCode = "404", description = "No customer matches the presented identifier")
    @APIResponse(responseCode = "409", description = "A booking reference and surname match more than one traveller")
    public CardProjection project(@Valid @BeanParam ActingStaff declared, @NotNull @Valid CardProjectionRequest request) {
        ActingStaff staff = relay.staff(declared);
        if (request.presented() instanceof PresentedIdentifier.BreakGlassCustomer) {
            BreakGlassSearchResource.require(staff, request.justification());
        }
        CardProjection projection = service.project(request.presented());
        reads.record(staff, "card-projection", java.util.List.of(projection.customerId()));
        // Who asked, never about whom: the gateway's access log holds the customer side.
        LOG.infof("card projection served to %s", staff.describe());
        return projection;
    }
}
