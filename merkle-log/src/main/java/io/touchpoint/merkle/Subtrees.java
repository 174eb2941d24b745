package io.touchpoint.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which subtree hashes a proof is made of (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 SUBPROOF), as leaf ranges, and
 * how each range splits into stored perfect subtrees. Pure arithmetic: callers fetch the nodes in one query and
 * then hash, so a proof costs one round trip whatever the tree size.
 */
public final class Subtrees {

    private Subtrees() {
    }

    /** Leaves {@code [begin, end)}. */
    public record Range(long begin, long end) {
        public Range {
            if (begin < 0 || end <= begin) {
                throw new IllegalArgumentException("empty or negative range [" + begin + ", " + end + ")");
            }
        }
    }

    /** The ranges whose hashes form the inclusion proof of leaf {@code index} in a tree of {@code size}, in proof order. */
    public static List<Range> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<Range> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private static void path(long index, long begin, long end, List<Range> out) {
        if (end - begin == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - begin);
        if (index < begin + k) {
            path(index, begin, begin + k, out);
            out.add(new Range(begin + k, end));
        } else {
            path(index, begin + k, end, out);
            out.add(new Range(begin, begin + k));
        }
    }

    /** The ranges whose hashes form the consistency proof from tree size {@code from} to {@code to}, in proof order. */
    public static List<Range> consistency(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<Range> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private static void subproof(long m, long begin, long end, boolean whole, List<Range> out) {
        long n = end - begin;
        if (m == n) {
            if (!whole) {
                out.add(new Range(begin, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, begin, begin + k, whole, out);
            out.add(new Range(begin + k, end));
        } else {
            subproof(m - k, begin + k, end, false, out);
            out.add(new Range(begin, begin + k));
        }
    }

    /**
     * The perfect subtrees that make up a range, largest first. For the ranges proofs use (and for
     * {@code [0, size)}) their right-to-left fold is exactly the RFC 9162 hash of the range.
     */
    public static List<NodeId> nodes(Range range) {
        List<NodeId> nodes = new ArrayList<>();
        long begin = range.begin();
        while (begin < range.end()) {
            int level = begin == 0 ? 62 : Long.numberOfTrailingZeros(begin);
            while ((1L << level) > range.end() - begin) {
                level--;
            }
            nodes.add(new NodeId(level, begin >> level));
            begin += 1L << level;
        }
        return nodes;
    }

    /** The hash of a range from its perfect subtrees' stored hashes. */
    public static byte[] hash(Range range, Map<NodeId, byte[]> stored) {
        List<NodeId> nodes = nodes(range);
        byte[] hash = require(stored, nodes.getLast());
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = TreeHash.node(require(stored, nodes.get(i)), hash);
        }
        return hash;
    }

    private static byte[] require(Map<NodeId, byte[]> stored, NodeId id) {
        byte[] hash = stored.get(id);
        if (hash == null) {
            throw new IllegalStateException("node " + id + " is not stored");
        }
        return hash;
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
