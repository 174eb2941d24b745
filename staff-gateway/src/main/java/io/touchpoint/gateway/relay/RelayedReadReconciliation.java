package io.touchpoint.gateway.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the services' relayed reads against the access records (docs/decisions/0018). A staff member's token,
 * exchanged for a service, can be used by whoever holds the gateway's client secret and that live sign-in,
 * without the gateway's admission or record. The services write down every customer they show to such a token;
 * here every read must have an access record with the gateway's request id, the same staff member and the same
 * customer. A read without one is kept in {@code unrecorded_relayed_read}, reported to reviewers as
 * {@code read-around-the-gateway} ({@link io.touchpoint.gateway.audit.UnusualAccess}), counted by a gauge and
 * turns the {@code trail} health group DOWN.
 */
@ApplicationScoped
public class RelayedReadReconciliation {

    private static final Logger LOG = Logger.getLogger(RelayedReadReconciliation.class);
    static final int PAGE = 500;
    /** Pages per service per run, so one run stays short; the next run goes on from the cursor. */
    static final int MAX_PAGES = 20;
    /** How far before a read its access record may be dated: the two machines' clocks may differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final EntityManager em;
    private final Map<String, RelayedReadClients.Listing> services = new LinkedHashMap<>();
    private final Duration settled;
    private final Clock clock;
    private final AtomicLong unrecorded = new AtomicLong(-1);

    public RelayedReadReconciliation(EntityManager em, @RestClient RelayedReadClients.Profile profile,
                                     @RestClient RelayedReadClients.Recognition recognition,
                                     @ConfigProperty(name = "touchpoint.relayed-reads.settled", defaultValue = "PT2M") Duration settled,
                                     Clock clock, MeterRegistry registry) {
        this.em = em;
        this.services.put("profile-service", profile);
        this.services.put("recognition-service", recognition);
        this.settled = settled;
        this.clock = clock;
        Gauge.builder("touchpoint.relayed.reads.unrecorded", unrecorded, n -> n.get() < 0 ? Double.NaN : n.get())
                .description("Reads the services answered for relayed staff tokens that no access record covers")
                .register(registry);
    }

    public record Run(int reconciled, int unrecorded, List<String> unreachable) {
    }

    @Scheduled(every = "${touchpoint.relayed-reads.reconcile-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = reconcile();
        if (run.unrecorded() > 0) {
            LOG.warnf("%d reads at the services have no access record: see the unusual-access report (read-around-the-gateway)",
                    run.unrecorded());
        }
    }

    /** Reconciles every settled read since the last run, page by page; a service that cannot be asked is retried next run. */
    public Run reconcile() {
        int reconciled = 0;
        int found = 0;
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<String, RelayedReadClients.Listing> service : services.entrySet()) {
            try {
                for (int page = 0; page < MAX_PAGES; page++) {
                    long after = cursor(service.getKey());
                    JsonNode listed = service.getValue().after(after, PAGE, settled.toSeconds());
                    ArrayNode reads = (ArrayNode) listed.path("reads");
                    int unmatched = QuarkusTransaction.requiringNew().call(() -> settle(service.getKey(), reads, after, listed.path("next").asLong(after)));
                    reconciled += reads.size();
                    found += unmatched;
                    if (reads.size() < PAGE) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                unreachable.add(service.getKey());
                LOG.warnf("relayed reads of %s could not be reconciled now (%s); the next run goes on from where this one stopped",
                        service.getKey(), e.getClass().getSimpleName());
            }
        }
        unrecorded.set(total());
        return new Run(reconciled, found, unreachable);
    }

    /** Keeps the reads of one page that no access record covers, and moves the cursor, in one transaction. */
    private int settle(String service, ArrayNode reads, long after, long next) {
        int unmatched = 0;
        if (!reads.isEmpty()) {
            Instant earliest = reads.findValuesAsText("readAt").stream().map(Instant::parse).min(Instant::compareTo).orElseThrow();
            unmatched = em.createNativeQuery("""
                            INSERT INTO unrecorded_relayed_read (service, read_id, read_at, operation, staff_subject, acting_role,
                                                                 gateway_request_id, customer_id, found_at)
                            SELECT :service, r.id, r."readAt", r.operation, r."staffSubject", r.role, r."gatewayRequestId", r."customerId", :now
                            FROM jsonb_to_recordset(CAST(:reads AS jsonb)) AS r(id bigint, "readAt" timestamptz, operation text,
                                 "staffSubject" text, role text, "gatewayRequestId" text, "customerId" uuid)
                            WHERE r."gatewayRequestId" IS NULL OR NOT EXISTS (
                                SELECT 1 FROM access_record a
                                WHERE a.customer_id = r."customerId" AND a.recorded_at >= :from
                                  AND a.request_id = r."gatewayRequestId" AND a.staff_subject = r."staffSubject")
                            -- A card whose profile hop timed out is recorded FAILED, with no customer: it covers the one
                            -- projection the service answered too late (a service answers one per request id).
                            AND NOT (r.operation = 'card-projection' AND EXISTS (
                                SELECT 1 FROM access_record a
                                WHERE a.request_id = r."gatewayRequestId" AND a.recorded_at >= :from
                                  AND a.staff_subject = r."staffSubject" AND a.outcome = 'FAILED' AND a.customer_id IS NULL))
                            ON CONFLICT (service, read_id) DO NOTHING""")
                    .setParameter("service", service).setParameter("reads", reads.toString())
                    .setParameter("from", Timestamp.from(earliest.minus(CLOCK_SKEW)))
                    .setParameter("now", Timestamp.from(clock.instant())).executeUpdate();
        }
        if (next > after) {
            em.createNativeQuery("""
                            INSERT INTO relayed_read_cursor (service, after_id, reconciled_at) VALUES (:service, :next, :now)
                            ON CONFLICT (service) DO UPDATE SET after_id = greatest(relayed_read_cursor.after_id, EXCLUDED.after_id),
                                                                reconciled_at = EXCLUDED.reconciled_at""")
                    .setParameter("service", service).setParameter("next", next)
                    .setParameter("now", Timestamp.from(clock.instant())).executeUpdate();
        }
        return unmatched;
    }

    private long cursor(String service) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT after_id FROM relayed_read_cursor WHERE service = :service")
                    .setParameter("service", service).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.getFirst()).longValue();
        });
    }

    /** Every unrecorded read found so far. */
    public long total() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM unrecorded_relayed_read").getSingleResult()).longValue());
    }
}
