package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Range bundles: re-verified offline with the public key only, and every kind of tampering fails them. */
class BundleTest {

    private static final String ORIGIN = "touchpoint.test/log/2026-11";
    private final NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("touchpoint.test/log"));
    private final List<byte[]> entries = new ArrayList<>();
    private final MemoryStore tree = new MemoryStore();

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            byte[] entry = ("{\"id\":" + entries.size() + ",\"note\":\"line\\nbreak\"}").getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            tree.append(TreeHash.leaf(entry));
        }
    }

    private Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, Proofs.root(size, tree.store()));
    }

    private byte[] bundle(long from, long to, Long since, List<byte[]> rangeEntries) throws Exception {
        long size = tree.leaves.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bundle.Writer writer = new Bundle.Writer(out, from, to, SignedNote.sign(checkpoint(size).body(), signer),
                Bundle.leftNodes(from).stream().map(tree.nodes::get).toList(),
                Bundle.rightNodes(to, size).stream().map(tree.nodes::get).toList(),
                since, since == null ? List.of() : Proofs.consistency(since, size, tree.store()));
        for (byte[] entry : rangeEntries) {
            writer.entry(entry);
        }
        writer.finish();
        return out.toByteArray();
    }

    private byte[] bundle(long from, long to) throws Exception {
        return bundle(from, to, null, entries.subList((int) from, (int) to));
    }

    private Bundle.Verified verify(byte[] bundle, Checkpoint previous) throws Exception {
        return Bundle.verify(new ByteArrayInputStream(bundle), signer.verifier(), previous);
    }

    @Test
    void everyRangeOfEveryTreeSizeVerifies() throws Exception {
        append(37);
        for (int size : new int[] {1, 2, 5, 8, 13, 37}) {
            MemoryStore prefix = MemoryStore.of(tree.leaves.subList(0, size));
            for (int from = 0; from <= size; from += 3) {
                for (int to = from; to <= size; to += Math.max(1, size / 4)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Bundle.Writer writer = new Bundle.Writer(out, from, to,
                            SignedNote.sign(new Checkpoint(ORIGIN, size, prefix.root()).body(), signer),
                            Bundle.leftNodes(from).stream().map(prefix.nodes::get).toList(),
                            Bundle.rightNodes(to, size).stream().map(prefix.nodes::get).toList(), null, List.of());
                    for (byte[] entry : entries.subList(from, to)) {
                        writer.entry(entry);
                    }
                    writer.finish();
                    Bundle.Verified verified = verify(out.toByteArray(), null);
                    assertThat(verified.checkpoint().size()).isEqualTo(size);
                    assertThat(verified.entries()).as("[%d, %d) of %d", from, to, size).isEqualTo(to - from);
                }
            }
        }
    }

    @Test
    void anAlteredEntryByteFailsTheBundle() throws Exception {
        append(20);
        byte[] bundle = bundle(4, 15);
        String text = new String(bundle, StandardCharsets.UTF_8);
        int at = text.indexOf("{\"id\":9,");
        byte[] altered = bundle.clone();
        altered[at + 6] = '8'; // {"id":8, — same length, one byte changed
        assertThatThrownBy(() -> verify(altered, null)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("do not reproduce the signed root");
    }

    @Test
    void aMissingExtraOrReorderedEntryFailsTheBundle() throws Exception {
        append(20);
        List<byte[]> missing = new ArrayList<>(entries.subList(4, 15));
        missing.remove(3);
        assertThatThrownBy(() -> verify(bundle(4, 15, null, missing), null)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("entries are missing");
        List<byte[]> extra = new ArrayList<>(entries.subList(4, 16));
        assertThatThrownBy(() -> verify(bundle(4, 15, null, extra), null)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("more entries");
        List<byte[]> swapped = new ArrayList<>(entries.subList(4, 15));
        swapped.set(2, entries.get(7));
        swapped.set(3, entries.get(6));
        assertThatThrownBy(() -> verify(bundle(4, 15, null, swapped), null)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("do not reproduce");
        byte[] cut = bundle(4, 15);
        assertThatThrownBy(() -> verify(java.util.Arrays.copyOf(cut, cut.length - 40), null)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void aWrongRootOrAForeignSignatureFailsTheBundle() throws Exception {
        append(20);
        String original = new String(bundle(0, 20), StandardCharsets.UTF_8);
        // A checkpoint with another root, signed by someone else: refused before any entry is read.
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("touchpoint.test/log"));
        String foreignNote = SignedNote.sign(new Checkpoint(ORIGIN, 20, TreeHash.sha256(new byte[] {9})).body(), other);
        String honestNote = SignedNote.sign(checkpoint(20).body(), signer);
        byte[] foreign = original.replace("checkpoint " + honestNote.getBytes(StandardCharsets.UTF_8).length + "\n" + honestNote,
                "checkpoint " + foreignNote.getBytes(StandardCharsets.UTF_8).length + "\n" + foreignNote).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verify(foreign, null)).isInstanceOf(Bundle.Invalid.class).hasMessageContaining("not signed by");
        // A wrong left hash (the unproven part of a range bundle) is caught by the root.
        byte[] range = bundle(8, 20);
        String rangeText = new String(range, StandardCharsets.UTF_8);
        String firstLeft = rangeText.split("\nleft 1\n")[1].split("\n")[0];
        byte[] wrongLeft = rangeText.replace(firstLeft, java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verify(wrongLeft, null)).isInstanceOf(Bundle.Invalid.class).hasMessageContaining("do not reproduce");
    }

    @Test
    void aHeldCheckpointIsProvenAPrefixFromTheLeavesOrByTheConsistencyProof() throws Exception {
        append(10);
        Checkpoint held = checkpoint(10);
        append(15);
        assertThat(verify(bundle(0, 25), held).previousChecked()).as("computed from the leaves").isEqualTo(10);
        assertThat(verify(bundle(12, 25, 10L, entries.subList(12, 25)), held).previousChecked()).as("by the proof").isEqualTo(10);
        assertThatThrownBy(() -> verify(bundle(12, 25), held)).isInstanceOf(Bundle.Invalid.class).hasMessageContaining("since=10");

        // A held checkpoint from a different history (a split view) is not a prefix.
        Checkpoint forked = new Checkpoint(ORIGIN, 10, TreeHash.sha256(new byte[] {7}));
        assertThatThrownBy(() -> verify(bundle(0, 25), forked)).isInstanceOf(Bundle.Invalid.class).hasMessageContaining("not a prefix");
        assertThatThrownBy(() -> verify(bundle(12, 25, 10L, entries.subList(12, 25)), forked)).isInstanceOf(Bundle.Invalid.class)
                .hasMessageContaining("does not extend");
        Checkpoint later = new Checkpoint(ORIGIN, 30, TreeHash.sha256(new byte[] {7}));
        assertThatThrownBy(() -> verify(bundle(0, 25), later)).isInstanceOf(Bundle.Invalid.class).hasMessageContaining("rolled back");
    }

    @Test
    void hostileHeadersAreRefusedWithoutAllocating() throws Exception {
        append(4);
        UnaryOperator<String> edit = s -> s;
        String text = new String(bundle(0, 4), StandardCharsets.UTF_8);
        for (String hostile : new String[] {text.replace("range 0 4", "range 3 1"), text.replace("range 0 4", "range 0 99"),
                text.replaceFirst("\n[0-9]+\n\\{", "\n99999999999\n{"), text.replace(Bundle.MAGIC, "something-else"),
                edit.apply(text).replace("right 0", "right 5")}) {
            assertThatThrownBy(() -> verify(hostile.getBytes(StandardCharsets.UTF_8), null)).as(hostile).isInstanceOf(Bundle.Invalid.class);
        }
    }
}
