package io.touchpoint.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.merkle.Bundle;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.CompactRange;
import io.touchpoint.merkle.NodeId;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.Proofs;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier as a compliance team runs it: files in, a verdict and an exit status out. */
class TouchpointVerifyTest {

    private static final String ORIGIN = "touchpoint.test/access-log/2026-11";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("touchpoint.test/access-log"));

    @TempDir
    Path dir;

    /** A log kept as the service keeps it: entries, every completed node, a compact range. */
    private final List<String> entries = new ArrayList<>();
    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final CompactRange range = CompactRange.empty();

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            String entry = "{\"id\":\"" + entries.size() + "\",\"v\":1}";
            entries.add(entry);
            range.append(TreeHash.leaf(entry.getBytes(StandardCharsets.UTF_8)), nodes::put);
        }
    }

    private Proofs.NodeStore store() {
        return ids -> {
            Map<NodeId, byte[]> found = new HashMap<>();
            ids.forEach(id -> found.put(id, nodes.get(id)));
            return found;
        };
    }

    private String note() {
        return SignedNote.sign(new Checkpoint(ORIGIN, range.size(), range.root()).body(), signer);
    }

    private Path write(String name, Object content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content instanceof String s ? s : JSON.writeValueAsString(content));
        return file;
    }

    private static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private Path inclusionProof(int index, String entry) throws Exception {
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("tree", "2026-11");
        proof.put("leafIndex", index);
        proof.put("treeSize", range.size());
        proof.put("leafHash", Base64.getEncoder().encodeToString(TreeHash.leaf(entries.get(index).getBytes(StandardCharsets.UTF_8))));
        proof.put("proof", b64(Proofs.inclusion(index, range.size(), store())));
        proof.put("checkpoint", note());
        proof.put("entry", entry);
        return write("inclusion-" + index + ".json", proof);
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TouchpointVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    private String key() {
        return signer.verifier().encoded();
    }

    @Test
    void verifiesAnInclusionProofAndRefusesAnAlteredEntryOrAnotherKey() throws Exception {
        append(13);
        Result ok = run("inclusion", "--key", key(), inclusionProof(5, entries.get(5)).toString());
        assertThat(ok.status()).isZero();
        assertThat(ok.out()).contains("OK entry is leaf 5 of " + ORIGIN + " at size 13");

        Result altered = run("inclusion", "--key", key(), inclusionProof(5, entries.get(5).replace("\"5\"", "\"6\"")).toString());
        assertThat(altered.status()).isEqualTo(1);
        assertThat(altered.err()).contains("FAILED the entry does not hash to the proof's leaf hash");

        Path keyFile = write("other.vkey", NoteKeys.signer(NoteKeys.generate("touchpoint.test/access-log")).verifier().encoded());
        Result foreign = run("inclusion", "--key", keyFile.toString(), inclusionProof(5, entries.get(5)).toString());
        assertThat(foreign.status()).isEqualTo(1);
        assertThat(foreign.err()).contains("not signed by");

        Result withheld = run("inclusion", "--key", key(), inclusionProof(7, null).toString());
        assertThat(withheld.status()).isZero();
        assertThat(withheld.out()).contains("entry withheld");
    }

    @Test
    void verifiesConsistencyAndTheWitnessRemembersAcrossRuns() throws Exception {
        append(10);
        Path old = write("old.checkpoint", note());
        Path state = dir.resolve("witness");
        assertThat(run("witness", "--key", key(), "--state", state.toString(), "--checkpoint", old.toString()).status()).isZero();

        append(6);
        Path newer = write("new.checkpoint", note());
        Path proof = write("consistency.json", Map.of("proof", b64(Proofs.consistency(10, 16, store()))));
        Result consistent = run("consistency", "--key", key(), "--old", old.toString(), "--new", newer.toString(), proof.toString());
        assertThat(consistent.status()).isZero();
        assertThat(consistent.out()).contains("size 16 extends size 10");
        assertThat(run("witness", "--key", key(), "--state", state.toString(), "--checkpoint", newer.toString(),
                "--proof", proof.toString()).status()).isZero();

        // A shortened history, correctly signed, is refused by the witness on its next run.
        Path shorter = write("short.checkpoint", SignedNote.sign(new Checkpoint(ORIGIN, 12, Proofs.root(12, store())).body(), signer));
        Result refused = run("witness", "--key", key(), "--state", state.toString(), "--checkpoint", shorter.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("shrank from 16 to 12");
        // Consistency the wrong way round fails too.
        assertThat(run("consistency", "--key", key(), "--old", newer.toString(), "--new", old.toString(), proof.toString()).status()).isEqualTo(1);
    }

    @Test
    void unusableInputIsExitStatusTwoWithAMessage() throws Exception {
        Path notJson = write("garbage.json", "{not json");
        Result garbage = run("inclusion", "--key", key(), notJson.toString());
        assertThat(garbage.status()).isEqualTo(2);
        assertThat(garbage.err()).contains("touchpoint-verify:");
        assertThat(run("inclusion", "--key", "not-a-key", notJson.toString()).status()).isEqualTo(2);
        assertThat(run("no-such-command").status()).isEqualTo(2);
        Result keygen = run("keygen", "airline.example/access-log");
        assertThat(keygen.status()).isZero();
        String signerKey = keygen.out().lines().filter(l -> l.startsWith("signer key")).findFirst().orElseThrow().split(": ")[1].strip();
        assertThat(NoteKeys.signer(signerKey).name()).isEqualTo("airline.example/access-log");
    }

    private final Cosignature.Signer witnessA = Cosignature.signer(NoteKeys.generate("witness.a.example"));
    private final Cosignature.Signer witnessB = Cosignature.signer(NoteKeys.generate("witness.b.example"));

    private Path bundle(String name, long from, long to, Long since, List<String> rangeEntries, String note) throws Exception {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            Bundle.Writer writer = new Bundle.Writer(out, from, to, note,
                    Bundle.leftNodes(from).stream().map(nodes::get).toList(),
                    Bundle.rightNodes(to, range.size()).stream().map(nodes::get).toList(),
                    since, since == null ? List.of() : Proofs.consistency(since, range.size(), store()));
            for (String entry : rangeEntries) {
                writer.entry(entry.getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return file;
    }

    @Test
    void requireWitnessesRefusesAnUnwitnessedCheckpointAndCountsOnlyTrustedValidCosignatures() throws Exception {
        append(9);
        String note = note();
        String body = Checkpoint.parse(SignedNote.open(note, signer.verifier())).body();
        Path bare = write("bare.checkpoint", note);
        String[] trustBoth = {"--witness-key", witnessA.verifier().encoded(), "--witness-key", witnessB.verifier().encoded()};

        Result unwitnessed = run(concat(new String[] {"checkpoint", "--key", key(), "--require-witness", "1"}, trustBoth, bare.toString()));
        assertThat(unwitnessed.status()).isEqualTo(1);
        assertThat(unwitnessed.err()).contains("cosigned by 0 of the trusted witnesses, 1 required");
        assertThat(run("checkpoint", "--key", key(), bare.toString()).status()).as("not required, not checked").isZero();

        // A stranger's cosignature and a forged one under witness B's name and key id do not count.
        Cosignature.Signer stranger = Cosignature.signer(NoteKeys.generate("witness.c.example"));
        String forged = new Cosignature.Line(witnessB.verifier().name(), witnessB.verifier().keyId(), 1_800_000_000L, new byte[64]).text();
        Path oneWitness = write("one.checkpoint", SignedNote.withSignatures(note,
                List.of(witnessA.cosign(body, 1_800_000_000L), stranger.cosign(body, 1_800_000_000L), forged)));
        Result one = run(concat(new String[] {"checkpoint", "--key", key(), "--require-witnesses", "1"}, trustBoth, oneWitness.toString()));
        assertThat(one.status()).isZero();
        assertThat(one.out()).contains("witnessed by witness.a.example");
        assertThat(run(concat(new String[] {"checkpoint", "--key", key(), "--require-witnesses", "2"}, trustBoth, oneWitness.toString())).status())
                .isEqualTo(1);
        // A cosignature of another checkpoint (another size) pasted under this one does not count either.
        String otherBody = body.replace("\n9\n", "\n8\n");
        Path moved = write("moved.checkpoint", SignedNote.withSignatures(note, List.of(witnessB.cosign(otherBody, 1_800_000_000L))));
        assertThat(run(concat(new String[] {"checkpoint", "--key", key(), "--require-witness", "1"}, trustBoth, moved.toString())).status())
                .isEqualTo(1);
    }

    @Test
    void bundleVerifiesARangeOfflineAndCatchesAnAlteredByteAMissingEntryAndAWrongRoot() throws Exception {
        append(30);
        Path held = write("held.checkpoint", SignedNote.sign(new Checkpoint(ORIGIN, 12, Proofs.root(12, store())).body(), signer));
        Path good = bundle("good.tpb", 5, 25, 12L, entries.subList(5, 25), note());
        Result ok = run("bundle", "--key", key(), "--previous", held.toString(), good.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("20 entries [5, 25) re-hashed").contains("held checkpoint at size 12 is a prefix");

        byte[] bytes = Files.readAllBytes(good);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("{\"id\":\"17\"");
        bytes[at + 8] = '8';
        Result altered = run("bundle", "--key", key(), Files.write(dir.resolve("altered.tpb"), bytes).toString());
        assertThat(altered.status()).isEqualTo(1);
        assertThat(altered.err()).contains("do not reproduce the signed root");

        List<String> missing = new ArrayList<>(entries.subList(5, 25));
        missing.remove(10);
        Result gap = run("bundle", "--key", key(), bundle("missing.tpb", 5, 25, null, missing, note()).toString());
        assertThat(gap.status()).isEqualTo(1);
        assertThat(gap.err()).contains("entries are missing");

        String wrongRoot = SignedNote.sign(new Checkpoint(ORIGIN, 30, Proofs.root(29, store())).body(), signer);
        Result wrong = run("bundle", "--key", key(), bundle("wrong.tpb", 5, 25, null, entries.subList(5, 25), wrongRoot).toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("do not reproduce the signed root");

        Result unwitnessed = run("bundle", "--key", key(), "--witness-key", witnessA.verifier().encoded(), "--require-witness", "1", good.toString());
        assertThat(unwitnessed.status()).isEqualTo(1);
        assertThat(unwitnessed.err()).contains("not witnessed");
    }

    @Test
    void anOfflineWitnessPrintsACosignatureThatKeygensWitnessKeyVerifies() throws Exception {
        append(6);
        Result keygen = run("keygen", "witness.test/offline");
        String signerKey = keygen.out().lines().filter(l -> l.startsWith("signer key")).findFirst().orElseThrow().split(": ")[1].strip();
        String witnessKey = keygen.out().lines().filter(l -> l.startsWith("witness key")).findFirst().orElseThrow().split(": ")[1].strip();
        Path checkpoint = write("offline.checkpoint", note());
        Result witnessed = run("witness", "--key", key(), "--state", dir.resolve("offline").toString(), "--checkpoint", checkpoint.toString(),
                "--cosign-key", write("witness.key", signerKey).toString());
        assertThat(witnessed.status()).as(witnessed.err()).isZero();
        String line = witnessed.out().lines().filter(l -> l.startsWith("\u2014 witness.test/offline ")).findFirst().orElseThrow();
        Path cosigned = write("cosigned.checkpoint", SignedNote.withSignatures(note(), List.of(line)));
        assertThat(run("checkpoint", "--key", key(), "--witness-key", witnessKey, "--require-witness", "1", cosigned.toString()).status()).isZero();
    }

    private static String[] concat(String[] head, String[] middle, String last) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(middle));
        all.add(last);
        return all.toArray(String[]::new);
    }
}
