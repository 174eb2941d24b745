package io.touchpoint.recognition.recognition;

import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.web.Roles;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/recognitions")
@Tag(name = "Recognition", description = "For the staff-gateway's service identity only")
@SecurityRequirement(name = "SecurityScheme")
public class RecognitionResource {

    private static final Logger LOG = Logger.getLogger(RecognitionResource.class);
    static final String TOUCHPOINT = "([A-Z][A-Z_]{1,19})/[A-Za-z0-9._-]{1,40}";
    static final String PURPOSES = "[a-z][a-z0-9-]{1,49}(,[a-z][a-z0-9-]{1,49}){0,4}";

    private final RecognitionService recognition;

    public RecognitionResource(RecognitionService recognition) {
        this.recognition = recognition;
    }

    public record RecognitionRequest(
            @NotNull @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e", description = "From profile-service's card projection")
            UUID customerId) {
    }

    public record Disclosed(
            @Schema(example = "seat.position") String key,
            @Schema(example = "seat") String category,
            @Schema(example = "aisle") String value,
            @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11", description = "Receipt of the consent that allows it") UUID receiptId) {

        static Disclosed of(ConsentEvaluation.Disclosure d) {
            return new Disclosed(d.key(), d.category(), d.value(), d.receiptId());
        }
    }

    public record Photo(@Schema(example = "true") boolean available,
                        @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11") UUID receiptId) {
    }

    public record Recognition(
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "2026-11-23T10:00:00Z") Instant evaluatedAt,
            @Schema(description = "Only preferences an active consent covers for this purpose and this role or touchpoint type")
            List<Disclosed> preferences,
            @Schema(description = "Present only when the customer uploaded a photo and consented to recognition by photo")
            Photo photo) {
    }

    @POST
    @RolesAllowed(Roles.GATEWAY_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The preferences this customer consented to show to this role at this touchpoint, now",
            description = "Evaluated against the consent ledger on every call: a withdrawal counts from the very next "
                    + "call, an expired consent counts as none. X-Purpose may list several purposes, comma-separated.")
    @APIResponse(responseCode = "200", description = "The consented preferences, each with its receipt id")
    @APIResponse(responseCode = "400", description = "Missing or malformed acting-staff headers or body")
    public Recognition recognise(
            @HeaderParam("X-Acting-Subject") @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be the staff member's token subject")
            @Parameter(example = "0b8c6f0e-staff") String actingSubject,
            @HeaderParam("X-Acting-Role") @NotBlank @Pattern(regexp = Roles.STAFF_PATTERN, message = "must be one of " + Roles.STAFF_PATTERN)
            @Parameter(example = "gate-agent") String actingRole,
            @HeaderParam("X-Touchpoint") @NotBlank @Pattern(regexp = TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
            @Parameter(example = "GATE/A12") String touchpoint,
            @HeaderParam("X-Purpose") @NotBlank @Pattern(regexp = PURPOSES, message = "must be one to five purpose keys, comma-separated")
            @Parameter(example = "personalised-service,assistance-sharing") String purpose,
            @NotNull @Valid RecognitionRequest request) {
        Set<String> purposes = new LinkedHashSet<>(Arrays.asList(purpose.split(",")));
        String touchpointType = touchpoint.substring(0, touchpoint.indexOf('/'));
        RecognitionService.Recognised result = recognition.recognise(request.customerId(), purposes, actingRole, touchpointType);
        // Who asked and what was disclosed by key, never the customer or the values.
        LOG.infof("recognition for acting subject %s, role %s, touchpoint %s, purposes %s: %d preferences, photo %s",
                actingSubject, actingRole, touchpoint, purposes, result.preferences().size(), result.photo() != null);
        return new Recognition(result.customerId(), result.evaluatedAt(),
                result.preferences().stream().map(Disclosed::of).toList(),
                result.photo() == null ? null : new Photo(true, result.photo().receiptId()));
    }
}
