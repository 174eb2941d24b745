package io.touchpoint.recognition.catalogue;

import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/catalogue")
@RolesAllowed({Roles.CUSTOMER, Roles.GATEWAY_SERVICE})
@Tag(name = "Catalogue", description = "The preferences a customer may state and the purposes they may consent to")
@SecurityRequirement(name = "SecurityScheme")
public class CatalogueResource {

    public record Definition(
            @Schema(example = "seat.position") String key,
            @Schema(example = "seat") String category,
            @Schema(example = "Seat position") String label,
            @Schema(example = "ENUM") String valueType,
            @Schema(example = "[\"aisle\", \"window\", \"front\"]") List<String> allowedValues,
            @Schema(example = "60") Integer maxLength,
            @Schema(description = "Health or similar data, disclosed only under its own purpose") boolean specialCategory) {
    }

    public record Notice(@Schema(example = "1") int version, @Schema(example = "en") String language,
                         @Schema(example = "Personal touches at the airport") String title, String text) {
    }

    public record PurposeView(
            @Schema(example = "personalised-service") String key,
            @Schema(example = "[\"seat\", \"meal\"]") List<String> categories,
            boolean specialCategory,
            @Schema(example = "24") int maxDurationMonths,
            @Schema(description = "The notice to show before granting; grant with its version") Notice currentNotice) {
    }

    public record Catalogue(List<Definition> preferences, List<PurposeView> purposes) {
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The preference catalogue and the purposes with their current plain-language notices")
    @APIResponse(responseCode = "200", description = "The catalogue")
    public Catalogue catalogue() {
        List<Definition> definitions = PreferenceDefinition.<PreferenceDefinition>listAll().stream()
                .sorted(java.util.Comparator.comparing(d -> d.key))
                .map(d -> new Definition(d.key, d.category, d.label, d.valueType,
                        d.isEnum() ? List.copyOf(d.allowed()) : null, d.maxLength, d.specialCategory))
                .toList();
        List<PurposeView> purposes = Purpose.<Purpose>listAll().stream()
                .sorted(java.util.Comparator.comparing(p -> p.key))
                .map(p -> new PurposeView(p.key, List.copyOf(p.coverable()), p.specialCategory, p.maxDurationMonths,
                        PurposeNotice.current(p.key).map(n -> new Notice(n.version, n.language, n.title, n.text)).orElse(null)))
                .toList();
        return new Catalogue(definitions, purposes);
    }
}
