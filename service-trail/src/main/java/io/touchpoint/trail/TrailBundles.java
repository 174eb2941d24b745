package io.touchpoint.trail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.merkle.Bundle;
import io.touchpoint.merkle.NodeId;
import io.touchpoint.merkle.Proofs;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Range bundles ({@code touchpoint-bundle/v1}, docs/audit-trail.md) for offline re-verification: the signed
 * checkpoint with its cosignatures, the hashes left and right of the range, an optional consistency proof, then
 * the entries' canonical bytes in leaf order, read and written a page at a time so no range is ever held whole.
 */
@ApplicationScoped
public class TrailBundles {

    /** Entries per bundle; a larger range is downloaded as several bundles. */
    public static final long MAX_RANGE = 5_000_000;
    private static final int PAGE = 5_000;

    private final TrailStore store;
    private final TrailEntries entries;
    private final TrailCosignatures cosignatures;

    public TrailBundles(TrailStore store, TrailEntries entries, TrailCosignatures cosignatures) {
        this.store = store;
        this.entries = entries;
        this.cosignatures = cosignatures;
    }

    /** What is known before the first entry is written; made in the caller's transaction. */
    record Header(String tree, long from, long to, String note, List<byte[]> left, List<byte[]> right, Long since, List<byte[]> consistency) {
    }

    /** Checks the request and reads everything but the entries; the latest checkpoint of the tree is the one proven. */
    Header header(String tree, Long fromParam, Long toParam, Long since) {
        if (tree.equals(TrailIntegrator.EPOCHS_TREE)) {
            throw Problems.badRequest("no-epochs-bundle", "No bundle of the epochs tree",
                    "bundles are of month trees; a month's place in the epochs tree is proven by GET /api/trail/epochs/{month}/proof");
        }
        TrailStore.StoredCheckpoint checkpoint = store.latestCheckpoint(tree).orElseThrow(() -> TrailProofs.noTree(tree));
        long size = checkpoint.size();
        if (size > 0 && store.size(tree) == 0 && store.epoch(tree).isPresent()) {
            throw TrailProofs.retired(tree);
        }
        long from = fromParam == null ? 0 : fromParam;
        long to = toParam == null ? size : toParam;
        if (from < 0 || from > to || to > size) {
            throw Problems.badRequest("invalid-range", "Invalid range",
                    "need 0 <= from <= to <= " + size + " (the latest checkpoint of " + tree + ")");
        }
        if (to - from > MAX_RANGE) {
            throw Problems.badRequest("range-too-large", "Range too large",
                    "a bundle holds at most " + MAX_RANGE + " entries; split [" + from + ", " + to + ") into several");
        }
        if (since != null && (since < 0 || since > size)) {
            throw Problems.badRequest("invalid-tree-sizes", "Invalid tree sizes", "need 0 <= since <= " + size);
        }
        Proofs.NodeStore nodes = ids -> store.nodes(tree, ids);
        List<byte[]> left = hashes(tree, Bundle.leftNodes(from));
        List<byte[]> right = hashes(tree, Bundle.rightNodes(to, size));
        List<byte[]> consistency = since == null ? List.of() : Proofs.consistency(since, size, nodes);
        return new Header(tree, from, to, cosignatures.served(checkpoint), left, right, since, consistency);
    }

    private List<byte[]> hashes(String tree, List<NodeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<NodeId, byte[]> found = store.nodes(tree, ids);
        return ids.stream().map(id -> {
            byte[] hash = found.get(id);
            if (hash == null) {
                throw new IllegalStateException("node " + id + " of " + tree + " is not stored");
            }
            return hash;
        }).toList();
    }

    /** Streams the bundle: each page of leaves is read in its own short transaction, then written and forgotten. */
    StreamingOutput stream(Header header) {
        return out -> {
            Bundle.Writer writer = new Bundle.Writer(out, header.from(), header.to(), header.note(), header.left(), header.right(),
                    header.since(), header.consistency());
            for (long page = header.from(); page < header.to(); page += PAGE) {
                long end = Math.min(page + PAGE, header.to());
                long first = page;
                List<byte[]> bytes = QuarkusTransaction.requiringNew().call(() -> page(header.tree(), first, end));
                for (byte[] entry : bytes) {
                    writer.entry(entry);
                }
            }
            writer.finish();
        };
    }

    /** The canonical bytes of leaves [from, to) in leaf order; a leaf whose entry is gone is left out (the bundle then fails). */
    private List<byte[]> page(String tree, long from, long to) {
        List<TrailStore.Leaf> leaves = store.leaves(tree, from, to);
        Map<UUID, byte[]> canonical = entries.canonical(leaves.stream().map(l -> new TrailEntries.Ref(l.entryId(), l.recordedAt())).toList());
        return leaves.stream().map(l -> canonical.get(l.entryId())).filter(b -> b != null).toList();
    }
}
