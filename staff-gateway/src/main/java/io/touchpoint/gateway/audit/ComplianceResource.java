package io.touchpoint.gateway.audit;

import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The trail, not the contents: access records by customer, staff, touchpoint, role, time and outcome. */
@Path("/api/compliance/access-records")
@RolesAllowed("compliance-auditor")
@Tag(name = "Compliance", description = "For compliance reviewers (role compliance-auditor)")
@SecurityRequirement(name = "SecurityScheme")
public class ComplianceResource {

    private final AccessQuery query;
    private final UnusualAccess unusual;
    private final ComplianceLimits limits;

    public ComplianceResource(AccessQuery query, UnusualAccess unusual, ComplianceLimits limits) {
        this.query = query;
        this.unusual = unusual;
        this.limits = limits;
    }

    @GET
    @Path("/unusual")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unusual access in a period, each finding explained in plain words",
            description = "High card-view rates against the staff member's own usual rate, repeated break-glass searches, "
                    + "and many identifiers that matched nobody. Defaults to the last 24 hours; at most 31 days "
                    + "(touchpoint.compliance.max-report-period).")
    @APIResponse(responseCode = "200", description = "The findings, possibly none")
    @APIResponse(responseCode = "400", description = "A malformed period, or one longer than the longest report period")
    public List<UnusualAccess.Finding> unusualAccess(@QueryParam("from") @Schema(example = "2026-11-22T00:00:00Z") String from,
                                                     @QueryParam("to") @Schema(example = "2026-11-23T00:00:00Z") String to) {
        Instant end = to == null ? Instant.now() : ComplianceFilter.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : ComplianceFilter.instant("from", from);
        if (!start.isBefore(end)) {
            throw Problems.badRequest("invalid-period", "Invalid period", "from must be before to");
        }
        // Each finding reads the period and the 30 days before it: an unbounded period is a scan of the whole log.
        if (Duration.between(start, end).compareTo(limits.maxReportPeriod()) > 0) {
            throw Problems.badRequest("period-too-long", "Period too long", "from and to may be at most "
                    + limits.maxReportPeriod().toDays() + " days apart; ask for one period at a time");
        }
        return unusual.report(start, end);
    }

    public record Row(
            @Schema(example = "7d3c1b2a-0000-4000-8000-000000000001") UUID id,
            @Schema(example = "2026-11-23T10:15:30.123456Z") Instant recordedAt,
            @Schema(example = "req-1") String requestId,
            @Schema(example = "0b8c6f0e-staff") String staffSubject,
            @Schema(example = "gate-agent") String role,
            @Schema(example = "tablet-17") String device,
            @Schema(example = "GATE/A12") String touchpoint,
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "personalised-service") String purpose,
            @Schema(example = "2026-11-23.1") String policyVersion,
            @Schema(example = "[\"greeting\", \"preference-seat\"]", description = "Field names, never values") List<String> fields,
            @Schema(example = "[\"5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11\"]") List<String> receipts,
            @Schema(example = "SERVED") String outcome,
            String breakGlassJustification,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String recordHash) {

        static Row of(AccessRecord r) {
            return new Row(r.id, r.recordedAt, r.requestId, r.staffSubject, r.role, r.device, r.touchpoint, r.customerId,
                    r.purpose, r.policyVersion, split(r.fields), split(r.receipts), r.outcome, r.breakGlassJustification,
                    HexFormat.of().formatHex(r.recordHash));
        }

        private static List<String> split(String joined) {
            return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
        }
    }

    public record Rows(List<Row> records, @Schema(description = "Pass as cursor for the next page; absent on the last") String next) {
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search access records, newest first, one page at a time")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "A malformed filter or cursor")
    public Rows search(@Valid @BeanParam ComplianceFilter filters,
                       @QueryParam("cursor") String cursor,
                       @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(AccessQuery.MAX_PAGE) int limit) {
        AccessQuery.Filter filter = filters.toFilter();
        AccessQuery.Page page = query.page(filter, cursor, limit);
        return new Rows(page.records().stream().map(Row::of).toList(), page.next());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The same search as CSV, every matching record, streamed page by page",
            description = "At most 100,000 records (touchpoint.compliance.max-export-rows): a search matching more is "
                    + "refused with a 400 problem before anything is streamed; narrow it with from and to.")
    @APIResponse(responseCode = "400", description = "A malformed filter, or more matching records than one export holds")
    @APIResponse(responseCode = "200", description = "CSV with a header row", content = @Content(mediaType = "text/csv",
            example = "id,recordedAt,requestId,staffSubject,role,device,touchpoint,customerId,purpose,policyVersion,fields,"
                    + "receipts,outcome,breakGlassJustification,recordHash\r\n7d3c1b2a-0000-4000-8000-000000000001,"
                    + "2026-11-23T10:15:30.123456Z,req-1,0b8c6f0e-staff,gate-agent,tablet-17,GATE/A12,"
                    + "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e,personalised-service,2026-11-23.1,greeting tier,,SERVED,,9f86d0…\r\n"))
    public Response export(@Valid @BeanParam ComplianceFilter filters) {
        AccessQuery.Filter filter = filters.toFilter();
        int cap = limits.maxExportRows();
        // Refused before the first byte: a truncated file could be taken for the whole trail.
        if (QuarkusTransaction.requiringNew().call(() -> query.exceeds(filter, cap))) {
            throw Problems.badRequest("export-too-large", "Export too large", "More than " + cap
                    + " records match; an export holds at most " + cap + ". Narrow the search with from and to "
                    + "(or other filters), or page through the JSON search.");
        }
        StreamingOutput csv = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CsvRows.HEADER);
            String cursor = null;
            int written = 0;
            do {
                // One short transaction per page: a long export holds no transaction open.
                String from0 = cursor;
                AccessQuery.Page page = QuarkusTransaction.requiringNew().call(() -> query.page(filter, from0, AccessQuery.MAX_PAGE));
                for (AccessRecord r : page.records()) {
                    writer.write(CsvRows.row(Row.of(r)));
                }
                writer.flush();
                written += page.records().size();
                cursor = page.next();
            } while (cursor != null && written < cap); // records added while streaming do not lift the cap
            writer.flush();
        };
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"access-records.csv\"").build();
    }
}
