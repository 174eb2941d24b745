package io.touchpoint.recognition.recognition;

import io.touchpoint.support.web.ActingStaff;
import io.touchpoint.support.web.GatewayRelay;
import io.touchpoint.support.relay.RelayedReads;

import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/recognitions")
@Tag(name = "Recognition", description = "For staff, through the staff-gateway only (their token exchanged for this service)")
@SecurityRequirement(name = "SecurityScheme")
public class RecognitionResource {

    private static final Logger LOG = Logger.getLogger(RecognitionResource.class);

    private final RecognitionService recognition;
    private final GatewayRelay relay;
    private final RelayedReads reads;

    public RecognitionResource(RecognitionService recognition, GatewayRelay relay, RelayedReads reads) {
        this.recognition = recognition;
        this.relay = relay;
        this.reads = reads;
    }

    public record RecognitionRequest(
            @NotNull @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e", description = "From profile-service's card projection")
            UUID customerId) {
    }

    public record Disclosed(
            @Schema(example = "seat.position") String key,
            @Schema(example = "seat") String category,
            @Schema(example = "aisle") String value,
            @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11", description = "Receipt of the consent that allows it") UUID receiptId,
            @Schema(example = "personalised-service", description = "The purpose of that consent: why this may be shown") String purpose) {

        static Disclosed of(ConsentEvaluation.Disclosure d) {
            return new Disclosed(d.key(), d.category(), d.value(), d.receiptId(), d.purpose());
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
            @Schema(description = "Present only when the customer uploaded a photo and consented to recognition by photo; "
                    + "says that a photo exists, never serves it")
            Photo photo,
            @Schema(example = "[\"personalised-service\", \"proactive-contact\"]", description = "The asked purposes the customer "
                    + "holds an active consent for that names this role or touchpoint type; for proactive-contact, whether "
                    + "staff here may approach the customer about a past issue")
            List<String> consentedPurposes) {
    }

    @POST
    @RolesAllowed({Roles.GATE_AGENT, Roles.CHECK_IN_AGENT, Roles.LOUNGE_HOST, Roles.CABIN_CREW, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The preferences this customer consented to show to this role at this touchpoint, now",
            description = "Evaluated against the consent ledger on every call: a withdrawal counts from the very next "
                    + "call, an expired consent counts as none. X-Purpose may list several purposes, comma-separated.")
    @APIResponse(responseCode = "200", description = "The consented preferences, each with its receipt id")
    @APIResponse(responseCode = "400", description = "Missing or malformed acting-staff headers or body")
    @APIResponse(responseCode = "403", description = "Not a staff token exchanged by the gateway, or it does not hold the acting role")
    public Recognition recognise(@Valid @BeanParam ActingStaff declared, @NotNull @Valid RecognitionRequest request) {
        ActingStaff staff = relay.staff(declared);
        RecognitionService.Recognised result = recognition.recognise(request.customerId(), staff.purposes(), staff.role,
                staff.touchpointType());
        reads.record(staff, "recognition", List.of(request.customerId()));
        // Who asked and how much was disclosed, never the customer or the values.
        LOG.infof("recognition for %s: %d preferences, photo %s", staff.describe(), result.preferences().size(), result.photo() != null);
        return new Recognition(result.customerId(), result.evaluatedAt(),
                result.preferences().stream().map(Disclosed::of).toList(),
                result.photo() == null ? null : new Photo(true, result.photo().receiptId()),
                List.copyOf(result.consentedPurposes()));
    }
}
