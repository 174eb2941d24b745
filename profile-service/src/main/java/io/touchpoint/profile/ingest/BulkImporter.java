package io.touchpoint.profile.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.support.web.JsonErrors;
import io.touchpoint.support.web.Throwables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Streams an NDJSON import: lines are read, validated and written in batches, so memory stays flat whatever
 * the file's size. A batch commits as a unit; if the database refuses it, its lines are retried one by one
 * so that only the offending lines fail.
 *
 * <p>Each line is {@code {"kind": "customer" | "trip" | "service-event", "externalId": "...", "record": {...}}}.
 */
@ApplicationScoped
public class BulkImporter {

    static final int MAX_REPORTED_ERRORS = 100;
    static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final int BATCH_SIZE = 500;
    private static final int PROGRESS_EVERY = 100_000;
    private static final Pattern EXTERNAL_ID = Pattern.compile(IngestResource.EXTERNAL_ID);
    private static final Logger LOG = Logger.getLogger(BulkImporter.class);

    private final IngestService ingest;
    private final ObjectMapper mapper;
    private final Validator validator;

    public BulkImporter(IngestService ingest, ObjectMapper mapper, Validator validator) {
        this.ingest = ingest;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A line that parsed and validated; only the database can still refuse it. */
    private record Line(long number, String kind, String externalId, Object record) {
    }

    private final class Report {
        long lines;
        long created;
        long updated;
        long failed;
        final List<ImportReport.LineError> errors = new ArrayList<>();

        void fail(long line, String externalId, String message) {
            failed++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(new ImportReport.LineError(line, externalId, message));
            }
        }

        void count(IngestService.Outcome outcome) {
            if (outcome == IngestService.Outcome.CREATED) {
                created++;
            } else {
                updated++;
            }
        }

        void add(Report other) {
            created += other.created;
            updated += other.updated;
            failed += other.failed;
            other.errors.stream().limit(MAX_REPORTED_ERRORS - errors.size()).forEach(errors::add);
        }

        ImportReport toReport() {
            errors.sort(Comparator.comparingLong(ImportReport.LineError::line));
            return new ImportReport(lines, created, updated, failed, List.copyOf(errors), failed > errors.size());
        }
    }

    public ImportReport importNdjson(InputStream body) {
        long started = System.nanoTime();
        Report report = new Report();
        List<Line> batch = new ArrayList<>(BATCH_SIZE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long number = 0;
            String text;
            while ((text = readLine(reader, number + 1, report)) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                report.lines++;
                Line line = parse(number, text, report);
                if (line != null) {
                    batch.add(line);
                }
                if (batch.size() == BATCH_SIZE) {
                    write(batch, report);
                    batch.clear();
                }
                if (number % PROGRESS_EVERY == 0) {
                    LOG.infof("import progress: %d lines read, %d failed", number, report.failed);
                }
            }
            write(batch, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("import finished: %d lines, %d created, %d updated, %d failed in %d ms",
                report.lines, report.created, report.updated, report.failed, (System.nanoTime() - started) / 1_000_000);
        return report.toReport();
    }

    /** Reads one line of at most MAX_LINE_LENGTH characters; a longer one is reported and skipped. */
    private static String readLine(BufferedReader reader, long number, Report report) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (line.length() < MAX_LINE_LENGTH) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1 && line.isEmpty()) {
            return null;
        }
        if (tooLong) {
            report.lines++;
            report.fail(number, null, "line is longer than " + MAX_LINE_LENGTH + " characters");
            return "";
        }
        return line.toString();
    }

    private Line parse(long number, String text, Report report) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            report.fail(number, null, JsonErrors.describe(e));
            return null;
        }
        if (node == null || !node.isObject()) {
            report.fail(number, null, "each line must be a JSON object");
            return null;
        }
        String kind = node.path("kind").asText("");
        String externalId = node.path("externalId").isTextual() ? node.get("externalId").asText() : null;
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            report.fail(number, null, "externalId must be 1 to 100 letters, digits or . _ : -");
            return null;
        }
        Class<?> type = switch (kind) {
            case "customer" -> CustomerRecord.class;
            case "trip" -> TripRecord.class;
            case "service-event" -> ServiceEventRecord.class;
            default -> null;
        };
        if (type == null) {
            report.fail(number, externalId, "kind must be customer, trip or service-event");
            return null;
        }
        if (!node.path("record").isObject()) {
            report.fail(number, externalId, "record must be a JSON object");
            return null;
        }
        Object record;
        try {
            record = mapper.treeToValue(node.get("record"), type);
        } catch (JsonProcessingException e) {
            report.fail(number, externalId, JsonErrors.describe(e, "record"));
            return null;
        } catch (IllegalArgumentException e) {
            report.fail(number, externalId, "record could not be read as a " + kind);
            return null;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            report.fail(number, externalId, violations.stream()
                    .map(v -> "record." + v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
            return null;
        }
        return new Line(number, kind, externalId, record);
    }

    private void write(List<Line> batch, Report report) {
        if (batch.isEmpty()) {
            return;
        }
        Report attempt = new Report();
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(line -> apply(line, attempt)));
        } catch (RuntimeException batchRefused) {
            // The exception class only: its message may quote the offending values.
            LOG.warnf("import batch of %d lines refused by the database (%s); retrying line by line",
                    batch.size(), Throwables.rootCause(batchRefused).getClass().getSimpleName());
            // Some line broke a database rule the checks did not foresee: find it by going one line at a time.
            for (Line line : batch) {
                Report single = new Report();
                try {
                    QuarkusTransaction.requiringNew().run(() -> apply(line, single));
                    report.add(single);
                } catch (RuntimeException lineRefused) {
                    report.fail(line.number(), line.externalId(), "the database refused this record (it conflicts with stored data)");
                }
            }
            return;
        }
        report.add(attempt);
    }

    private void apply(Line line, Report report) {
        try {
            IngestService.Result result = switch (line.record()) {
                case CustomerRecord c -> ingest.upsertCustomer(line.externalId(), c);
                case TripRecord t -> ingest.upsertTrip(line.externalId(), t);
                case ServiceEventRecord e -> ingest.upsertServiceEvent(line.externalId(), e);
                default -> throw new IllegalStateException("unexpected record type");
            };
            report.count(result.outcome());
        } catch (HttpProblem problem) {
            report.fail(line.number(), line.externalId(), problem.getDetail());
        }
    }
}
