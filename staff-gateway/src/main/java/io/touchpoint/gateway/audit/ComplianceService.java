package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The trail, not the contents: the compliance search and its CSV export, the unusual-access report and card views
 * per hour. The compliance API and the console both read them here, under the same bounds.
 */
@ApplicationScoped
public class ComplianceService {

    private final AccessQuery query;
    private final UnusualAccess unusual;
    private final ComplianceLimits limits;
    private final EntityManager em;

    public ComplianceService(AccessQuery query, UnusualAccess unusual, ComplianceLimits limits, EntityManager em) {
        this.query = query;
        this.unusual = unusual;
        this.limits = limits;
        this.em = em;
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

    /** Card views at a touchpoint in the hour starting at {@code hour}. */
    public record HourlyViews(Instant hour, String touchpoint, long views) {
    }

    /** One page of the records matching the filter, newest first; {@code cursor} is the previous page's {@code next}. */
    @Transactional
    public Rows search(@Valid ComplianceFilter filters, String cursor, int limit) {
        AccessQuery.Page page = query.page(filters.toFilter(), cursor, limit);
        return new Rows(page.records().stream().map(Row::of).toList(), page.next());
    }

    /**
     * Every matching record as CSV, streamed page by page. A search matching more than one export holds is refused
     * here, before the first byte: a truncated file could be taken for the whole trail.
     */
    public StreamingOutput export(@Valid ComplianceFilter filters) {
        AccessQuery.Filter filter = filters.toFilter();
        int cap = limits.maxExportRows();
        if (QuarkusTransaction.requiringNew().call(() -> query.exceeds(filter, cap))) {
            throw Problems.badRequest("export-too-large", "Export too large", "More than " + cap
                    + " records match; an export holds at most " + cap + ". Narrow the search with from and to "
                    + "(or other filters), or page through the JSON search.");
        }
        return out -> {
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
    }

    /**
     * The unusual-access findings of a period. Each finding reads the period and the 30 days before it, so the period
     * is bounded: an unbounded one is a scan of the whole log.
     */
    @Transactional
    public List<UnusualAccess.Finding> unusualAccess(Instant from, Instant to) {
        ComplianceFilter.within("to", to);
        ComplianceFilter.within("from", from);
        if (!from.isBefore(to)) {
            throw Problems.badRequest("invalid-period", "Invalid period", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(limits.maxReportPeriod()) > 0) {
            throw Problems.badRequest("period-too-long", "Period too long", "from and to may be at most "
                    + limits.maxReportPeriod().toDays() + " days apart; ask for one period at a time");
        }
        return unusual.report(from, to);
    }

    /** Card views per hour and touchpoint in [from, to): one indexed range scan of the period, grouped in the database. */
    @Transactional
    public List<HourlyViews> viewsPerHour(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT date_trunc('hour', recorded_at), touchpoint, count(*) FROM access_record
                WHERE recorded_at >= :from AND recorded_at < :to AND outcome IN ('SERVED', 'SERVED_WITHOUT_PREFERENCES')
                GROUP BY 1, 2""").setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new HourlyViews(toInstant(r[0]), (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> Instant.parse(value.toString());
        };
    }
}
