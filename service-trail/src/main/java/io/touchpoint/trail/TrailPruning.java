package io.touchpoint.trail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the checkpoint table bounded: one checkpoint per integration run would otherwise grow it forever. Keeps each
 * tree's latest checkpoint, every month's final one and every witnessed one; deletes the rest once older than
 * {@code touchpoint.trail.prune-after}. Proofs are built from the stored nodes, not from old checkpoints, so every
 * inclusion and consistency proof a customer or auditor can ask for stays available.
 */
@ApplicationScoped
public class TrailPruning {

    private static final Logger LOG = Logger.getLogger(TrailPruning.class);

    private final TrailStore store;
    private final TrailConfig config;
    private final Clock clock;

    public TrailPruning(TrailStore store, TrailConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${touchpoint.trail.prune-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long pruned = prune(clock.instant().minus(config.pruneAfter()));
        if (pruned > 0) {
            LOG.infof("trail: pruned %d checkpoints no proof needs", pruned);
        }
    }

    /**
     * Prunes checkpoints signed before {@code cutoff}; returns how many went (0 when another instance holds the
     * integrator's lease). All of pruning's SQL is this one call of the migration's {@code trail_prune_checkpoints},
     * whose rule no caller can widen, run as the integrator: only that role may (ADR 0012).
     */
    public long prune(Instant cutoff) {
        return store.asIntegrator(() -> store.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT trail_prune_checkpoints(?)")) {
                s.setTimestamp(1, Timestamp.from(cutoff));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        })).orElse(0L);
    }
}
