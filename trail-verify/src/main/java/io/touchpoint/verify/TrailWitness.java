package io.touchpoint.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.merkle.Witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One witness run against a service: follows the tree listing and the epochs tree, accepts each tree's latest
 * checkpoint only as an append-only extension of what it accepted before, and notices what a listing alone would
 * hide — a month that vanished, a closed month that changed, a second root at a size it saw. Optionally cosigns
 * (C2SP cosignature/v1) every checkpoint it accepted and hands the cosignatures to the service.
 */
final class TrailWitness {

    /** The service, as the witness talks to it. */
    interface Service {
        String get(String path) throws IOException, InterruptedException;

        String post(String path, String textBody) throws IOException, InterruptedException;
    }

    record Outcome(List<String> accepted, List<String> problems, List<String> cosigned) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EPOCHS = "epochs";

    private final Service service;
    private final NoteKeys.Verifier log;
    private final Witness witness;
    private final Path stateDirectory;
    private final Cosignature.Signer cosigner;
    private final Clock clock;

    TrailWitness(Service service, NoteKeys.Verifier log, Path stateDirectory, Cosignature.Signer cosigner, Clock clock) {
        this.service = service;
        this.log = log;
        this.witness = new Witness(stateDirectory, log);
        this.stateDirectory = stateDirectory;
        this.cosigner = cosigner;
        this.clock = clock;
    }

    Outcome run() throws IOException, InterruptedException {
        WitnessState state = WitnessState.load(stateDirectory);
        List<String> accepted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (JsonNode tree : JSON.readTree(service.get("/api/trail")).path("trees")) {
            String name = tree.path("tree").asText();
            if (name.matches("[0-9]{4}-[0-9]{2}|" + EPOCHS)) {
                listed.put(name, tree);
            } else {
                problems.add("the listing names a tree that cannot exist: " + name.substring(0, Math.min(name.length(), 40)));
            }
        }

        for (WitnessState.Tree known : state.trees().values()) {
            if (!listed.containsKey(known.tree())) {
                problems.add("the tree " + known.tree() + " vanished from the listing (last accepted at size " + known.size()
                        + (known.closed() ? ", closed as leaf " + known.epochsLeaf() + " of the epochs tree" : "")
                        + "): its checkpoints were deleted");
            }
        }

        // The epochs tree first: closed months are checked against the epochs checkpoint accepted in this run.
        Map<String, Accepted> done = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(listed.keySet());
        order.sort((a, b) -> Boolean.compare(!a.equals(EPOCHS), !b.equals(EPOCHS)));
        for (String tree : order) {
            try {
                Accepted result = follow(tree, state);
                done.put(tree, result);
                accepted.add(result.checkpoint().origin() + " at size " + result.checkpoint().size()
                        + result.previous().map(p -> " (was " + p + ")").orElse(" (first seen)"));
            } catch (Witness.Rejected | Refused e) {
                problems.add(e.getMessage());
            }
        }

        Accepted epochs = done.get(EPOCHS);
        Set<Long> epochLeaves = new HashSet<>();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Accepted> entry : done.entrySet()) {
            String tree = entry.getKey();
            if (tree.equals(EPOCHS)) {
                continue;
            }
            Checkpoint checkpoint = entry.getValue().checkpoint();
            Optional<WitnessState.Tree> before = state.tree(tree);
            boolean listedClosed = listed.get(tree).path("closed").asBoolean(false);
            long epochsLeaf = -1;
            try {
                if (before.isPresent() && before.get().closed()) {
                    if (checkpoint.size() != before.get().size()) {
                        throw new Refused("the closed month " + tree + " changed from size " + before.get().size() + " to "
                                + checkpoint.size() + " after it was closed");
                    }
                    epochsLeaf = before.get().epochsLeaf();
                    if (!listedClosed) {
                        throw new Refused("the month " + tree + " was closed (leaf " + epochsLeaf + " of the epochs tree) but is listed as open");
                    }
                }
                if (listedClosed) {
                    if (epochs == null) {
                        throw new Refused("the month " + tree + " is listed as closed but the epochs tree was not accepted");
                    }
                    epochsLeaf = closedMonth(tree, checkpoint, epochs.checkpoint(), epochsLeaf);
                    if (!epochLeaves.add(epochsLeaf)) {
                        throw new Refused("two months claim leaf " + epochsLeaf + " of the epochs tree");
                    }
                }
            } catch (Refused e) {
                problems.add(e.getMessage());
                refused.add(tree);
                continue;
            }
            entry.setValue(new Accepted(checkpoint, entry.getValue().previous(), listedClosed, epochsLeaf));
        }
        refused.forEach(done::remove);
        if (epochs != null) {
            long closedKnown = state.trees().values().stream().filter(WitnessState.Tree::closed).count();
            if (closedKnown > epochs.checkpoint().size()) {
                problems.add("the witness knows " + closedKnown + " closed months but the epochs tree has only "
                        + epochs.checkpoint().size() + " leaves");
            }
        }

