package io.touchpoint.profile.card;

import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import io.touchpoint.support.web.ActingStaff;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
@Tag(name = "Card projection", description = "For the staff-gateway's service identity only")
@SecurityRequirement(name = "SecurityScheme")
public class CardProjectionResource {

    private static final Logger LOG = Logger.getLogger(CardProjectionResource.class);

    private final CardProjectionService service;

    public CardProjectionResource(CardProjectionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.GATEWAY_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve what a customer presented and return their card projection",
            description = "One round trip per card: the customer, today's itinerary, a travel summary and "
                    + "service-recovery items. The acting staff member, role, touchpoint and purpose are required.")
    @APIResponse(responseCode = "200", description = "The customer's card projection")
    @APIResponse(responseCode = "400", description = "Malformed body, barcode or acting-staff headers")
    @APIResponse(responseCode = "404", description = "No customer matches the presented identifier")
    @APIResponse(responseCode = "409", description = "A booking reference and surname match more than one traveller")
    public CardProjection project(@Valid @BeanParam ActingStaff staff,
                                  @HeaderParam("X-Break-Glass-Justification") String justification,
                                  @NotNull @Valid CardProjectionRequest request) {
        if (request.presented() instanceof PresentedIdentifier.BreakGlassCustomer) {
            BreakGlassSearchResource.require(staff, justification);
        }
        CardProjection projection = service.project(request.presented());
        // Who asked, never about whom: the gateway's access log holds the customer side.
        LOG.infof("card projection served to %s", staff.describe());
        return projection;
    }
}
