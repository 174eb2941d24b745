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
 * entry was dated more than the lag before it was integrated; and (for a month) no entry of that month is
 * missing from the tree. Reports every problem found, the first (lowest leaf index) named first.
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
        /** An entry of this month is in no tree and not queued: written around the trail. */
        UNINTEGRATED
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
            @Schema(description = "The problem at the lowest leaf index (or the first found without one)") Problem firstProblem,
            @Schema(description = "Up to 100 problems, by leaf index") List<Problem> problems,
            @Schema(description = "How many problems were found in all", example = "0") long problemCount,
            @Schema(description = "Entries in the range marked imported (history queued by the owner, e.g. the first backfill): "
                    + "not judged as backdated", example = "0") long importedEntries,
            @Schema(example = "2026-11-23T10:00:00Z") Instant verifiedAt) {
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
        long[] imported = new long[1];
        long checked = tree.equals(TrailIntegrator.EPOCHS_TREE) ? 0 : checkEntries(tree, from, to, problems, imported);
        if (!tree.equals(TrailIntegrator.EPOCHS_TREE)) {
            findUnintegrated(tree, problems);
        }
        List<Problem> sorted = new ArrayList<>(problems.kept);
        sorted.sort(Comparator.comparing(Problem::leafIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Problem> reported = sorted.subList(0, Math.min(sorted.size(), MAX_PROBLEMS));
        boolean intact = problems.total == 0;
        return new Report(tree, size, Base64.getEncoder().encodeToString(checkpoint.root()), from, to, checked, signatureValid,
                treeMatches, intact, intact ? null : sorted.getFirst(), List.copyOf(reported), problems.total, imported[0], clock.instant());
    }

    private boolean signatureValid(String tree, TrailStore.StoredCheckpoint checkpoint) {
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
                if (leaf.imported()) {
                    imported[0]++;
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

    private void findUnintegrated(String tree, Found problems) {
        YearMonth month;
        try {
            month = YearMonth.parse(tree);
        } catch (RuntimeException e) {
            return;
        }
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // One statement, one snapshot: a committed entry is either queued or in a tree, never neither.
        for (TrailEntries.Ref ref : store.unintegrated(entries.table(), start, end, MAX_PROBLEMS)) {
            problems.add(new Problem(Kind.UNINTEGRATED, null, ref.id(), "an entry of " + tree + " that is in no tree and not queued"));
        }
    }
}
