package io.touchpoint.gateway.card;

import jakarta.validation.constraints.NotBlank;
import io.touchpoint.support.justification.Justification;
import io.touchpoint.support.justification.Justifications;
import io.touchpoint.support.web.ActingStaff;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervisor's break-glass search: a name, and why the customer cannot be found from what they present. */
public record SearchRequest(
        @NotBlank @Size(min = 2, max = 100) @Schema(example = "Desmarais") String familyName,
        @Size(max = 100) @Schema(example = "Luc") String givenName,
        @NotBlank @Justification(message = "must explain the search in 30 to 2000 characters, without control characters")
        @Schema(example = "Passenger collapsed at gate B7; the medical team needs to identify him") String justification,
        @NotNull @Pattern(regexp = ActingStaff.TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
        @Schema(example = "GATE/B7") String touchpoint,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "must be a purpose key such as personalised-service")
        @Schema(example = "personalised-service") String purpose,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be a device id of letters, digits, . _ -")
        @Schema(example = "tablet-17") String device) {

    /** The justification as it is checked, forwarded and recorded: without the white space around it. */
    public SearchRequest {
        justification = Justifications.normalise(justification);
    }
}
