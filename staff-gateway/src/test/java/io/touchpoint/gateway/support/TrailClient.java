package io.touchpoint.gateway.support;

import io.restassured.path.json.JsonPath;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.testsupport.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Talks to /api/trail as a compliance auditor and checks what it gets the way an outside verifier would. */
public final class TrailClient {

    /** The published development verifier key, read from the repository as a witness would pin it. */
    public static final NoteKeys.Verifier VERIFIER = NoteKeys.verifier(read(Path.of("../deploy/dev-keys/access-log.vkey")));

    private TrailClient() {
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String auditor() {
        return Tokens.withRoles("auditor-1", "compliance-auditor");
    }

    /** Runs the integrator until nothing is queued. */
    public static void drain(TrailIntegrator integrator) {
        for (int i = 0; i < 1000; i++) {
            TrailIntegrator.Run run = integrator.integrate();
            if (run.leader() && run.integrated() == 0) {
                return;
            }
        }
        throw new AssertionError("the queue did not drain");
    }

    public static String checkpointNote(String tree) {
        return given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/checkpoint")
                .then().statusCode(200).extract().asString();
    }

    public static Checkpoint checkpoint(String tree) {
        return Checkpoint.parse(SignedNote.open(checkpointNote(tree), VERIFIER));
    }

    public static JsonPath proof(UUID entryId) {
        return given().auth().oauth2(auditor()).when().get("/api/trail/entries/" + entryId + "/proof")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Verifies an inclusion proof as the offline verifier does: signature, leaf from the entry bytes, path to the root. */
    public static void assertVerifies(JsonPath proof, UUID entryId) {
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(proof.getString("checkpoint"), VERIFIER));
        assertThat(checkpoint.origin()).isEqualTo("touchpoint.dev/access-log/" + proof.getString("tree"));
        String entry = proof.getString("entry");
        assertThat(entry).contains("\"id\":\"" + entryId + "\"");
        byte[] leaf = TreeHash.leaf(entry.getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(proof.getString("leafHash"));
        assertThat(ProofVerifier.inclusion(leaf, proof.getLong("leafIndex"), proof.getLong("treeSize"), hashes(proof.getList("proof")),
                checkpoint.root())).isTrue();
        assertThat(proof.getLong("treeSize")).isEqualTo(checkpoint.size());
    }

    public static List<byte[]> hashes(List<Object> base64) {
        return base64.stream().map(h -> Base64.getDecoder().decode((String) h)).toList();
    }
}
