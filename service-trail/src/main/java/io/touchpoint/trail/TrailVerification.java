package io.touchpoint.trail;

import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.CompactRange;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-verifies a tree from what is in the database now, against its latest signed checkpoint: the signature;
 * the stored leaf hashes reproduce the signed root; every entry in the range still hashes to its leaf; no
 * entry was dated more than the lag before it was integrated (imported history included, unless it predates the
 * trail); and completeness against the source, set-wise in SQL: every entry of the month is a leaf within a signed
 * tree or still queued, every leaf of the tree has its entry, and nothing has waited in the queue beyond the lag.
 * For the epochs tree the source is the closed months: each is its leaf, and each leaf is one. Reports every
 * problem found, the first (lowest leaf index) named first.
 */
@ApplicationScoped
public class TrailVerification {

    /** Entries whose content is re-read in one request; the stored-tree check always covers the whole tree. */
    public static final long MAX_RANGE = 1_000_000;
    private static final int PAGE = 5_000;
    private static final int MAX_PROBLEMS = 100;
    /** Problems kept in memory while verifying (in leaf order); beyond this they are only counted. */
    private static final int KEPT_PROBLEMS = 10_000;

    /** What a verification found: the first problems in full, and how many there were. */
    private static final class Found {
        final List<Problem> kept = new ArrayList<>();
        long total;

        void add(Problem problem) {
            total++;
            if (kept.size() < KEPT_PROBLEMS) {
                kept.add(problem);
            }
        }
    }

    public enum Kind {
        /** The checkpoint's signature does not verify with the service's key. */
        CHECKPOINT_SIGNATURE,
        /** The stored leaf hashes no longer reproduce the signed root: the tree itself was rewritten or cut. */
        TREE_MISMATCH,
        /** A leaf of the signed tree has no stored hash or position. */
        LEAF_MISSING,
        /** The entry a leaf stands for no longer exists. */
        ENTRY_MISSING,
        /** The entry's content no longer hashes to its leaf. */
        ENTRY_ALTERED,
        /** The entry was integrated longer after its timestamp than any commit takes: it was written into the past. */
        BACKDATED,
        /** An entry of this month is neither queued nor a leaf of a signed tree: written around the queue, or hidden from it. */
        UNINTEGRATED,
        /** An entry has waited in the queue longer than the lag: integration is stalled. */
        STALLED
    }

    public record Problem(
            @Schema(example = "ENTRY_ALTERED") Kind kind,
            @Schema(example = "41") Long leafIndex,
            @Schema(example = "7d3c1b2a-0000-4000-8000-000000000001") UUID entryId,
            @Schema(example = "the entry no longer hashes to its leaf") String detail) {
    }

    public record Report(
            @Schema(example = "2026-11") String tree,
            @Schema(example = "1200") long checkpointSize,
            @Schema(example = "3Wi76oUqg7J/8lt2XEpYaBwi4mm4cLjZ78bFO7QgrBE=") String checkpointRoot,
            @Schema(example = "0") long from,
            @Schema(example = "1200") long to,
            @Schema(example = "1200") long entriesChecked,
            @Schema(example = "true") boolean checkpointSignatureValid,
            @Schema(example = "true") boolean storedTreeMatchesCheckpoint,
            @Schema(description = "True when no problem was found", example = "true") boolean intact,
            @Schema(description = "The problem at the lowest leaf index in [from, to) (else elsewhere in the tree, else one without a leaf)") Problem firstProblem,
            @Schema(description = "Up to 100 problems, by leaf index") List<Problem> problems,
            @Schema(description = "How many problems were found in all", example = "0") long problemCount,
            @Schema(description = "Entries in the range marked imported and recorded before the trail began (the first "
                    + "backfill): not judged as backdated", example = "0") long importedEntries,
            @Schema(example = "2026-11-23T10:00:00Z") Instant verifiedAt,
            @Schema(description = "Entries of this month neither queued nor a leaf of a signed tree", example = "0") long unintegratedEntries,
            @Schema(description = "Leaves of this tree whose entry does not exist", example = "0") long leavesWithoutEntry,
            @Schema(description = "Entries of this month queued for longer than the lag", example = "0") long stalledEntries) {
    }

    private final TrailStore store;
    private final TrailEntries entries;
    private final TrailSigner signer;
    private final TrailConfig config;
    private final Clock clock;

