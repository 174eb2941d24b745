package io.touchpoint.trail;

import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Proofs;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Proofs against the latest signed checkpoints, each built from stored nodes in one query. */
@ApplicationScoped
public class TrailProofs {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Schema(description = "Proof that an entry is leaf leafIndex of the tree whose signed checkpoint is given")
    public record InclusionProof(
            @Schema(example = "2026-11") String tree,
            @Schema(example = "41") long leafIndex,
            @Schema(example = "1200") long treeSize,
            @Schema(description = "RFC 9162 leaf hash, base64: SHA-256(0x00 || entry bytes)", example = "q6Yx0mQkz5gT3bm0vS6m7U0w5pQkq0eZ9QnYVw1cF8E=") String leafHash,
            @Schema(description = "Sibling hashes, base64, from the leaf up", example = "[\"lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=\"]") List<String> proof,
            @Schema(description = "The signed checkpoint (C2SP signed note) the proof leads to") String checkpoint,
            @Schema(description = "The entry's canonical bytes (RFC 8785 JSON); absent where its content is not the caller's to see") String entry) {
    }

    public record ConsistencyProof(
            @Schema(example = "2026-11") String tree,
            @Schema(example = "1000") long fromSize,
            @Schema(example = "1200") long toSize,
            @Schema(description = "RFC 9162 consistency proof, base64 hashes", example = "[\"X4M/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3gMB4=\"]") List<String> proof,
            @Schema(description = "The signed checkpoint at toSize") String checkpoint) {
    }

    public record EpochProof(
            @Schema(example = "2026-10") String epoch,
            @Schema(description = "The month's final signed checkpoint") String epochCheckpoint,
            @Schema(example = "3") long leafIndex,
            @Schema(example = "5") long treeSize,
            @Schema(description = "Inclusion of the final checkpoint's text in the epochs tree, base64 hashes", example = "[]") List<String> proof,
            @Schema(description = "The signed checkpoint of the epochs tree") String checkpoint) {
    }

    private final TrailStore store;
    private final TrailEntries entries;
    private final TrailCosignatures cosignatures;

    public TrailProofs(TrailStore store, TrailEntries entries, TrailCosignatures cosignatures) {
        this.store = store;
        this.entries = entries;
        this.cosignatures = cosignatures;
    }

    /** Empty while the entry waits for the integrator (at most a few seconds). */
    public Optional<InclusionProof> inclusion(UUID entryId, boolean withEntry) {
        return store.leafOf(entryId).flatMap(leaf -> store.latestCheckpoint(leaf.tree()).map(checkpoint -> {
            List<byte[]> proof = Proofs.inclusion(leaf.index(), checkpoint.size(), ids -> store.nodes(leaf.tree(), ids));
            byte[] leafHash = store.leafHashes(leaf.tree(), leaf.index(), leaf.index() + 1).get(leaf.index());
            String entry = null;
            if (withEntry) {
                byte[] bytes = entries.canonical(List.of(new TrailEntries.Ref(entryId, leaf.recordedAt()))).get(entryId);
                entry = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            }
            return new InclusionProof(leaf.tree(), leaf.index(), checkpoint.size(), leafHash == null ? null : B64.encodeToString(leafHash),
                    encode(proof), cosignatures.served(checkpoint), entry);
        }));
    }

    public ConsistencyProof consistency(String tree, long from, long to) {
        TrailStore.StoredCheckpoint latest = store.latestCheckpoint(tree).orElseThrow(() -> noTree(tree));
        if (from < 0 || from > to || to > latest.size()) {
            throw Problems.badRequest("invalid-tree-sizes", "Invalid tree sizes",
                    "need 0 <= from <= to <= " + latest.size() + " (the latest checkpoint of " + tree + ")");
        }
        if (from < to && from > 0 && store.size(tree) == 0 && store.epoch(tree).isPresent()) {
            throw retired(tree);
        }
        List<byte[]> proof = Proofs.consistency(from, to, ids -> store.nodes(tree, ids));
        String note = store.checkpoint(tree, to).map(cosignatures::served).orElse(null);
        return new ConsistencyProof(tree, from, to, encode(proof), note);
    }

    public Optional<EpochProof> epoch(String epoch) {
        return store.epoch(epoch).flatMap(closed -> store.latestCheckpoint(TrailIntegrator.EPOCHS_TREE).map(checkpoint -> {
            List<byte[]> proof = Proofs.inclusion(closed.epochsLeafIndex(), checkpoint.size(),
                    ids -> store.nodes(TrailIntegrator.EPOCHS_TREE, ids));
            return new EpochProof(epoch, closed.note(), closed.epochsLeafIndex(), checkpoint.size(), encode(proof), cosignatures.served(checkpoint));
        }));
    }

    public String checkpoint(String tree, Long size) {
        Optional<TrailStore.StoredCheckpoint> found = size == null ? store.latestCheckpoint(tree) : store.checkpoint(tree, size);
        return found.map(cosignatures::served).orElseThrow(() -> size == null ? noTree(tree)
                : Problems.of(404, "no-such-checkpoint", "No such checkpoint", "no checkpoint of " + tree + " has size " + size));
    }

    /** The leaf data of an epoch leaf: the month's final checkpoint text, without signatures. */
    static String epochLeafText(String origin, TrailStore.StoredEpoch epoch) {
        return new Checkpoint(origin, epoch.size(), epoch.root()).body();
    }

    static RuntimeException retired(String tree) {
        return Problems.of(410, "tree-retired", "Tree retired",
                "the month " + tree + " was dropped by retention; its final checkpoint is a leaf of the epochs tree: use its epoch proof");
    }

    static RuntimeException noTree(String tree) {
        return Problems.of(404, "no-such-tree", "No such tree", "the trail has no tree " + tree + " (trees are months, yyyy-MM, and epochs)");
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }
}
