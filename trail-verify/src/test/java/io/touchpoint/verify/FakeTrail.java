package io.touchpoint.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.CompactRange;
import io.touchpoint.merkle.NodeId;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.Proofs;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trail service as a witness sees it, answering the same paths as /api/trail with real trees and real signed
 * checkpoints — and as an operator with the key could bend it: trees can be hidden, rebuilt or rolled back.
 */
final class FakeTrail implements TrailWitness.Service {

    static final String ORIGIN = "touchpoint.test/access-log";
    private static final ObjectMapper JSON = new ObjectMapper();

    final NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate(ORIGIN));
    final Map<String, Tree> trees = new TreeMap<>();
    final Map<String, Long> closedAt = new LinkedHashMap<>();
    final List<String> hidden = new ArrayList<>();
    final List<String> cosignatures = new ArrayList<>();

    /** One tree: entries appended through a compact range, every node kept, as the services keep it. */
    static final class Tree {
        final List<byte[]> entries = new ArrayList<>();
        final Map<NodeId, byte[]> nodes = new HashMap<>();
        CompactRange range = CompactRange.empty();

        void append(byte[] entry) {
            entries.add(entry);
            range.append(TreeHash.leaf(entry), nodes::put);
        }

        Proofs.NodeStore store() {
            return ids -> {
                Map<NodeId, byte[]> found = new HashMap<>();
                ids.forEach(id -> found.put(id, nodes.get(id)));
                return found;
            };
        }
    }

    Tree tree(String name) {
        return trees.computeIfAbsent(name, n -> new Tree());
    }

    void append(String name, int count) {
        Tree tree = tree(name);
        for (int i = 0; i < count; i++) {
            tree.append(("{\"tree\":\"" + name + "\",\"n\":" + tree.entries.size() + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Closes a month: its final checkpoint's text becomes the next leaf of the epochs tree. */
    void close(String month) {
        Tree tree = tree(month);
        closedAt.put(month, (long) tree("epochs").entries.size());
        tree("epochs").append(body(month, tree.range.size(), tree.range.root()).getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces a tree with another history (e.g. a record removed), as an operator holding the key could. */
    void rewrite(String name, int keep, int thenAppend) {
        Tree old = trees.get(name);
        Tree fresh = new Tree();
        old.entries.subList(0, keep).forEach(fresh::append);
        for (int i = 0; i < thenAppend; i++) {
            fresh.append(("{\"forged\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        trees.put(name, fresh);
    }

    String body(String name, long size, byte[] root) {
        return new Checkpoint(ORIGIN + "/" + name, size, root).body();
    }

    String note(String name) {
        Tree tree = trees.get(name);
        return SignedNote.sign(body(name, tree.range.size(), tree.range.root()), signer);
    }

    @Override
    public String get(String path) throws IOException {
        if (path.equals("/api/trail")) {
            List<Map<String, Object>> listed = new ArrayList<>();
            trees.forEach((name, tree) -> {
                if (!hidden.contains(name)) {
                    listed.add(Map.of("tree", name, "size", tree.range.size(), "closed", closedAt.containsKey(name)));
                }
            });
            return JSON.writeValueAsString(Map.of("verifierKey", signer.verifier().encoded(), "trees", listed));
        }
        String[] parts = path.split("[/?&=]");
        if (path.startsWith("/api/trail/trees/") && path.endsWith("/checkpoint")) {
            return note(parts[4]);
        }
        if (path.startsWith("/api/trail/trees/") && path.contains("/consistency")) {
            Tree tree = trees.get(parts[4]);
            long from = Long.parseLong(parts[7]);
            long to = Long.parseLong(parts[9]);
            return JSON.writeValueAsString(Map.of("proof", b64(Proofs.consistency(from, to, tree.store()))));
        }
        if (path.startsWith("/api/trail/epochs/")) {
            String month = parts[4];
            Tree epochs = trees.get("epochs");
            long leaf = closedAt.get(month);
            Checkpoint finalCheckpoint = Checkpoint.parse(new String(epochs.entries.get((int) leaf), StandardCharsets.UTF_8));
            return JSON.writeValueAsString(Map.of("epoch", month, "leafIndex", leaf, "treeSize", epochs.range.size(),
                    "epochCheckpoint", SignedNote.sign(finalCheckpoint.body(), signer),
                    "proof", b64(Proofs.inclusion(leaf, epochs.range.size(), epochs.store())), "checkpoint", note("epochs")));
        }
        throw new IOException(path + " answered 404");
    }

    @Override
    public String post(String path, String textBody) {
        cosignatures.add(path + " " + textBody.strip());
        return "[]";
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
