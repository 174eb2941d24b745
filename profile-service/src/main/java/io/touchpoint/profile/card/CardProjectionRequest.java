package io.touchpoint.profile.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CardProjectionRequest(
        @NotNull @Valid
        @Schema(description = "What the customer presented; identifiers travel in bodies, never in URLs.")
        PresentedIdentifier presented,
        // Free text travels in the body, never in a header: line breaks, tabs, any script or emoji are fine here.
        @Size(max = BreakGlassSearchResource.MAX_JUSTIFICATION, message = "must be at most 2,000 characters (4,000 UTF-16 units)")
        @Schema(description = "A supervisor's written justification; required when presented is CUSTOMER_ID (break-glass)",
                example = "Passenger unwell at gate B7; the medical team needs the booking")
        String justification) {
}
