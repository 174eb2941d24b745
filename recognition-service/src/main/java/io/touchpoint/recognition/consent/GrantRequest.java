package io.touchpoint.recognition.consent;

import io.touchpoint.recognition.web.Roles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record GrantRequest(
        @NotBlank @Size(max = 50) @Schema(example = "personalised-service") String purpose,
        @NotNull @Min(1) @Schema(example = "1", description = "The version of the notice the customer was shown") Integer noticeVersion,
        @Size(max = 20) @Schema(example = "[\"seat\", \"meal\"]") List<@NotBlank @Size(max = 20) String> categories,
        @Size(max = 5) @Schema(example = "[\"gate-agent\", \"cabin-crew\"]")
        List<@NotNull @Pattern(regexp = Roles.STAFF_PATTERN, message = "must be one of " + Roles.STAFF_PATTERN) String> roles,
        @Size(max = 20) @Schema(example = "[\"LOUNGE\"]")
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,19}", message = "must be a touchpoint type such as GATE or LOUNGE") String> touchpointTypes,
        @Min(1) @Max(24) @Schema(example = "24", description = "Defaults to the purpose's maximum (24 months); never open-ended")
        Integer durationMonths) {
}
