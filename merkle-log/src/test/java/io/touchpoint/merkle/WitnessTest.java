package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WitnessTest {

    private static final String ORIGIN = "touchpoint.test/log/2026-11";
    private final NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("touchpoint.test/log"));

    private static List<byte[]> leaves(int count, int salt) {
        return IntStream.range(0, count).mapToObj(i -> TreeHash.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) salt})).toList();
    }

    private String note(MemoryStore tree) {
        return SignedNote.sign(new Checkpoint(ORIGIN, tree.leaves.size(), tree.root()).body(), signer);
    }

    @Test
    void acceptsAppendOnlyGrowthAndRefusesTruncationRewritesAndForeignKeys(@TempDir Path state) throws Exception {
        Witness witness = new Witness(state, signer.verifier());
        MemoryStore log = MemoryStore.of(leaves(10, 0));
        assertThat(witness.accept(note(log), List.of()).size()).isEqualTo(10);

        leaves(7, 1).forEach(log::append);
        assertThat(witness.accept(note(log), Proofs.consistency(10, 17, log.store())).size()).isEqualTo(17);
        assertThat(new Witness(state, signer.verifier()).last(ORIGIN).orElseThrow().size()).as("remembered across runs").isEqualTo(17);

        // Truncated: the newest entries removed and the tree re-signed.
        MemoryStore truncated = MemoryStore.of(log.leaves.subList(0, 15));
        assertThatThrownBy(() -> witness.accept(note(truncated), List.of())).isInstanceOf(Witness.Rejected.class).hasMessageContaining("shrank");

        // Rewritten at the same size.
        List<byte[]> changed = new ArrayList<>(log.leaves);
        changed.set(3, TreeHash.leaf(new byte[] {42}));
        MemoryStore rewritten = MemoryStore.of(changed);
        assertThatThrownBy(() -> witness.accept(note(rewritten), List.of())).isInstanceOf(Witness.Rejected.class).hasMessageContaining("two different roots");

        // Rewritten, then grown past the witness: the consistency proof cannot be made to verify.
        leaves(5, 2).forEach(rewritten::append);
        assertThatThrownBy(() -> witness.accept(note(rewritten), Proofs.consistency(17, 22, rewritten.store())))
                .isInstanceOf(Witness.Rejected.class).hasMessageContaining("not an extension");

        // Signed by another key.
        NoteKeys.Signer impostor = NoteKeys.signer(NoteKeys.generate("touchpoint.test/log"));
        String forged = SignedNote.sign(new Checkpoint(ORIGIN, 17, log.root()).body(), impostor);
        assertThatThrownBy(() -> witness.accept(forged, List.of())).isInstanceOf(Witness.Rejected.class).hasMessageContaining("not a checkpoint signed by");

        assertThat(witness.last(ORIGIN).orElseThrow().size()).as("nothing refused was remembered").isEqualTo(17);
    }
}
