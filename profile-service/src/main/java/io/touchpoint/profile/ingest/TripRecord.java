package io.touchpoint.profile.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A booking's journey; segments are numbered by their order in the list. */
public record TripRecord(
        @NotBlank @Size(max = 100) @Schema(example = "crm-000042") String customerExternalId,
        @Pattern(regexp = "[A-Z0-9]{5,7}", message = "must be 5 to 7 upper-case letters or digits")
        @Schema(example = "ABC123") String bookingReference,
        @NotEmpty @Size(max = 16) List<@NotNull @Valid Segment> segments) {

    public record Segment(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,3}", message = "must be an airline designator such as AC")
            @Schema(example = "AC") String carrier,
            @NotBlank @Pattern(regexp = "[0-9]{1,4}[A-Z]?", message = "must be 1 to 4 digits and an optional letter")
            @Schema(example = "834") String flightNumber,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter IATA airport code")
            @Schema(example = "YUL") String origin,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter IATA airport code")
            @Schema(example = "FRA") String destination,
            @NotNull @Schema(example = "2026-11-22T21:45:00Z") Instant scheduledDeparture,
            @Size(max = 20) @Schema(example = "BUSINESS") String cabin,
            @Pattern(regexp = "[0-9]{1,3}[A-Z]", message = "must be a row and a letter such as 1A")
            @Schema(example = "1A") String seat,
            @Pattern(regexp = "[A-Z]{4}", message = "must be a four-letter IATA special service request code")
            @Schema(example = "VGML") String specialMeal,
            @Pattern(regexp = "[A-Z]{4}", message = "must be a four-letter IATA special service request code")
            @Schema(example = "WCHR") String assistance) {
    }
}
