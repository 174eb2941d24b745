package io.touchpoint.trail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.touchpoint.merkle.NodeId;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The trail tables, in plain JDBC so that leaves and nodes go in as batches.
 *
 * <p>Two connections, two duties (ADR 0012). Outside {@link #asIntegrator} every method runs on the service's own
 * datasource and joins the caller's transaction; that role may only read the trail. Inside {@code asIntegrator}
 * every method runs on the integrator's datasource ({@code quarkus.datasource.trail}), in one transaction of its
 * own that holds the integrator's lease: the only place leaves, nodes, checkpoints and epochs can be written.
 */
@ApplicationScoped
public class TrailStore {

    /** The integrator's connection while {@link #asIntegrator} runs on this thread. */
    private static final ThreadLocal<Connection> INTEGRATING = new ThreadLocal<>();

    public record Leaf(String tree, long index, UUID entryId, Instant recordedAt, Instant integratedAt, boolean imported) {
    }

    /** An entry waiting for the integrator. */
    record Queued(UUID id, Instant recordedAt, boolean imported) {
        TrailEntries.Ref ref() {
            return new TrailEntries.Ref(id, recordedAt);
        }
    }

    public record Node(NodeId id, byte[] hash) {
    }

    public record StoredCheckpoint(String tree, long size, byte[] root, String note, Instant signedAt) {
    }

    public record StoredEpoch(String epoch, long size, byte[] root, String note, long epochsLeafIndex, Instant closedAt) {
    }

    private final AgroalDataSource dataSource;
    private final AgroalDataSource integratorDataSource;

    public TrailStore(AgroalDataSource dataSource, @DataSource("trail") AgroalDataSource integratorDataSource) {
        this.dataSource = dataSource;
        this.integratorDataSource = integratorDataSource;
    }

    /** JDBC work on the trail's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs JDBC work for a trail class of its own: inside {@link #asIntegrator} on the integrator's connection and
     * transaction, elsewhere on the service's (read-only on the trail), joining the caller's transaction.
     */
    public <T> T jdbc(Work<T> work) {
        return run(work);
    }

    private <T> T run(Work<T> work) {
        Connection integrating = INTEGRATING.get();
        try {
            if (integrating != null) {
                return work.on(integrating);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.on(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trail storage failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Runs {@code work} as the integrator: on the integrator's own connection, in one transaction that commits when
     * the work returns and rolls back when it throws, holding the lease ({@code trail_integrator_lease} locked
     * {@code FOR UPDATE}, which only the integrator's role may do). Every TrailStore call made by the work on this
     * thread runs on that connection. Empty when another integrator holds the lease; the work returns a non-null result.
     */
    public <T> Optional<T> asIntegrator(Supplier<T> work) {
        if (INTEGRATING.get() != null) {
            return Optional.of(work.get()); // already integrating on this thread: same transaction, same lease
        }
        try (Connection connection = integratorDataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean leading;
                try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM trail_integrator_lease FOR UPDATE SKIP LOCKED");
                     ResultSet rs = s.executeQuery()) {
                    leading = rs.next();
                }
                if (!leading) {
                    connection.rollback();
                    return Optional.empty();
                }
                INTEGRATING.set(connection);
                T result;
                try {
                    result = work.get();
                } finally {
                    INTEGRATING.remove();
                }
                connection.commit();
                return Optional.ofNullable(result);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trail integration failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    List<Queued> pending(int limit) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT entry_id, recorded_at, imported FROM trail_pending ORDER BY recorded_at, entry_id LIMIT ?")) {
                s.setInt(1, limit);
                List<Queued> queued = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        queued.add(new Queued(rs.getObject(1, UUID.class), instant(rs, 2), rs.getBoolean(3)));
                    }
                }
                return queued;
            }
        });
    }

    boolean anyPendingBefore(Instant end) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM trail_pending WHERE recorded_at < ? LIMIT 1")) {
                s.setTimestamp(1, Timestamp.from(end));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void deletePending(Collection<UUID> ids) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM trail_pending WHERE entry_id = ANY (?)")) {
                Array array = c.createArrayOf("uuid", ids.toArray());
                s.setArray(1, array);
                return s.executeUpdate();
            }
        });
    }

    public long size(String tree) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(leaf_index) + 1, 0) FROM trail_leaf WHERE tree = ?")) {
                s.setString(1, tree);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The stored hashes of the given nodes, in one query. */
    public Map<NodeId, byte[]> nodes(String tree, Collection<NodeId> ids) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT n.level, n.node_index, n.hash FROM trail_node n
                    JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, node_index)
                      ON n.level = wanted.level AND n.node_index = wanted.node_index
                    WHERE n.tree = ?""")) {
                s.setArray(1, c.createArrayOf("smallint", ids.stream().map(id -> (short) id.level()).toArray()));
                s.setArray(2, c.createArrayOf("bigint", ids.stream().map(NodeId::index).toArray()));
                s.setString(3, tree);
                Map<NodeId, byte[]> found = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(new NodeId(rs.getShort(1), rs.getLong(2)), rs.getBytes(3));
                    }
                }
                return found;
            }
        });
    }

    /** Leaf hashes (level-0 nodes) of leaves {@code [from, to)}, in order; a missing leaf is absent from the map. */
    Map<Long, byte[]> leafHashes(String tree, long from, long to) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT node_index, hash FROM trail_node WHERE tree = ? AND level = 0 AND node_index >= ? AND node_index < ?")) {
                s.setString(1, tree);
                s.setLong(2, from);
                s.setLong(3, to);
                Map<Long, byte[]> found = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getBytes(2));
                    }
                }
                return found;
            }
        });
    }

    void append(List<Leaf> leaves, String tree, List<Node> nodes) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at, imported) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Leaf leaf : leaves) {
                    s.setString(1, leaf.tree());
                    s.setLong(2, leaf.index());
                    s.setObject(3, leaf.entryId());
                    s.setTimestamp(4, leaf.recordedAt() == null ? null : Timestamp.from(leaf.recordedAt()));
                    s.setTimestamp(5, Timestamp.from(leaf.integratedAt()));
                    s.setBoolean(6, leaf.imported());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO trail_node (tree, level, node_index, hash) VALUES (?, ?, ?, ?)")) {
                for (Node node : nodes) {
                    s.setString(1, tree);
                    s.setShort(2, (short) node.id().level());
                    s.setLong(3, node.id().index());
                    s.setBytes(4, node.hash());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    void saveCheckpoint(StoredCheckpoint checkpoint) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, checkpoint.tree());
                s.setLong(2, checkpoint.size());
                s.setBytes(3, checkpoint.root());
                s.setString(4, checkpoint.note());
                s.setTimestamp(5, Timestamp.from(checkpoint.signedAt()));
                return s.executeUpdate();
            }
        });
    }

    public Optional<StoredCheckpoint> latestCheckpoint(String tree) {
        return checkpointWhere(tree, "ORDER BY tree_size DESC LIMIT 1", null);
    }

    public Optional<StoredCheckpoint> checkpoint(String tree, long size) {
        return checkpointWhere(tree, "AND tree_size = ?", size);
    }

    private Optional<StoredCheckpoint> checkpointWhere(String tree, String clause, Long size) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tree_size, root_hash, note, signed_at FROM trail_checkpoint WHERE tree = ? " + clause)) {
                s.setString(1, tree);
                if (size != null) {
                    s.setLong(2, size);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredCheckpoint(tree, rs.getLong(1), rs.getBytes(2), rs.getString(3), instant(rs, 4)))
                            : Optional.<StoredCheckpoint>empty();
                }
            }
        });
    }

    /** The month trees that hold leaves, oldest first, and the newest closed month; for deciding what to close. */
    Optional<String> oldestTree() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT min(tree) FROM trail_checkpoint WHERE tree <> ?")) {
                s.setString(1, TrailIntegrator.EPOCHS_TREE);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(rs.getString(1));
                }
            }
        });
    }

    Optional<String> newestClosedEpoch() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT max(epoch) FROM trail_epoch");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getString(1));
            }
        });
    }

    void saveEpoch(StoredEpoch epoch) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO trail_epoch (epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, epoch.epoch());
                s.setLong(2, epoch.size());
                s.setBytes(3, epoch.root());
                s.setString(4, epoch.note());
                s.setLong(5, epoch.epochsLeafIndex());
                s.setTimestamp(6, Timestamp.from(epoch.closedAt()));
                return s.executeUpdate();
            }
        });
    }

    public Optional<StoredEpoch> epoch(String epoch) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tree_size, root_hash, note, epochs_leaf_index, closed_at FROM trail_epoch WHERE epoch = ?")) {
                s.setString(1, epoch);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredEpoch(epoch, rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getLong(4), instant(rs, 5)))
                            : Optional.<StoredEpoch>empty();
                }
            }
        });
    }

    /** Every tree with a checkpoint, with its latest one; a handful of rows (one tree per month). */
    public List<StoredCheckpoint> latestCheckpoints() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT ON (tree) tree, tree_size, root_hash, note, signed_at
                    FROM trail_checkpoint ORDER BY tree, tree_size DESC""");
                 ResultSet rs = s.executeQuery()) {
                List<StoredCheckpoint> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new StoredCheckpoint(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4), instant(rs, 5)));
                }
                return all;
            }
        });
    }

    public Optional<Leaf> leafOf(UUID entryId) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tree, leaf_index, entry_id, recorded_at, integrated_at, imported FROM trail_leaf WHERE entry_id = ?")) {
                s.setObject(1, entryId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(leaf(rs)) : Optional.<Leaf>empty();
                }
            }
        });
    }

    List<Leaf> leaves(String tree, long from, long to) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT tree, leaf_index, entry_id, recorded_at, integrated_at, imported FROM trail_leaf
                    WHERE tree = ? AND leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index""")) {
                s.setString(1, tree);
                s.setLong(2, from);
                s.setLong(3, to);
                List<Leaf> leaves = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        leaves.add(leaf(rs));
                    }
                }
                return leaves;
            }
        });
    }

    /** How many of a set there are, and the first of them. */
    public record Sample<T>(long count, List<T> first) {
    }

    /** The queue: how many entries wait, since when, and how many of them have waited since before {@code staleBefore}. */
    public record QueueState(long entries, Instant oldest, long stale) {
    }

    private static String table(String table) {
        if (!table.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("not a table name");
        }
        return table;
    }

    /** The signed size of every tree: what its latest checkpoint covers. The same statement's snapshot as the rest. */
    private static final String SIGNED = "signed AS (SELECT tree, max(tree_size) AS size FROM trail_checkpoint GROUP BY tree)";

    /**
     * Entries recorded in {@code [from, to)} that are neither queued nor a leaf within its tree's signed size: written
     * around the queue, cleared from it unintegrated, or given a leaf no checkpoint covers. One statement, one snapshot:
     * a committed entry is always one or the other. Anti-joins, not a row-by-row walk.
     */
    public Sample<TrailEntries.Ref> uncovered(String table, Instant from, Instant to, int limit) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("WITH " + SIGNED + " SELECT e.id, e.recorded_at, count(*) OVER () FROM "
                    + table(table) + " e WHERE e.recorded_at >= ? AND e.recorded_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM trail_leaf l JOIN signed g ON g.tree = l.tree AND l.leaf_index < g.size "
                    + "WHERE l.entry_id = e.id) "
                    + "AND NOT EXISTS (SELECT 1 FROM trail_pending p WHERE p.entry_id = e.id) "
                    + "ORDER BY e.recorded_at, e.id LIMIT ?")) {
                s.setTimestamp(1, Timestamp.from(from));
                s.setTimestamp(2, Timestamp.from(to));
                s.setInt(3, limit);
                return sample(s, rs -> new TrailEntries.Ref(rs.getObject(1, UUID.class), instant(rs, 2)), 3);
            }
        });
    }

    /** Leaves of a tree within its signed size whose entry does not exist (at the leaf's id and time): a leaf without a source. */
    public Sample<Leaf> leavesWithoutEntry(String table, String tree, int limit) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("WITH " + SIGNED + " SELECT l.tree, l.leaf_index, l.entry_id, l.recorded_at, "
                    + "l.integrated_at, l.imported, count(*) OVER () FROM trail_leaf l JOIN signed g ON g.tree = l.tree "
                    + "WHERE l.tree = ? AND l.leaf_index < g.size AND (l.entry_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
                    + table(table) + " e WHERE e.id = l.entry_id AND e.recorded_at = l.recorded_at)) ORDER BY l.leaf_index LIMIT ?")) {
                s.setString(1, tree);
                s.setInt(2, limit);
                return sample(s, TrailStore::leaf, 7);
            }
        });
    }

    /** Queued entries recorded in {@code [from, to)} and before {@code staleBefore}: the integrator is not keeping up. */
    public Sample<TrailEntries.Ref> stale(Instant from, Instant to, Instant staleBefore, int limit) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT entry_id, recorded_at, count(*) OVER () FROM trail_pending "
                    + "WHERE recorded_at >= ? AND recorded_at < ? AND recorded_at < ? ORDER BY recorded_at, entry_id LIMIT ?")) {
                s.setTimestamp(1, Timestamp.from(from));
                s.setTimestamp(2, Timestamp.from(to));
                s.setTimestamp(3, Timestamp.from(staleBefore));
                s.setInt(4, limit);
                return sample(s, rs -> new TrailEntries.Ref(rs.getObject(1, UUID.class), instant(rs, 2)), 3);
            }
        });
    }

    public QueueState queue(Instant staleBefore) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*), min(recorded_at), count(*) FILTER (WHERE recorded_at < ?) FROM trail_pending")) {
                s.setTimestamp(1, Timestamp.from(staleBefore));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new QueueState(rs.getLong(1), instant(rs, 2), rs.getLong(3));
                }
            }
        });
    }

    /** When the trail began (db/trail V101): only history recorded before it may be integrated as imported. */
    public Instant began() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT began_at FROM trail_meta"); ResultSet rs = s.executeQuery()) {
                return rs.next() ? instant(rs, 1) : Instant.EPOCH;
            }
        });
    }

    /** Every closed month, in the order of its leaf in the epochs tree. */
    public List<StoredEpoch> epochs() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at "
                    + "FROM trail_epoch ORDER BY epochs_leaf_index"); ResultSet rs = s.executeQuery()) {
                List<StoredEpoch> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new StoredEpoch(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4), rs.getLong(5), instant(rs, 6)));
                }
                return all;
            }
        });
    }

    @FunctionalInterface
    private interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private static <T> Sample<T> sample(PreparedStatement s, Row<T> row, int countColumn) throws SQLException {
        long count = 0;
        List<T> first = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                count = rs.getLong(countColumn);
                first.add(row.of(rs));
            }
        }
        return new Sample<>(count, first);
    }

    private static Leaf leaf(ResultSet rs) throws SQLException {
        return new Leaf(rs.getString(1), rs.getLong(2), rs.getObject(3, UUID.class), instant(rs, 4), instant(rs, 5), rs.getBoolean(6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