        List<String> cosigned = new ArrayList<>();
        for (Map.Entry<String, Accepted> entry : done.entrySet()) {
            Accepted result = entry.getValue();
            Checkpoint checkpoint = result.checkpoint();
            state.accepted(new WitnessState.Tree(entry.getKey(), checkpoint.size(), b64(checkpoint.root()), result.closed(), result.epochsLeaf()));
            if (cosigner != null) {
                String line = cosigner.cosign(checkpoint.body(), clock.instant().getEpochSecond());
                try {
                    service.post("/api/trail/trees/" + entry.getKey() + "/checkpoints/" + checkpoint.size() + "/cosignatures", line + "\n");
                    cosigned.add(checkpoint.origin() + " at size " + checkpoint.size());
                } catch (IOException e) {
                    problems.add("the service did not take the cosignature of " + checkpoint.origin() + " at size " + checkpoint.size()
                            + ": " + e.getMessage());
                }
            }
        }
        state.save();
        return new Outcome(accepted, problems, cosigned);
    }

    private record Accepted(Checkpoint checkpoint, Optional<Long> previous, boolean closed, long epochsLeaf) {
    }

    /** A problem found while following the trail. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private Accepted follow(String tree, WitnessState state) throws IOException, InterruptedException, Witness.Rejected, Refused {
        String note = service.get("/api/trail/trees/" + tree + "/checkpoint");
        Checkpoint offered = open(note);
        if (!offered.origin().endsWith("/" + tree)) {
            throw new Refused("the checkpoint served for " + tree + " is of " + offered.origin());
        }
        Optional<String> seenRoot = state.seenRoot(tree, offered.size());
        if (seenRoot.isPresent() && !seenRoot.get().equals(b64(offered.root()))) {
            throw new Refused("split view: " + offered.origin() + " has root " + b64(offered.root()) + " at size " + offered.size()
                    + ", but this witness accepted root " + seenRoot.get() + " at that size");
        }
        Optional<Checkpoint> last = witness.last(offered.origin());
        List<byte[]> proof = List.of();
        if (last.isPresent() && offered.size() > last.get().size()) {
            proof = hashes(JSON.readTree(service.get("/api/trail/trees/" + tree + "/consistency?from=" + last.get().size()
                    + "&to=" + offered.size())).get("proof"));
        }
        try {
            witness.accept(note, proof);
        } catch (Witness.Rejected e) {
            throw new Witness.Rejected((last.isPresent() && offered.size() >= last.get().size() ? "split view or rewrite: " : "rollback: ")
                    + e.getMessage());
        }
        return new Accepted(offered, last.map(Checkpoint::size), false, -1);
    }

    /** Checks a closed month's final checkpoint is a leaf of the accepted epochs tree; returns its leaf index. */
    private long closedMonth(String tree, Checkpoint latest, Checkpoint epochs, long knownLeaf) throws IOException, InterruptedException, Refused {
        JsonNode proof = JSON.readTree(service.get("/api/trail/epochs/" + tree + "/proof"));
        Checkpoint finalCheckpoint = open(proof.path("epochCheckpoint").asText());
        Checkpoint against = open(proof.path("checkpoint").asText());
        long leaf = proof.path("leafIndex").asLong(-1);
        if (!finalCheckpoint.origin().equals(latest.origin()) || finalCheckpoint.size() != latest.size()
                || !Arrays.equals(finalCheckpoint.root(), latest.root())) {
            throw new Refused("the month " + tree + " closed at size " + finalCheckpoint.size() + " but its latest checkpoint has size "
                    + latest.size() + ": the tree grew or changed after it was closed");
        }
        if (against.size() != epochs.size() || !Arrays.equals(against.root(), epochs.root())) {
            throw new Refused("the epoch proof of " + tree + " is against an epochs tree of size " + against.size()
                    + ", not the one accepted in this run (" + epochs.size() + "); run the witness again");
        }
        byte[] leafHash = TreeHash.leaf(finalCheckpoint.body().getBytes(StandardCharsets.UTF_8));
        if (!ProofVerifier.inclusion(leafHash, leaf, epochs.size(), hashes(proof.get("proof")), epochs.root())) {
            throw new Refused("the month " + tree + "'s final checkpoint is not in the epochs tree at size " + epochs.size());
        }
        if (knownLeaf >= 0 && knownLeaf != leaf) {
            throw new Refused("the month " + tree + " moved from leaf " + knownLeaf + " to leaf " + leaf + " of the epochs tree");
        }
        return leaf;
    }

    private Checkpoint open(String note) throws Refused {
        try {
            return Checkpoint.parse(SignedNote.open(note, log));
        } catch (SignedNote.InvalidNote | IllegalArgumentException e) {
            throw new Refused("not a checkpoint signed by " + log.name() + ": " + e.getMessage());
        }
    }

    static List<byte[]> hashes(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("the JSON has no proof array");
        }
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
