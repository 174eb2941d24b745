package io.touchpoint.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tree kept the way the services keep it (every completed node, appended through a compact range), in memory. */
final class MemoryStore {

    final Map<NodeId, byte[]> nodes = new HashMap<>();
    final List<byte[]> leaves = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();

    static MemoryStore of(List<byte[]> leafHashes) {
        MemoryStore store = new MemoryStore();
        leafHashes.forEach(store::append);
        return store;
    }

    void append(byte[] leafHash) {
        leaves.add(leafHash);
        range.append(leafHash, nodes::put);
    }

    byte[] root() {
        return range.root();
    }

    Proofs.NodeStore store() {
        return ids -> {
            Map<NodeId, byte[]> found = new HashMap<>();
            ids.forEach(id -> {
                if (nodes.containsKey(id)) {
                    found.put(id, nodes.get(id));
                }
            });
            return found;
        };
    }
}
