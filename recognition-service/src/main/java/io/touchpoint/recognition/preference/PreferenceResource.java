package io.touchpoint.recognition.preference;

import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api/me/preferences")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My preferences", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class PreferenceResource {

    private final CurrentCustomer customer;
    private final PreferenceService preferences;

    public PreferenceResource(CurrentCustomer customer, PreferenceService preferences) {
        this.customer = customer;
        this.preferences = preferences;
    }

    public record PreferenceUpdate(
            @NotNull @Size(min = 1, max = 50)
            @Schema(example = "{\"seat.position\": \"aisle\", \"meal.dietary\": \"vegetarian\", \"newspaper\": null}",
                    description = "Catalogue key to value; null removes the preference. Keys not named stay as they are.")
            Map<@Size(max = 64) String, @Size(max = 500) String> preferences) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My preferences", description = "Stating a preference shares it with nobody; only a consent does.")
    @APIResponse(responseCode = "200", description = "My preferences")
    public List<PreferenceService.PreferenceView> list() {
        return preferences.list(customer.id());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or remove some of my preferences",
            description = "Validated against the catalogue: an unknown key or invalid value is a 400 naming the key, and nothing is stored.")
    @APIResponse(responseCode = "200", description = "All my preferences after the change")
    @APIResponse(responseCode = "400", description = "Unknown key or invalid value")
    public List<PreferenceService.PreferenceView> update(@NotNull @Valid PreferenceUpdate update) {
        return preferences.update(customer.id(), update.preferences(), CustomerPreference.Source.PORTAL);
    }
}
