package io.touchpoint.trail;

import io.quarkus.scheduler.Scheduled;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.CompactRange;
import io.touchpoint.merkle.TreeHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves committed entries into the Merkle trees, off the request path: a request only inserts its entry (a
 * trigger queues it); this integrator, at most one per service across instances (the holder of the lease row,
 * as the integrator's own database role, ADR 0012), assigns dense leaf indexes in (time, id) order, stores the completed nodes and signs a checkpoint per tree
 * it changed. A month's tree closes {@code lag} after the month ends; its final checkpoint becomes a leaf of
 * the long-lived "epochs" tree, so the month can later be dropped without breaking any other proof.
 */
@ApplicationScoped
public class TrailIntegrator {

    public static final String EPOCHS_TREE = "epochs";
    private static final Logger LOG = Logger.getLogger(TrailIntegrator.class);

    /** What one run did; {@code leader} is false when another instance holds the integrator lock. */
    public record Run(boolean leader, int integrated, List<String> treesSigned, List<String> epochsClosed) {
    }

    private final TrailStore store;
    private final TrailEntries entries;
    private final TrailSigner signer;
    private final TrailConfig config;
    private final Clock clock;

    public TrailIntegrator(TrailStore store, TrailEntries entries, TrailSigner signer, TrailConfig config, Clock clock) {
        this.store = store;
        this.entries = entries;
        this.signer = signer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${touchpoint.trail.integrate-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // A full batch means more is waiting: keep going (a few seconds at most per tick), so the integrator's
        // throughput is its speed, not batch-size per period.
        long deadline = System.nanoTime() + 5_000_000_000L;
        Run run;
        do {
            run = integrate();
            if (run.integrated() > 0 || !run.epochsClosed().isEmpty()) {
                LOG.debugf("trail: integrated %d entries, signed %s, closed %s", run.integrated(), run.treesSigned(), run.epochsClosed());
            }
        } while (run.leader() && run.integrated() >= config.batchSize() && System.nanoTime() < deadline);
    }

    /**
     * One integration run in one transaction of the integrator's own database role, holding its lease: all of it
     * commits, or none of it. (The surrounding transaction is the service's, for reading the entries.)
     */
    @Transactional
    public Run integrate() {
        return store.asIntegrator(this::lead).orElseGet(() -> new Run(false, 0, List.of(), List.of()));
    }

    private Run lead() {
        Instant now = clock.instant();
        List<TrailStore.Queued> pending = store.pending(config.batchSize());
        Map<UUID, byte[]> canonical = pending.isEmpty() ? Map.of() : entries.canonical(pending.stream().map(TrailStore.Queued::ref).toList());
        String current = epochOf(now);
        Optional<String> newestClosed = store.newestClosedEpoch();

        Map<String, List<TrailStore.Queued>> byTree = new LinkedHashMap<>();
        int vanished = 0;
        for (TrailStore.Queued ref : pending) {
            if (!canonical.containsKey(ref.id())) {
                vanished++; // deleted before it was integrated; only the owner can, and re-verification reports the gap
                continue;
            }
            String tree = epochOf(ref.recordedAt());
            if (newestClosed.isPresent() && tree.compareTo(newestClosed.get()) <= 0) {
                tree = current; // dated into a closed month: appended now, and reported as backdated by re-verification
            }
            byTree.computeIfAbsent(tree, t -> new ArrayList<>()).add(ref);
        }
        if (vanished > 0) {
            LOG.warnf("trail: %d queued entries no longer exist and were not integrated", vanished);
        }

        List<String> signed = new ArrayList<>();
        byTree.forEach((tree, refs) -> {
            List<AppendedLeaf> leaves = refs.stream()
                    .map(ref -> new AppendedLeaf(ref.id(), ref.recordedAt(), ref.imported(), TreeHash.leaf(canonical.get(ref.id()))))
                    .toList();
            append(tree, leaves, now);
            signed.add(tree);
        });
        if (!pending.isEmpty()) {
            store.deletePending(pending.stream().map(TrailStore.Queued::id).toList());
        }
        List<String> closed = closeEndedMonths(now, current, newestClosed);
        if (!closed.isEmpty()) {
            signed.add(EPOCHS_TREE);
        }
        return new Run(true, pending.size() - vanished, signed, closed);
    }

    private record AppendedLeaf(UUID entryId, Instant recordedAt, boolean imported, byte[] hash) {
    }

    private void append(String tree, List<AppendedLeaf> leaves, Instant now) {
        long size = store.size(tree);
        var peaks = CompactRange.peaks(size);
        var stored = store.nodes(tree, peaks);
        CompactRange range = CompactRange.of(size, peaks.stream().map(stored::get).toList());
        List<TrailStore.Leaf> leafRows = new ArrayList<>(leaves.size());
        List<TrailStore.Node> nodes = new ArrayList<>(leaves.size() * 2);
        for (AppendedLeaf leaf : leaves) {
            leafRows.add(new TrailStore.Leaf(tree, range.size(), leaf.entryId(), leaf.recordedAt(), now, leaf.imported()));
            range.append(leaf.hash(), (id, hash) -> nodes.add(new TrailStore.Node(id, hash)));
        }
        store.append(leafRows, tree, nodes);
        Checkpoint checkpoint = new Checkpoint(origin(tree), range.size(), range.root());
        store.saveCheckpoint(new TrailStore.StoredCheckpoint(tree, range.size(), range.root(), signer.sign(checkpoint), now));
    }

    /** Closes every month that ended more than {@code lag} ago and has nothing left in the queue. */
    private List<String> closeEndedMonths(Instant now, String current, Optional<String> newestClosed) {
        Optional<String> oldest = store.oldestTree();
        if (oldest.isEmpty()) {
            return List.of();
        }
        YearMonth month = YearMonth.parse(oldest.get());
        if (newestClosed.isPresent() && !month.isAfter(YearMonth.parse(newestClosed.get()))) {
            month = YearMonth.parse(newestClosed.get()).plusMonths(1);
        }
        List<String> closed = new ArrayList<>();
        for (; month.toString().compareTo(current) < 0; month = month.plusMonths(1)) {
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (now.isBefore(end.plus(config.lag())) || store.anyPendingBefore(end)) {
                break; // months close in order
            }
            Optional<TrailStore.StoredCheckpoint> last = store.latestCheckpoint(month.toString());
            if (last.isEmpty()) {
                continue; // nothing was recorded that month
            }
            TrailStore.StoredCheckpoint finalCheckpoint = last.get();
            String body = new Checkpoint(origin(month.toString()), finalCheckpoint.size(), finalCheckpoint.root()).body();
            long epochsIndex = store.size(EPOCHS_TREE);
            append(EPOCHS_TREE, List.of(new AppendedLeaf(null, null, false, TreeHash.leaf(body.getBytes(StandardCharsets.UTF_8)))), now);
            store.saveEpoch(new TrailStore.StoredEpoch(month.toString(), finalCheckpoint.size(), finalCheckpoint.root(),
                    finalCheckpoint.note(), epochsIndex, now));
            closed.add(month.toString());
        }
        return closed;
    }

    public String origin(String tree) {
        return config.origin() + "/" + tree;
    }

    public static String epochOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
    }
}
