package io.touchpoint.profile.ingest;

import io.touchpoint.profile.history.ServiceEventStatus;
import io.touchpoint.profile.history.ServiceEventType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A disruption, complaint, compliment or recovery action, optionally linked to one flight of a trip. */
public record ServiceEventRecord(
        @NotBlank @Size(max = 100) @Schema(example = "crm-000042") String customerExternalId,
        @NotNull @Schema(example = "DISRUPTION") ServiceEventType type,
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,50}", message = "must be a lower-case category key such as delayed-baggage")
        @Schema(example = "delayed-baggage") String category,
        @Size(max = 1000) @Schema(example = "Bag arrived a day late.") String summary,
        @NotNull @Schema(example = "OPEN") ServiceEventStatus status,
        @NotNull @Schema(example = "2026-10-02T12:00:00Z") Instant occurredAt,
        @Size(max = 100) @Schema(example = "pss-trip-7781") String tripExternalId,
        @Min(1) @Max(16) @Schema(example = "1", description = "Which flight of the trip, counting from 1") Integer segmentPosition) {
}
