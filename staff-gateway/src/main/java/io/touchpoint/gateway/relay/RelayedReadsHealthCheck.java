package io.touchpoint.gateway.relay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * In {@code /q/health/group/trail}: DOWN while a read at a service that no access record covers is younger than the
 * alert window (ADR 0018). Counts only; who and whom are in the unusual-access report, for reviewers.
 */
@HealthGroup("trail")
@ApplicationScoped
public class RelayedReadsHealthCheck implements HealthCheck {

    private final EntityManager em;
    private final Clock clock;
    private final Duration window;

    public RelayedReadsHealthCheck(EntityManager em, Clock clock,
                                   @ConfigProperty(name = "touchpoint.relayed-reads.alert-window", defaultValue = "P7D") Duration window) {
        this.em = em;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public HealthCheckResponse call() {
        long recent = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM unrecorded_relayed_read WHERE read_at >= :since")
                .setParameter("since", Timestamp.from(clock.instant().minus(window))).getSingleResult()).longValue());
        return HealthCheckResponse.named("relayed-reads").status(recent == 0)
                .withData("unrecordedInWindow", recent)
                .withData("windowDays", window.toDays())
                .build();
    }
}
