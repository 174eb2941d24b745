package io.touchpoint.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A minimal witness: remembers, per origin, the last checkpoint it accepted (in a directory it alone writes),
 * and accepts a new one only if it is signed by the pinned key and the log grew append-only since then — same
 * size and same root, or a larger size with a consistency proof. A shortened or rewritten history is refused.
 */
public final class Witness {

    private final Path stateDirectory;
    private final NoteKeys.Verifier verifier;

    public Witness(Path stateDirectory, NoteKeys.Verifier verifier) {
        this.stateDirectory = stateDirectory;
        this.verifier = verifier;
    }

    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    /** The last checkpoint accepted for this origin, re-verified. */
    public Optional<Checkpoint> last(String origin) throws Rejected {
        Path file = file(origin);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies {@code note} against what was accepted before and, if it holds, remembers it. */
    public Checkpoint accept(String note, List<byte[]> consistencyFromLast) throws Rejected {
        Checkpoint next = open(note);
        Optional<Checkpoint> previous = last(next.origin());
        if (previous.isPresent()) {
            Checkpoint old = previous.get();
            if (next.size() < old.size()) {
                throw new Rejected(next.origin() + " shrank from " + old.size() + " to " + next.size()
                        + " entries: history was truncated or replaced");
            }
            if (next.size() == old.size() && !Arrays.equals(next.root(), old.root())) {
                throw new Rejected(next.origin() + " has two different roots at size " + old.size() + ": history was rewritten");
            }
            if (next.size() > old.size() && !ProofVerifier.consistency(old.size(), next.size(), old.root(), next.root(),
                    consistencyFromLast == null ? List.of() : consistencyFromLast)) {
                throw new Rejected(next.origin() + " at size " + next.size() + " is not an extension of the accepted size "
                        + old.size() + ": history was rewritten (or the consistency proof is wrong)");
            }
        }
        try {
            Files.createDirectories(stateDirectory);
            Path temporary = Files.createTempFile(stateDirectory, "checkpoint", ".tmp");
            Files.writeString(temporary, note, StandardCharsets.UTF_8);
            Files.move(temporary, file(next.origin()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the witness state in " + stateDirectory, e);
        }
        return next;
    }

    private Checkpoint open(String note) throws Rejected {
        try {
            return Checkpoint.parse(SignedNote.open(note, verifier));
        } catch (IllegalArgumentException | SignedNote.InvalidNote e) {
            throw new Rejected("not a checkpoint signed by " + verifier.name() + ": " + e.getMessage());
        }
    }

    private Path file(String origin) {
        return stateDirectory.resolve(origin.replaceAll("[^A-Za-z0-9.-]", "_") + ".checkpoint");
    }
}
