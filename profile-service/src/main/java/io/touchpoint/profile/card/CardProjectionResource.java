package io.touchpoint.profile.card;

import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/card-projections")
@Tag(name = "Card projection", description = "For the staff-gateway's service identity only")
@SecurityRequirement(name = "SecurityScheme")
public class CardProjectionResource {

    private static final Logger LOG = Logger.getLogger(CardProjectionResource.class);

    static final String STAFF_ROLES = "gate-agent|check-in-agent|lounge-host|cabin-crew|supervisor";
    static final String TOUCHPOINT = "[A-Z][A-Z_]{1,19}/[A-Za-z0-9._-]{1,40}";
    static final String PURPOSE = "[a-z][a-z0-9-]{1,49}";

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
    public CardProjection project(
            @HeaderParam("X-Acting-Subject") @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be the staff member's token subject")
            @Parameter(description = "Token subject of the staff member at the touchpoint", example = "0b8c6f0e-staff-subject")
            String actingSubject,
            @HeaderParam("X-Acting-Role") @NotBlank @Pattern(regexp = STAFF_ROLES, message = "must be one of " + STAFF_ROLES)
            @Parameter(example = "gate-agent") String actingRole,
            @HeaderParam("X-Touchpoint") @NotBlank @Pattern(regexp = TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
            @Parameter(example = "GATE/A12") String touchpoint,
            @HeaderParam("X-Purpose") @NotBlank @Pattern(regexp = PURPOSE, message = "must be a purpose key such as personalised-service")
            @Parameter(example = "personalised-service") String purpose,
            @NotNull @Valid CardProjectionRequest request) {
        CardProjection projection = service.project(request.presented());
        // Who asked, never about whom: the gateway's access log holds the customer side.
        LOG.infof("card projection served: acting subject %s, role %s, touchpoint %s, purpose %s",
                actingSubject, actingRole, touchpoint, purpose);
        return projection;
    }
}
