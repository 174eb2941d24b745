package io.touchpoint.support.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.touchpoint.support.web.ActingStaff;
import io.touchpoint.support.web.Problems;
import io.touchpoint.support.web.Throwables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every customer this service disclosed something about to a staff member's relayed token (table relayed_read,
 * docs/decisions/0018). The token proves who asked; the gateway's request id says which access record should
 * cover the read. The gateway lists these rows and reports any read that no access record covers: the trace
 * of someone holding the gateway's client secret and a live staff sign-in who read around the gateway. A read
 * that cannot be written is not answered.
 */
@ApplicationScoped
@IfBuildProperty(name = "touchpoint.relayed-reads.enabled", stringValue = "true")
public class RelayedReads {

    private static final Logger LOG = Logger.getLogger(RelayedReads.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** The most rows one listing returns. */
    public static final int MAX_PAGE = 1000;

    private final EntityManager entityManager;
    private final Duration retention;

    public RelayedReads(EntityManager entityManager,
                        @ConfigProperty(name = "touchpoint.relayed-reads.retention", defaultValue = "P30D") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    public record Read(
            @Schema(example = "4211") long id,
            @Schema(example = "2026-11-23T10:00:00Z") Instant readAt,
            @Schema(example = "card-projection") String operation,
            @Schema(example = "0b8c6f0e-9a7d-4c1b-8e2f-3d4c5b6a7980") String staffSubject,
            @Schema(example = "gate-agent") String role,
            @Schema(example = "7c1e4f52-9d0b-4a8e-b1f3-2a6d5c4e3f21") String gatewayRequestId,
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId) {
    }

    /** Records that {@code staff} was shown something about each customer, in the caller's transaction. */
    @Transactional
    public void record(ActingStaff staff, String operation, Collection<UUID> customers) {
        try {
            for (UUID customer : customers) {
                entityManager.createNativeQuery("""
                                INSERT INTO relayed_read (operation, staff_subject, acting_role, gateway_request_id, customer_id)
                                VALUES (:operation, :subject, :role, :request, :customer)""")
                        .setParameter("operation", operation).setParameter("subject", staff.subject)
                        .setParameter("role", staff.role).setParameter("request", staff.requestId)
                        .setParameter("customer", customer).executeUpdate();
            }
        } catch (PersistenceException e) {
            if (Throwables.rootCause(e) instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw Problems.of(409, "request-id-reused", "Request id already answered",
                        "This service already answered this request id; the gateway makes a new id for every look.");
            }
            throw Problems.of(503, "read-not-recorded", "Read could not be recorded",
                    "This service records every read it answers for staff; it could not, so it answers nothing. Try again shortly.");
        }
    }

    /**
     * Reads after {@code afterId} that are at least {@code settled} old, oldest first: younger reads may still be
     * waiting for the gateway's record, and a transaction still open could commit a lower id.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Read> after(long afterId, Duration settled, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, read_at, operation, staff_subject, acting_role, gateway_request_id, customer_id
                        FROM relayed_read WHERE id > :after AND read_at < now() - make_interval(secs => :settled)
                        ORDER BY id LIMIT :limit""")
                .setParameter("after", afterId).setParameter("settled", (double) settled.toSeconds())
                .setParameter("limit", Math.min(limit, MAX_PAGE)).getResultList();
        return rows.stream().map(r -> new Read(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (UUID) r[6])).toList();
    }

    /** Reads are kept long enough for the gateway to reconcile them, then go. */
    @Scheduled(every = "${touchpoint.relayed-reads.sweep:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        int gone = entityManager.createNativeQuery("DELETE FROM relayed_read WHERE read_at < now() - make_interval(secs => :keep)")
                .setParameter("keep", (double) retention.toSeconds()).executeUpdate();
        if (gone > 0) {
            LOG.infof("%d relayed reads past retention deleted", gone);
        }
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
