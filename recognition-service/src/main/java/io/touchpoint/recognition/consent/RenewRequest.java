package io.touchpoint.recognition.consent;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RenewRequest(
        @NotNull @Min(1) @Schema(example = "1", description = "The version of the notice the customer was shown") Integer noticeVersion) {
}
