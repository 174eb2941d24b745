package io.touchpoint.profile.card;

import io.touchpoint.support.justification.Justification;
import io.touchpoint.support.justification.Justifications;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CardProjectionRequest(
        @NotNull @Valid
        @Schema(description = "What the customer presented; identifiers travel in bodies, never in URLs.")
        PresentedIdentifier presented,
        // Free text travels in the body, never in a header: line breaks, tabs, any script or emoji are fine here.
        // The gateway's rule, from service-support: what one service takes, the other takes too.
        @Justification
        @Schema(description = "A supervisor's written justification; required when presented is CUSTOMER_ID (break-glass)",
                example = "Passenger unwell at gate B7; the medical team needs the booking")
        String justification) {

    public CardProjectionRequest {
        justification = Justifications.normalise(justification);
    }
}
