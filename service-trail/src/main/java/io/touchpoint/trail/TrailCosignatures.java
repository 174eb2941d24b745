package io.touchpoint.trail;

import io.agroal.api.AgroalDataSource;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Witness cosignatures (C2SP tlog-cosignature) of this service's checkpoints: accepted only from the configured
 * witness keys and only when they verify against the checkpoint as stored, then served with the checkpoint as
 * extra signature lines of its signed note. A cosignature is evidence the operator cannot make up.
 */
@ApplicationScoped
public class TrailCosignatures {

    /** A cosignature dated further ahead than this is refused: its witness's clock, or the line, is wrong. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final int MAX_LINES = 16;

    @Schema(description = "A witness's verified cosignature of one checkpoint")
    public record Stored(
            @Schema(example = "2026-11") String tree,
            @Schema(example = "1200") long size,
            @Schema(example = "witness.example.org/w1") String witness,
            @Schema(description = "The witness's verifier key this cosignature verified with",
                    example = "witness.example.org/w1+9c2fce8c+BEgnVEik...") String witnessKey,
            @Schema(description = "The time inside the cosignature", example = "2026-11-23T10:00:05Z") Instant cosignedAt,
            @Schema(description = "The signature line, as served after the checkpoint's own") String line) {
    }

    private final AgroalDataSource dataSource;
    private final TrailStore store;
    private final TrailIntegrator integrator;
    private final Clock clock;
    private final List<Cosignature.Verifier> witnesses;

    public TrailCosignatures(AgroalDataSource dataSource, TrailStore store, TrailIntegrator integrator, Clock clock, TrailConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.integrator = integrator;
        this.clock = clock;
        List<Cosignature.Verifier> keys = new ArrayList<>();
        for (String key : config.witnessKeys().orElse(List.of())) {
            if (key.isBlank()) {
                continue;
            }
            try {
                keys.add(Cosignature.verifier(key.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("touchpoint.trail.witness-keys holds an invalid witness key: " + e.getMessage());
            }
        }
        this.witnesses = List.copyOf(keys);
    }

    public List<Cosignature.Verifier> witnesses() {
        return witnesses;
    }

    /**
     * Verifies and stores the signature lines in {@code body} for the checkpoint of {@code tree} at {@code size}.
     * Every line must be a valid cosignature by a configured witness; otherwise nothing is stored.
     */
    public List<Stored> add(String tree, long size, String body) {
        TrailStore.StoredCheckpoint checkpoint = store.checkpoint(tree, size).orElseThrow(() -> Problems.of(404, "no-such-checkpoint",
                "No such checkpoint", "no checkpoint of " + tree + " has size " + size + " (a cosignature is for a stored checkpoint)"));
        String checkpointBody = new Checkpoint(integrator.origin(tree), checkpoint.size(), checkpoint.root()).body();
        List<String> lines = body == null ? List.of() : body.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw Problems.badRequest("invalid-cosignature", "Invalid cosignature",
                    "send 1 to " + MAX_LINES + " signature lines, '— <witness name> <base64>', one per line (text/plain)");
        }
        List<Stored> accepted = new ArrayList<>();
        for (String text : lines) {
            Cosignature.Line line = parse(text);
            Cosignature.Verifier witness = witnesses.stream()
                    .filter(w -> w.name().equals(line.name()) && w.keyId() == line.keyId()).findFirst()
                    .orElseThrow(() -> Problems.of(422, "unknown-witness", "Unknown witness",
                            "the cosignature is by " + line.name() + "+" + String.format("%08x", line.keyId())
                                    + ", which is not a configured witness key (touchpoint.trail.witness-keys)"));
            if (!witness.verifies(line, checkpointBody)) {
                throw Problems.of(422, "cosignature-does-not-verify", "Cosignature does not verify",
                        "the cosignature by " + witness.name() + " does not verify for the checkpoint of " + tree + " at size " + size
                                + ": it was made for another checkpoint or time, or forged");
            }
            Instant cosignedAt = Instant.ofEpochSecond(line.time());
            if (cosignedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                throw Problems.of(422, "cosignature-in-the-future", "Cosignature in the future",
                        "the cosignature is dated " + cosignedAt + ", more than " + CLOCK_SKEW.toMinutes() + " minutes ahead");
            }
            accepted.add(new Stored(tree, size, witness.name(), witness.encoded(), cosignedAt, line.text()));
        }
        for (Stored cosignature : accepted) {
            insert(cosignature, checkpoint.root());
        }
        return of(tree, size);
    }

    private static Cosignature.Line parse(String text) {
        try {
            return Cosignature.parse(text.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "the signature is not a cosignature/v1 (key id, time and Ed25519 signature: 76 bytes)"));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("invalid-cosignature", "Invalid cosignature", e.getMessage());
        }
    }

    /**
     * The cosignatures of one checkpoint, oldest first. Like every read here, only rows that verify now against a
     * configured witness key and the checkpoint they name: the service's role may insert rows, not make them count.
     */
    public List<Stored> of(String tree, long size) {
        return query("SELECT tree, tree_size, witness, witness_key, cosigned_at, line, root_hash FROM trail_cosignature "
                + "WHERE tree = ? AND tree_size = ? ORDER BY cosigned_at, witness", s -> {
            s.setString(1, tree);
            s.setLong(2, size);
        }, Integer.MAX_VALUE).stream().map(Row::stored).toList();
    }

    /** The most recently received cosignatures, for the console. */
    public List<Stored> recent(int limit) {
        return query("SELECT tree, tree_size, witness, witness_key, cosigned_at, line, root_hash FROM trail_cosignature "
                + "ORDER BY received_at DESC, tree DESC, tree_size DESC", s -> { }, limit).stream().map(Row::stored).toList();
    }

    /** The cosignatures of a tree's largest witnessed checkpoint (empty if no witness cosigned any). */
    public List<Stored> latestWitnessed(String tree) {
        List<Row> rows = query("SELECT tree, tree_size, witness, witness_key, cosigned_at, line, root_hash FROM trail_cosignature "
                + "WHERE tree = ? ORDER BY tree_size DESC, witness", s -> s.setString(1, tree), Integer.MAX_VALUE);
        return rows.isEmpty() ? List.of() : rows.stream().filter(r -> r.stored().size() == rows.getFirst().stored().size())
                .map(Row::stored).toList();
    }

    /**
     * The signed note with every cosignature of it appended: what witnesses vouched for travels with it. Only lines
     * that verify for this very checkpoint (its root included) are appended.
     */
    public String served(TrailStore.StoredCheckpoint checkpoint) {
        List<String> lines = query("SELECT tree, tree_size, witness, witness_key, cosigned_at, line, root_hash FROM trail_cosignature "
                + "WHERE tree = ? AND tree_size = ? AND root_hash = ? ORDER BY cosigned_at, witness", s -> {
            s.setString(1, checkpoint.tree());
            s.setLong(2, checkpoint.size());
            s.setBytes(3, checkpoint.root());
        }, MAX_LINES).stream().map(r -> r.stored().line()).distinct().toList();
        return lines.isEmpty() ? checkpoint.note() : SignedNote.withSignatures(checkpoint.note(), lines);
    }

    /** A stored row and the root its line was verified for. */
    private record Row(Stored stored, byte[] root) {
    }

    /** Whether a stored row is a configured witness's cosignature of the checkpoint (tree, size, root) it names. */
    private boolean verifies(Stored row, byte[] root) {
        if (root == null || root.length != 32) {
            return false;
        }
        Optional<Cosignature.Line> line;
        try {
            line = Cosignature.parse(row.line().strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String body = new Checkpoint(integrator.origin(row.tree()), row.size(), root).body();
        return line.isPresent() && Instant.ofEpochSecond(line.get().time()).equals(row.cosignedAt())
                && witnesses.stream().anyMatch(w -> w.encoded().equals(row.witnessKey()) && w.name().equals(row.witness())
                        && w.name().equals(line.get().name()) && w.keyId() == line.get().keyId() && w.verifies(line.get(), body));
    }

    private void insert(Stored cosignature, byte[] root) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO trail_cosignature (tree, tree_size, root_hash, witness_key, witness, cosigned_at, line)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tree, tree_size, witness_key, line) DO NOTHING""")) {
            s.setString(1, cosignature.tree());
            s.setLong(2, cosignature.size());
            s.setBytes(3, Arrays.copyOf(root, root.length));
            s.setString(4, cosignature.witnessKey());
            s.setString(5, cosignature.witness());
            s.setTimestamp(6, Timestamp.from(cosignature.cosignedAt()));
            s.setString(7, cosignature.line());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a cosignature failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The rows that verify, in the query's order, at most {@code limit} of them. */
    private List<Row> query(String sql, Binder binder, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.setFetchSize(200);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rows.size() < limit && rs.next()) {
                    Row row = new Row(new Stored(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6)), rs.getBytes(7));
                    if (verifies(row.stored(), row.root())) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading cosignatures failed (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
