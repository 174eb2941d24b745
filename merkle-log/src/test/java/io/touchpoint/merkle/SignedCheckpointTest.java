package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedCheckpointTest {

    // The example key and note of golang.org/x/mod/sumdb/note, the format's reference implementation.
    private static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signsAndOpensExactlyAsTheReferenceImplementation() {
        NoteKeys.Signer signer = NoteKeys.signer(GO_SIGNER);
        assertThat(signer.verifier().encoded()).isEqualTo(GO_VERIFIER);
        assertThat(SignedNote.sign(GO_TEXT, signer)).isEqualTo(GO_NOTE); // Ed25519 is deterministic
        assertThat(SignedNote.open(GO_NOTE, NoteKeys.verifier(GO_VERIFIER))).isEqualTo(GO_TEXT);
    }

    @Test
    void mangledKeysAreRefused() {
        for (int i = 0; i < GO_VERIFIER.length(); i++) {
            char[] chars = GO_VERIFIER.toCharArray();
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> NoteKeys.verifier(mangled)).as("mangled at %d", i).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NoteKeys.signer(GO_VERIFIER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKeys.signer(GO_SIGNER.replace("c74f20a3", "c74f20a4"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckpointRoundTripsAndAnyAlterationOfTheNoteFails() {
        NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("touchpoint.example/access-log"));
        byte[] root = new byte[32];
        new Random(7).nextBytes(root);
        Checkpoint checkpoint = new Checkpoint("touchpoint.example/access-log/2026-11", 1234, root);
        String note = SignedNote.sign(checkpoint.body(), signer);

        Checkpoint opened = Checkpoint.parse(SignedNote.open(note, signer.verifier()));
        assertThat(opened.origin()).isEqualTo(checkpoint.origin());
        assertThat(opened.size()).isEqualTo(1234);
        assertThat(opened.root()).isEqualTo(root);

        String biggerTree = note.replace("\n1234\n", "\n1235\n");
        assertThatThrownBy(() -> SignedNote.open(biggerTree, signer.verifier())).isInstanceOf(SignedNote.InvalidNote.class)
                .hasMessageContaining("does not verify");
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("touchpoint.example/access-log"));
        String forged = SignedNote.sign(checkpoint.body(), other);
        assertThatThrownBy(() -> SignedNote.open(forged, signer.verifier())).isInstanceOf(SignedNote.InvalidNote.class)
                .hasMessageContaining("not signed by");
        assertThatThrownBy(() -> SignedNote.open(checkpoint.body(), signer.verifier())).isInstanceOf(SignedNote.InvalidNote.class);
        assertThatThrownBy(() -> SignedNote.open(checkpoint.body() + "\n", signer.verifier())).isInstanceOf(SignedNote.InvalidNote.class);
        assertThatThrownBy(() -> SignedNote.open("\n\n", signer.verifier())).isInstanceOf(SignedNote.InvalidNote.class);
    }

    @Test
    void malformedCheckpointsAreRefused() {
        String root = "bnRlc3Rub3RhcmVhbGhhc2hidXRpdGlzMzJieXRlcyE=";
        assertThat(Checkpoint.parse("o\n5\n" + root + "\n").size()).isEqualTo(5);
        for (String body : new String[] {"o\n5\n" + root, "o\n-5\n" + root + "\n", "o\n05\n" + root + "\n", "o\n5\nAAAA\n",
                "o\n5\n" + root + "\nextension\n", "\n5\n" + root + "\n", "o\nfive\n" + root + "\n"}) {
            assertThatThrownBy(() -> Checkpoint.parse(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
