package io.touchpoint.profile.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CardProjectionRequest(
        @NotNull @Valid
        @Schema(description = "What the customer presented; identifiers travel in bodies, never in URLs.")
        PresentedIdentifier presented) {
}
