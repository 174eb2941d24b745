package io.touchpoint.gateway.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes access records. Each insert stands alone: it computes its own hash from its own content and never
 * reads another record, so concurrent cards take no shared lock.
 */
@ApplicationScoped
public class AccessLog {

    private final EntityManager em;
    private final Clock clock;

    public AccessLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** What a caller knows about one look; the log adds id, time and hash. */
    public record Entry(String requestId, String staffSubject, String role, String device, String touchpoint,
                        UUID customerId, String purpose, String policyVersion, List<String> fields, List<String> receipts,
                        String outcome, String breakGlassJustification, Boolean flightToday) {
    }

    /** Joins the caller's transaction, so the record commits with (and before) whatever it describes. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AccessRecord record(Entry entry) {
        AccessRecord record = new AccessRecord();
        record.id = UUID.randomUUID();
        record.recordedAt = clock.instant();
        record.requestId = entry.requestId();
        record.staffSubject = entry.staffSubject();
        record.role = entry.role();
        record.device = entry.device();
        record.touchpoint = entry.touchpoint();
        record.customerId = entry.customerId();
        record.purpose = entry.purpose();
        record.policyVersion = entry.policyVersion();
        record.fields = String.join(",", entry.fields().stream().sorted().toList());
        record.receipts = String.join(",", entry.receipts().stream().sorted().toList());
        record.outcome = entry.outcome();
        record.flightToday = entry.flightToday();
        record.canonicalVersion = CanonicalRecord.VERSION;
        String justification = entry.breakGlassJustification();
        if (justification != null) {
            // The record commits to the text's hash; the text is kept apart so that an erasure can remove it.
            record.justificationSha256 = CanonicalRecord.justificationSha256(justification);
        }
        record.recordHash = CanonicalRecord.sha256(record.content());
        record.persistAndFlush();
        if (justification != null && record.customerId != null) {
            // One copy per record, which only this record's customer's erasure removes. A record that names nobody
            // keeps no text at all: no erasure could ever reach it (docs/erasure.md).
            em.createNativeQuery("INSERT INTO access_record_justification (record_id, justification) VALUES (:record, :text)")
                    .setParameter("record", record.id)
                    .setParameter("text", justification)
                    .executeUpdate();
        }
        record.breakGlassJustification = justification == null ? null
                : record.customerId == null ? AccessRecord.NOT_KEPT : justification;
        return record;
    }

    /**
     * Part of a customer's erasure: the text kept with each record of a look at them goes, and no other record's;
     * the records, their hashes and their leaves in the trail stay. Needs the customer's erasure request to exist.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public long redactJustificationsOf(UUID customerId) {
        return ((Number) em.createNativeQuery("SELECT redact_justifications_of(:customer)")
                .setParameter("customer", customerId)
                .getSingleResult()).longValue();
    }

    /** Keeps monthly partitions ahead of time; rows beyond them still land in the default partition. */
    @Scheduled(every = "12h", delayed = "10s")
    @Transactional
    void createUpcomingPartitions() {
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        for (int ahead = 0; ahead <= 2; ahead++) {
            em.createNativeQuery("SELECT 1 FROM (SELECT ensure_access_record_partition(CAST(:month AS date))) AS created")
                    .setParameter("month", month.plusMonths(ahead).toString())
                    .getSingleResult();
        }
    }
}
