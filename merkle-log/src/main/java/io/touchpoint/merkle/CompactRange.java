package io.touchpoint.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The right edge of a growing tree: the perfect subtrees ("peaks") that make up leaves {@code [0, size)},
 * largest first. Appending a leaf merges equal peaks and reports every node it completes, which is all an
 * integrator needs to store; the root is the right-to-left fold of the peaks. O(log n) memory.
 */
public final class CompactRange {

    private final List<NodeId> ids = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    private CompactRange() {
    }

    public static CompactRange empty() {
        return new CompactRange();
    }

    /** The peaks a tree of {@code size} leaves is made of; load their hashes and pass them to {@link #of}. */
    public static List<NodeId> peaks(long size) {
        return size == 0 ? List.of() : Subtrees.nodes(new Subtrees.Range(0, size));
    }

    public static CompactRange of(long size, List<byte[]> peakHashes) {
        List<NodeId> peaks = peaks(size);
        if (peaks.size() != peakHashes.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + peaks.size() + " peaks");
        }
        CompactRange range = new CompactRange();
        range.ids.addAll(peaks);
        peakHashes.forEach(TreeHash::requireHash);
        range.hashes.addAll(peakHashes);
        range.size = size;
        return range;
    }

    /** Appends one leaf hash; {@code completed} receives the leaf's own node and every node it completes. */
    public void append(byte[] leafHash, BiConsumer<NodeId, byte[]> completed) {
        TreeHash.requireHash(leafHash);
        NodeId id = new NodeId(0, size);
        byte[] hash = leafHash;
        completed.accept(id, hash);
        while (!ids.isEmpty() && ids.getLast().level() == id.level()) {
            hash = TreeHash.node(hashes.removeLast(), hash);
            id = ids.removeLast().parent();
            completed.accept(id, hash);
        }
        ids.add(id);
        hashes.add(hash);
        size++;
    }

    /**
     * Appends a whole perfect subtree that starts where the range ends (e.g. the right-hand nodes of a range proof),
     * merging peaks as leaves do. The subtree must not be larger than the range's smallest peak.
     */
    public void appendSubtree(NodeId node, byte[] subtreeHash) {
        TreeHash.requireHash(subtreeHash);
        if (node.begin() != size || (!ids.isEmpty() && ids.getLast().level() < node.level())) {
            throw new IllegalArgumentException("subtree " + node + " does not continue a range of size " + size);
        }
        NodeId id = node;
        byte[] hash = subtreeHash;
        while (!ids.isEmpty() && ids.getLast().level() == id.level()) {
            hash = TreeHash.node(hashes.removeLast(), hash);
            id = ids.removeLast().parent();
        }
        ids.add(id);
        hashes.add(hash);
        size = node.end();
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (size == 0) {
            return TreeHash.EMPTY_ROOT.clone();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = TreeHash.node(hashes.get(i), root);
        }
        return root;
    }
}