    public TrailVerification(TrailStore store, TrailEntries entries, TrailSigner signer, TrailConfig config, Clock clock) {
        this.store = store;
        this.entries = entries;
        this.signer = signer;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Report verify(String tree, Long fromParam, Long toParam) {
        TrailStore.StoredCheckpoint checkpoint = store.latestCheckpoint(tree).orElseThrow(() -> TrailProofs.noTree(tree));
        long size = checkpoint.size();
        if (size > 0 && store.size(tree) == 0 && store.epoch(tree).isPresent()) {
            throw TrailProofs.retired(tree);
        }
        long from = fromParam == null ? 0 : fromParam;
        long to = toParam == null ? size : Math.min(toParam, size);
        if (from < 0 || from > to) {
            throw Problems.badRequest("invalid-range", "Invalid range", "need 0 <= from <= to; the tree has " + size + " leaves");
        }
        if (to - from > MAX_RANGE) {
            throw Problems.badRequest("range-too-large", "Range too large",
                    "re-read at most " + MAX_RANGE + " entries per request; split [" + from + ", " + to + ") into smaller ranges");
        }
        Found problems = new Found();
        boolean signatureValid = signatureValid(tree, checkpoint);
        if (!signatureValid) {
            problems.add(new Problem(Kind.CHECKPOINT_SIGNATURE, null, null, "the latest checkpoint's signature does not verify"));
        }
        boolean treeMatches = storedTreeMatches(tree, checkpoint, problems);
        otherSignaturesValid(tree, problems);
        long[] imported = new long[1];
        Completeness completeness;
        long checked;
        if (tree.equals(TrailIntegrator.EPOCHS_TREE)) {
            checked = 0;
            completeness = checkEpochs(size, problems);
        } else {
            checked = checkEntries(tree, from, to, problems, imported);
            completeness = checkCompleteness(tree, from, to, problems);
        }
        List<Problem> sorted = new ArrayList<>(problems.kept);
        // The range asked about first, by leaf index; then the rest of the tree; then problems without a leaf.
        sorted.sort(Comparator.comparing((Problem p) -> p.leafIndex() == null || p.leafIndex() < from || p.leafIndex() >= to)
                .thenComparing(Problem::leafIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Problem> reported = sorted.subList(0, Math.min(sorted.size(), MAX_PROBLEMS));
        boolean intact = problems.total == 0;
        return new Report(tree, size, Base64.getEncoder().encodeToString(checkpoint.root()), from, to, checked, signatureValid,
                treeMatches, intact, intact ? null : sorted.getFirst(), List.copyOf(reported), problems.total, imported[0], clock.instant(),
                completeness.unintegrated(), completeness.withoutEntry(), completeness.stalled());
    }

    private record Completeness(long unintegrated, long withoutEntry, long stalled) {
    }

    /**
     * Any other tree whose latest checkpoint does not verify: a tree only its signer can extend; a forged checkpoint
     * could otherwise make a leaf parked in a made-up tree look integrated.
     */
    private void otherSignaturesValid(String tree, Found problems) {
        for (TrailStore.StoredCheckpoint other : store.latestCheckpoints()) {
            if (!other.tree().equals(tree) && !signatureValid(other.tree(), other)) {
                problems.add(new Problem(Kind.CHECKPOINT_SIGNATURE, null, null,
                        "the latest checkpoint of tree " + other.tree() + " does not verify"));
            }
        }
    }
    boolean signatureValid(String tree, TrailStore.StoredCheckpoint checkpoint) {
        try {
            Checkpoint signed = Checkpoint.parse(SignedNote.open(checkpoint.note(), signer.verifier()));
            return signed.size() == checkpoint.size() && Arrays.equals(signed.root(), checkpoint.root())
                    && signed.origin().equals(config.origin() + "/" + tree);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Folds the stored leaf hashes [0, size) into a root, streaming; compares with the signed root. */
    private boolean storedTreeMatches(String tree, TrailStore.StoredCheckpoint checkpoint, Found problems) {
        CompactRange range = CompactRange.empty();
        for (long page = 0; page < checkpoint.size(); page += PAGE) {
            long end = Math.min(page + PAGE, checkpoint.size());
            Map<Long, byte[]> hashes = store.leafHashes(tree, page, end);
            for (long i = page; i < end; i++) {
                byte[] hash = hashes.get(i);
                if (hash == null) {
                    problems.add(new Problem(Kind.LEAF_MISSING, i, null, "leaf " + i + " of the signed tree is not stored"));
                    problems.add(new Problem(Kind.TREE_MISMATCH, null, null,
                            "the stored tree has fewer leaves than its signed checkpoint (" + checkpoint.size() + ")"));
                    return false;
                }
                range.append(hash, (id, h) -> { });
            }
        }
        if (!Arrays.equals(range.root(), checkpoint.root())) {
            problems.add(new Problem(Kind.TREE_MISMATCH, null, null,
                    "the stored leaf hashes do not reproduce the signed root of size " + checkpoint.size()));
            return false;
        }
        return true;
    }

    private long checkEntries(String tree, long from, long to, Found problems, long[] imported) {
        Duration lag = config.lag();
        Instant began = store.began();
        long checked = 0;
        for (long page = from; page < to; page += PAGE) {
            long end = Math.min(page + PAGE, to);
            List<TrailStore.Leaf> leaves = store.leaves(tree, page, end);
            Map<Long, byte[]> hashes = store.leafHashes(tree, page, end);
            Map<UUID, byte[]> canonical = entries.canonical(leaves.stream()
                    .map(leaf -> new TrailEntries.Ref(leaf.entryId(), leaf.recordedAt())).toList());
            long expected = page;
            for (TrailStore.Leaf leaf : leaves) {
                for (; expected < leaf.index(); expected++) {
                    problems.add(new Problem(Kind.LEAF_MISSING, expected, null, "no leaf position " + expected + " is stored"));
                }
                expected = leaf.index() + 1;
                checked++;
                byte[] bytes = canonical.get(leaf.entryId());
                if (bytes == null) {
                    problems.add(new Problem(Kind.ENTRY_MISSING, leaf.index(), leaf.entryId(), "the entry of this leaf no longer exists"));
                } else if (!Arrays.equals(TreeHash.leaf(bytes), hashes.get(leaf.index()))) {
                    problems.add(new Problem(Kind.ENTRY_ALTERED, leaf.index(), leaf.entryId(), "the entry no longer hashes to its leaf"));
                }
                if (leaf.imported() && leaf.recordedAt() != null && leaf.recordedAt().isBefore(began)) {
                    imported[0]++;
                } else if (leaf.imported()) {
                    problems.add(new Problem(Kind.BACKDATED, leaf.index(), leaf.entryId(),
                            "marked imported but recorded after the trail began; only earlier history may be imported"));
                } else if (leaf.recordedAt() != null && Duration.between(leaf.recordedAt(), leaf.integratedAt()).compareTo(lag) > 0) {
                    problems.add(new Problem(Kind.BACKDATED, leaf.index(), leaf.entryId(),
                            "integrated " + Duration.between(leaf.recordedAt(), leaf.integratedAt()).toSeconds()
                                    + " s after its timestamp; commits take at most " + lag.toSeconds() + " s"));
                }
            }
            for (; expected < end; expected++) {
                problems.add(new Problem(Kind.LEAF_MISSING, expected, null, "no leaf position " + expected + " is stored"));
            }
        }
        return checked;
    }

    /** The month's entries against the trees and the queue, and the tree's leaves against the entries: set-wise, in SQL. */
    private Completeness checkCompleteness(String tree, long from, long to, Found problems) {
        TrailStore.Sample<TrailStore.Leaf> orphans = store.leavesWithoutEntry(entries.table(), tree, MAX_PROBLEMS);
        long withoutEntry = orphans.count();
        for (TrailStore.Leaf leaf : orphans.first()) {
            if (leaf.index() < from || leaf.index() >= to) { // inside the range, checkEntries has named it already
                problems.add(new Problem(Kind.ENTRY_MISSING, leaf.index(), leaf.entryId(), "no entry exists for this leaf"));
            }
        }
        problems.total += Math.max(0, withoutEntry - orphans.first().size());
        YearMonth month;
        try {
            month = YearMonth.parse(tree);
        } catch (RuntimeException e) {
            return new Completeness(0, withoutEntry, 0);
        }
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        TrailStore.Sample<TrailEntries.Ref> uncovered = store.uncovered(entries.table(), start, end, MAX_PROBLEMS);
        for (TrailEntries.Ref ref : uncovered.first()) {
            problems.add(new Problem(Kind.UNINTEGRATED, null, ref.id(), "an entry of " + tree + " that is neither queued nor a leaf of a signed tree"));
        }
        problems.total += uncovered.count() - uncovered.first().size();
        TrailStore.Sample<TrailEntries.Ref> stalled = store.stale(start, end, clock.instant().minus(config.lag()), MAX_PROBLEMS);
        for (TrailEntries.Ref ref : stalled.first()) {
            problems.add(new Problem(Kind.STALLED, null, ref.id(), "queued for longer than the lag (" + config.lag().toSeconds()
                    + " s): integration is not progressing"));
        }
        problems.total += stalled.count() - stalled.first().size();
        return new Completeness(uncovered.count(), withoutEntry, stalled.count());
    }

    /**
     * The epochs tree's source is the closed months: each closed month is the leaf at its index, hashing to its final
     * checkpoint's body, and every leaf of the signed tree is a closed month. One row per month: read in full.
     */
    private Completeness checkEpochs(long size, Found problems) {
        List<TrailStore.StoredEpoch> epochs = store.epochs();
        Map<Long, byte[]> hashes = store.leafHashes(TrailIntegrator.EPOCHS_TREE, 0, size);
        java.util.Set<Long> sourced = new java.util.HashSet<>();
        long unintegrated = 0;
        for (TrailStore.StoredEpoch epoch : epochs) {
            long index = epoch.epochsLeafIndex();
            sourced.add(index);
            byte[] expected = TreeHash.leaf(new Checkpoint(config.origin() + "/" + epoch.epoch(), epoch.size(), epoch.root())
                    .body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (index >= size) {
                unintegrated++;
                problems.add(new Problem(Kind.UNINTEGRATED, null, null, "closed month " + epoch.epoch() + " is not a leaf of the signed epochs tree"));
            } else if (!Arrays.equals(expected, hashes.get(index))) {
                problems.add(new Problem(Kind.ENTRY_ALTERED, index, null, "closed month " + epoch.epoch() + " does not hash to its leaf"));
            }
        }
        long withoutEntry = 0;
        for (long i = 0; i < size; i++) {
            if (!sourced.contains(i)) {
                withoutEntry++;
                problems.add(new Problem(Kind.ENTRY_MISSING, i, null, "no closed month stands behind this leaf"));
            }
        }
        return new Completeness(unintegrated, withoutEntry, 0);
    }
}
