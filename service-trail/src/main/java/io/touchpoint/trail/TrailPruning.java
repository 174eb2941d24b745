package io.touchpoint.trail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final AgroalDataSource dataSource;
    private final TrailConfig config;
    private final Clock clock;

    public TrailPruning(AgroalDataSource dataSource, TrailConfig config, Clock clock) {
        this.dataSource = dataSource;
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
     * Prunes checkpoints signed before {@code cutoff}; returns how many went. All of pruning's SQL is this one call
     * of the migration's {@code trail_prune_checkpoints}, whose rule no caller can widen; run it on whichever
     * datasource (database role) is granted that function.
     */
    public long prune(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT trail_prune_checkpoints(?)")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pruning checkpoints failed (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
