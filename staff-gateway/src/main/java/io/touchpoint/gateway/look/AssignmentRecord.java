package io.touchpoint.gateway.look;

import io.touchpoint.support.web.ActingStaff;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What operations send for one assignment. */
public record AssignmentRecord(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be the staff member's token subject")
        @Schema(example = "0b8c6f0e-staff") String staffSubject,
        @NotNull @Pattern(regexp = ActingStaff.TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
        @Schema(example = "GATE/A12") String touchpoint,
        @NotNull @Schema(example = "2026-12-02T06:00:00Z") Instant from,
        @NotNull @Schema(example = "2026-12-02T14:00:00Z", description = "Exclusive; at most 31 days after from") Instant until) {
}
