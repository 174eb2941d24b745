package io.touchpoint.profile.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a bulk import did, line by line where something was wrong. */
public record ImportReport(
        @Schema(example = "1000000") long lines,
        @Schema(example = "999000") long created,
        @Schema(example = "990") long updated,
        @Schema(example = "10") long failed,
        @Schema(description = "The first " + BulkImporter.MAX_REPORTED_ERRORS + " failed lines") List<LineError> errors,
        @Schema(description = "True when more lines failed than are listed") boolean errorsTruncated) {

    public record LineError(
            @Schema(example = "17") long line,
            @Schema(example = "crm-000042") String externalId,
            @Schema(example = "record.tier: must not be null") String message) {
    }
}
