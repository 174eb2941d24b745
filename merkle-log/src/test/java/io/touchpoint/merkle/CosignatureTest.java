package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP tlog-cosignature (cosignature/v1, Ed25519), checked against the spec's and transparency-dev's published data. */
class CosignatureTest {

    // The spec's example checkpoint and its witness line (c2sp.org/tlog-cosignature), and its example message time.
    private static final String SPEC_BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final String SPEC_LINE = "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";
    private static final String SPEC_LOG_LINE = "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=";
    // transparency-dev/formats note_cosigv1_test.go: a native cosignature/v1 vkey, an Ed25519 note vkey, and a timestamp.
    private static final String NATIVE_VKEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    private static final String NOTE_VKEY = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";
    private static final String FORMATS_SIGNATURE = "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==";
    private static final String FORMATS_NOTE_SIGNATURE = "eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=";
    // The x/mod/sumdb/note example signer key, reused as a cosigner.
    private static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    @Test
    void theSpecsMessageIsTheHeaderTheTimeLineAndTheWholeBody() {
        assertThat(new String(Cosignature.message(SPEC_BODY, 1679315147), StandardCharsets.UTF_8)).isEqualTo(
                "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void publishedSignatureLinesParseToTheirKeyIdAndTime() {
        Cosignature.Line spec = Cosignature.parse(SPEC_LINE).orElseThrow();
        assertThat(spec.name()).isEqualTo("witness.example.com/w1");
        assertThat(NoteKeys.hex(spec.keyId())).isEqualTo("8d66cf3f");
        assertThat(spec.time()).as("the time of the spec's example message").isEqualTo(1679315147L);
        assertThat(spec.text()).isEqualTo(SPEC_LINE);
        assertThat(Cosignature.parse("\u2014 w " + FORMATS_SIGNATURE).orElseThrow().time()).isEqualTo(1727964367L);
        // A log's own Ed25519 signature (4 + 64 bytes) is not a cosignature.
        assertThat(Cosignature.parse(SPEC_LOG_LINE)).isEmpty();
        assertThat(Cosignature.parse("\u2014 w " + FORMATS_NOTE_SIGNATURE)).isEmpty();
        assertThatThrownBy(() -> Cosignature.parse("\u2014 w 5%/$!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cosignature.parse("-- w " + FORMATS_SIGNATURE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishedWitnessKeysAreAcceptedAndTheirKeyIdsUseTypeFour() {
        Cosignature.Verifier remora = Cosignature.verifier(NATIVE_VKEY);
        assertThat(remora.name()).isEqualTo("remora.n621.de");
        assertThat(NoteKeys.hex(remora.keyId())).isEqualTo("da77ade7");
        assertThat(remora.encoded()).isEqualTo(NATIVE_VKEY);
        Cosignature.Verifier converted = Cosignature.verifier(NOTE_VKEY);
        assertThat(converted.keyId()).as("a note key used for cosigning gets the type-4 key id").isNotEqualTo(0x7997405c);
        assertThat(Cosignature.verifier(converted.encoded()).encoded()).isEqualTo(converted.encoded());
        assertThatThrownBy(() -> Cosignature.verifier(NATIVE_VKEY.replace("da77ade7", "da77ade8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cosignature.verifier("rekor.sigstore.dev+12345678+AwEB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cosignature.verifier("bananas.sigstore.dev+12344556")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCosignatureVerifiesForItsCheckpointAndTimeOnly() {
        Cosignature.Signer witness = Cosignature.signer(GO_SIGNER);
        String line = witness.cosign(SPEC_BODY, 1679315147);
        // Ed25519 is deterministic: the same key, body and time give this line in every implementation.
        assertThat(line).startsWith("\u2014 PeterNeumann ");
        Cosignature.Line parsed = Cosignature.parse(line).orElseThrow();
        assertThat(parsed.keyId()).isEqualTo(witness.verifier().keyId()).isNotEqualTo(0xc74f20a3);
        assertThat(witness.verifier().verifies(parsed, SPEC_BODY)).isTrue();

        assertThat(witness.verifier().verifies(parsed, SPEC_BODY.replace("20852163", "20852164"))).as("another size").isFalse();
        Cosignature.Line otherTime = new Cosignature.Line(parsed.name(), parsed.keyId(), parsed.time() + 1, parsed.signature());
        assertThat(witness.verifier().verifies(otherTime, SPEC_BODY)).as("the time is signed").isFalse();
        Cosignature.Verifier impostor = Cosignature.signer(NoteKeys.generate("PeterNeumann")).verifier();
        assertThat(impostor.verifies(parsed, SPEC_BODY)).isFalse();
        // The log's key never verifies a cosignature, nor a cosigner key a log signature: the key ids differ.
        assertThat(SignedNote.withSignatures(SignedNote.sign(SPEC_BODY, NoteKeys.signer(GO_SIGNER)), List.of(line)))
                .satisfies(note -> assertThat(SignedNote.open(note, NoteKeys.signer(GO_SIGNER).verifier())).isEqualTo(SPEC_BODY));
    }

    @Test
    void witnessesCountsDistinctTrustedKeysWithValidCosignaturesOnly() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("touchpoint.test/log"));
        String body = new Checkpoint("touchpoint.test/log/2026-11", 5, TreeHash.sha256(new byte[] {1})).body();
        Cosignature.Signer a = Cosignature.signer(NoteKeys.generate("witness.a.example"));
        Cosignature.Signer b = Cosignature.signer(NoteKeys.generate("witness.b.example"));
        Cosignature.Signer stranger = Cosignature.signer(NoteKeys.generate("witness.c.example"));
        String forgedByA = new Cosignature.Line(a.verifier().name(), a.verifier().keyId(), 1_800_000_000L, new byte[64]).text();
        String note = SignedNote.withSignatures(SignedNote.sign(body, log),
                List.of(a.cosign(body, 1_800_000_000L), a.cosign(body, 1_800_000_001L), stranger.cosign(body, 1_800_000_000L), forgedByA));

        assertThat(Cosignature.witnesses(note, List.of(a.verifier(), b.verifier(), a.verifier()))).extracting(Cosignature.Verifier::encoded)
                .containsExactly(a.verifier().encoded());
        assertThat(Cosignature.witnesses(note, List.of(b.verifier()))).isEmpty();
        String onlyForged = SignedNote.withSignatures(SignedNote.sign(body, log), List.of(forgedByA));
        assertThat(Cosignature.witnesses(onlyForged, List.of(a.verifier()))).isEmpty();
    }
}
