package io.touchpoint.merkle;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds proofs and roots from stored perfect subtrees, fetching every node a proof needs in one call. */
public final class Proofs {

    private Proofs() {
    }

    /** Fetches stored node hashes; a store answers with all it has of the ids asked for. */
    public interface NodeStore extends Function<Collection<NodeId>, Map<NodeId, byte[]>> {
    }

    public static List<byte[]> inclusion(long index, long size, NodeStore store) {
        return hashes(Subtrees.inclusion(index, size), store);
    }

    public static List<byte[]> consistency(long from, long to, NodeStore store) {
        return hashes(Subtrees.consistency(from, to), store);
    }

    public static byte[] root(long size, NodeStore store) {
        if (size == 0) {
            return TreeHash.EMPTY_ROOT.clone();
        }
        return hashes(List.of(new Subtrees.Range(0, size)), store).getFirst();
    }

    private static List<byte[]> hashes(List<Subtrees.Range> ranges, NodeStore store) {
        Set<NodeId> needed = new LinkedHashSet<>();
        ranges.forEach(range -> needed.addAll(Subtrees.nodes(range)));
        Map<NodeId, byte[]> stored = needed.isEmpty() ? Map.of() : store.apply(needed);
        return ranges.stream().map(range -> Subtrees.hash(range, stored)).toList();
    }
}
