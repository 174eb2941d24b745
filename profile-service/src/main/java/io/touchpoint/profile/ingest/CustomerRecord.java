package io.touchpoint.profile.ingest;

import io.touchpoint.profile.customer.IdentifierType;
import io.touchpoint.profile.customer.Tier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A customer as an operational system sends it. The identifiers listed replace the stored ones. */
public record CustomerRecord(
        @NotBlank @Size(max = 100) @Schema(example = "Luc") String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Desmarais") String familyName,
        @Size(max = 50) @Schema(example = "Mr") String preferredAddress,
        @Size(max = 200) @Schema(example = "day-MAR-ay") String namePronunciation,
        @NotNull @Schema(example = "GOLD") Tier tier,
        @Size(max = 20) List<@NotNull @Valid Identifier> identifiers) {

    public record Identifier(
            @NotNull @Schema(example = "LOYALTY_NUMBER") IdentifierType type,
            @NotBlank @Size(max = 1000) @Schema(example = "TP12345678") String value) {
    }
}
