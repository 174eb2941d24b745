package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailPruning;
import io.touchpoint.trail.TrailStore;
import io.touchpoint.verify.TouchpointVerify;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * Witnesses, cosignatures, bundles and pruning against the real gateway and database, with the attacks played
 * as whoever could try them: a forged cosignature through the API; a dropped month, a split view and an altered
 * record as the database owner holding the (development) signing key. Its own database: the attacks damage it.
 */
@GatewayTest
@TestProfile(TrailWitnessingTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailWitnessingTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final Path KEYS = Path.of("../deploy/dev-keys");
    private static final NoteKeys.Signer LOG_KEY = NoteKeys.signer(read("access-log.signer"));
    private static final Cosignature.Signer WITNESS_1 = Cosignature.signer(read("witness-1.signer"));
    private static final Cosignature.Signer WITNESS_2 = Cosignature.signer(read("witness-2.signer"));

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailStore store;

    @Inject
    TrailPruning pruning;

    @TestHTTPResource("/")
    URI service;

    @TempDir
    static Path dir;

    private static String read(String file) {
        try {
            return Files.readString(KEYS.resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<UUID> records(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-w",
                    "gate-agent", "tablet-1", "GATE/W1", UUID.randomUUID(), "personalised-service", "v", List.of("greeting", "tier"),
                    List.of(), "SERVED", null, true)).id));
        }
        TrailClient.drain(integrator);
        return ids;
    }

    private static String currentTree() {
        return TrailIntegrator.epochOf(Instant.now());
    }

    private static io.restassured.response.ValidatableResponse postCosignature(String tree, long size, String lines) {
        return given().auth().oauth2(auditor()).contentType("text/plain; charset=UTF-8").body(lines)
                .when().post("/api/trail/trees/" + tree + "/checkpoints/" + size + "/cosignatures").then();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TouchpointVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    private Result witness(String state, String... more) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), auditor());
        List<String> args = new ArrayList<>(List.of("witness", "--key", KEYS.resolve("access-log.vkey").toString(), "--state",
                dir.resolve(state).toString(), "--url", service.toString(), "--token-file", token.toString()));
        args.addAll(List.of(more));
        return verify(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void aForgedOrForeignCosignatureIsRefusedWithAProblemAndNothingIsStored() {
        records(3);
        String tree = currentTree();
        Checkpoint checkpoint = TrailClient.checkpoint(tree);
        String body = checkpoint.body();
        long now = Instant.now().getEpochSecond();

        postCosignature(tree, checkpoint.size(), "not a signature line").statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:touchpoint:problem:invalid-cosignature"));
        Cosignature.Signer stranger = Cosignature.signer(NoteKeys.generate("touchpoint.dev/witness-1"));
        postCosignature(tree, checkpoint.size(), stranger.cosign(body, now)).statusCode(422)
                .body("type", is("urn:touchpoint:problem:unknown-witness"));
        String forged = new Cosignature.Line(WITNESS_1.verifier().name(), WITNESS_1.verifier().keyId(), now, new byte[64]).text();
        postCosignature(tree, checkpoint.size(), forged).statusCode(422)
                .body("type", is("urn:touchpoint:problem:cosignature-does-not-verify"));
        String forAnotherSize = WITNESS_1.cosign(new Checkpoint(checkpoint.origin(), checkpoint.size() + 1, checkpoint.root()).body(), now);
        postCosignature(tree, checkpoint.size(), forAnotherSize).statusCode(422)
                .body("type", is("urn:touchpoint:problem:cosignature-does-not-verify"));
        postCosignature(tree, checkpoint.size(), WITNESS_1.cosign(body, now + 3600)).statusCode(422)
                .body("type", is("urn:touchpoint:problem:cosignature-in-the-future"));
        postCosignature(tree, 999_999, WITNESS_1.cosign(body, now)).statusCode(404)
                .body("type", is("urn:touchpoint:problem:no-such-checkpoint"));
        // One valid line does not carry a forged one in with it.
        postCosignature(tree, checkpoint.size(), WITNESS_1.cosign(body, now) + "\n" + forged).statusCode(422);

        given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/checkpoints/" + checkpoint.size() + "/cosignatures")
                .then().statusCode(200).body("size()", is(0));
        assertThat(SignedNote.parts(TrailClient.checkpointNote(tree)).signatures()).hasSize(1);
    }

    @Test
    @Order(2)
    void aValidCosignatureIsServedWithTheCheckpointAndRequireWitnessRefusesTheUnwitnessedOne() throws IOException {
        records(2);
        String tree = currentTree();
        Checkpoint checkpoint = TrailClient.checkpoint(tree);
        Path unwitnessed = Files.writeString(dir.resolve("unwitnessed.checkpoint"), TrailClient.checkpointNote(tree));
        String[] trust = {"--witness-key", KEYS.resolve("witness-1.vkey").toString(), "--witness-key", KEYS.resolve("witness-2.vkey").toString()};
        Result refused = verify(concat(List.of("checkpoint", "--key", KEYS.resolve("access-log.vkey").toString(), "--require-witness", "1"),
                trust, unwitnessed.toString()));
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("not witnessed");

        postCosignature(tree, checkpoint.size(), WITNESS_1.cosign(checkpoint.body(), Instant.now().getEpochSecond()) + "\n")
                .statusCode(200).body("witness", hasItem("touchpoint.dev/witness-1"));
        String served = TrailClient.checkpointNote(tree);
        assertThat(SignedNote.open(served, TrailClient.VERIFIER)).as("the log's signature still verifies").isEqualTo(checkpoint.body());
        assertThat(Cosignature.witnesses(served, List.of(WITNESS_1.verifier(), WITNESS_2.verifier())))
                .extracting(Cosignature.Verifier::name).containsExactly("touchpoint.dev/witness-1");
        Path witnessed = Files.writeString(dir.resolve("witnessed.checkpoint"), served);
        assertThat(verify(concat(List.of("checkpoint", "--key", KEYS.resolve("access-log.vkey").toString(), "--require-witness", "1"),
                trust, witnessed.toString())).status()).isZero();
        assertThat(verify(concat(List.of("checkpoint", "--key", KEYS.resolve("access-log.vkey").toString(), "--require-witnesses", "2"),
                trust, witnessed.toString())).status()).as("one witness is not two").isEqualTo(1);
        given().auth().oauth2(auditor()).when().get("/api/trail").then().statusCode(200)
                .body("witnessKeys", hasItem(WITNESS_1.verifier().encoded()))
                .body("trees.find { it.tree == '" + tree + "' }.witnessedBy", hasItem("touchpoint.dev/witness-1"))
                .body("trees.find { it.tree == '" + tree + "' }.witnessedSize", is((int) checkpoint.size()));
    }

    @Test
    @Order(3)
    void aDownloadedMonthReverifiesOfflineAndAnAlteredRecordFailsIt() throws IOException {
        List<UUID> ids = records(40);
        String tree = currentTree();
        Path held = Files.writeString(dir.resolve("held.checkpoint"), TrailClient.checkpointNote(tree));
        records(5);
        Checkpoint latest = TrailClient.checkpoint(tree);
        Path month = dir.resolve("month.tpb");
        Files.write(month, given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/bundle")
                .then().statusCode(200).contentType("application/vnd.touchpoint.bundle").extract().asByteArray());
        Result ok = verify("bundle", "--key", KEYS.resolve("access-log.vkey").toString(), "--previous", held.toString(), month.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains(latest.size() + " entries [0, " + latest.size() + ")").contains("is a prefix");

        Path range = dir.resolve("range.tpb");
        TrailStore.Leaf first = QuarkusTransaction.requiringNew().call(() -> store.leafOf(ids.get(10)).orElseThrow());
        Files.write(range, given().auth().oauth2(auditor()).queryParam("from", first.index()).queryParam("to", first.index() + 20)
                .queryParam("since", Checkpoint.parse(SignedNote.open(Files.readString(held), TrailClient.VERIFIER)).size())
                .when().get("/api/trail/trees/" + tree + "/bundle").then().statusCode(200).extract().asByteArray());
        Result ranged = verify("bundle", "--key", KEYS.resolve("access-log.vkey").toString(), "--previous", held.toString(), range.toString());
        assertThat(ranged.status()).as(ranged.err()).isZero();

        given().auth().oauth2(auditor()).queryParam("from", 5).queryParam("to", 2).when().get("/api/trail/trees/" + tree + "/bundle")
                .then().statusCode(400).contentType("application/problem+json").body("type", is("urn:touchpoint:problem:invalid-range"));
        given().auth().oauth2(auditor()).queryParam("to", Long.MAX_VALUE).when().get("/api/trail/trees/" + tree + "/bundle")
                .then().statusCode(400).body("detail", containsString("latest checkpoint"));
        given().auth().oauth2(auditor()).when().get("/api/trail/trees/epochs/bundle").then().statusCode(400)
                .body("type", is("urn:touchpoint:problem:no-epochs-bundle"));

        // The owner alters one record after integration; the next download no longer folds into the signed root.
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_no_update_delete",
                "UPDATE access_record SET touchpoint = 'GATE/Z9' WHERE id = '" + ids.get(20) + "'",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_update_delete");
        Files.write(month, given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/bundle")
                .then().statusCode(200).extract().asByteArray());
        Result altered = verify("bundle", "--key", KEYS.resolve("access-log.vkey").toString(), month.toString());
        assertThat(altered.status()).isEqualTo(1);
        assertThat(altered.err()).contains("do not reproduce the signed root");
    }

    @Test
    @Order(4)
    void pruningKeepsTheLatestFinalAndWitnessedCheckpointsAndEveryProof() {
        String tree = currentTree();
        List<UUID> ids = records(1);
        String early = TrailClient.checkpointNote(tree);
        Checkpoint earlyCheckpoint = Checkpoint.parse(SignedNote.open(early, TrailClient.VERIFIER));
        records(2);
        Checkpoint witnessed = TrailClient.checkpoint(tree);
        postCosignature(tree, witnessed.size(), WITNESS_2.cosign(witnessed.body(), Instant.now().getEpochSecond())).statusCode(200);
        for (int i = 0; i < 3; i++) {
            records(1);
        }
        Checkpoint latest = TrailClient.checkpoint(tree);
        long before = (Long) Superuser.value("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "'");
        // Pruning never takes a checkpoint younger than an hour (V103): the owner dates these two hours back, as if
        // the hour had passed. Only signed_at changes; the signed notes stay as they were.
        Superuser.run("ALTER TABLE trail_checkpoint DISABLE TRIGGER trail_checkpoint_no_update",
                "UPDATE trail_checkpoint SET signed_at = signed_at - interval '2 hours' WHERE tree = '" + tree + "'",
                "ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_no_update");

        long pruned = pruning.prune(Instant.now().plusSeconds(1));

        assertThat(pruned).isPositive();
        long after = (Long) Superuser.value("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "'");
        assertThat(after).isLessThan(before);
        assertThat(Superuser.value("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "' AND tree_size = " + latest.size()))
                .as("the latest").isEqualTo(1L);
        assertThat(Superuser.value("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "' AND tree_size = " + witnessed.size()))
                .as("the witnessed one").isEqualTo(1L);
        assertThat(Superuser.value("SELECT count(*) FROM trail_checkpoint c JOIN trail_epoch e ON e.epoch = c.tree AND e.tree_size = c.tree_size"))
                .as("every month's final checkpoint").isEqualTo(Superuser.value("SELECT count(*) FROM trail_epoch"));
        assertThat(Superuser.value("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "' AND tree_size = " + earlyCheckpoint.size()))
                .as("an old unwitnessed one").isEqualTo(0L);

        // Every proof a customer or auditor may still ask for holds: inclusion of the oldest record, and consistency
        // from the pruned checkpoint an auditor kept to the latest.
        TrailClient.assertVerifies(TrailClient.proof(ids.getFirst()), ids.getFirst());
        JsonPath consistency = given().auth().oauth2(auditor()).queryParam("from", earlyCheckpoint.size()).queryParam("to", latest.size())
                .when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(200).extract().jsonPath();
        assertThat(ProofVerifier.consistency(earlyCheckpoint.size(), latest.size(), earlyCheckpoint.root(), latest.root(),
                TrailClient.hashes(consistency.getList("proof")))).isTrue();
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + tree + "/verification").then().statusCode(200)
                .body("checkpointSignatureValid", is(true)).body("storedTreeMatchesCheckpoint", is(true));
        assertThat(pruning.prune(Instant.now().plusSeconds(1))).as("nothing more to prune").isZero();
    }

    @Test
    @Order(5)
    void theWitnessDetectsAMonthWhoseCheckpointsWereDropped() throws IOException {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String previous = lastMonth.toString().substring(0, 7);
        for (int i = 0; i < 3; i++) {
            Superuser.run("INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                    + "fields, receipts, outcome, record_hash) VALUES (gen_random_uuid(), DATE '" + lastMonth + "' + interval '3 days', 'r', 's', "
                    + "'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'))");
        }
        records(2);
        Result first = witness("dropped", "--cosign-key", KEYS.resolve("witness-1.signer").toString());
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("/" + previous + " at size 3").contains("cosigned");
        given().auth().oauth2(auditor()).when().get("/api/trail").then()
                .body("trees.find { it.tree == '" + previous + "' }.closed", is(true))
                .body("trees.find { it.tree == '" + previous + "' }.witnessedBy", hasItem("touchpoint.dev/witness-1"));

        // The owner switches the append-only trigger off and deletes the month's checkpoints (the cosignatures,
        // kept apart, stay as evidence).
        Superuser.run("ALTER TABLE trail_checkpoint DISABLE TRIGGER trail_checkpoint_delete",
                "DELETE FROM trail_checkpoint WHERE tree = '" + previous + "'",
                "ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_delete");
        Result second = witness("dropped");
        assertThat(second.status()).isEqualTo(1);
        assertThat(second.err()).contains("the tree " + previous + " vanished from the listing (last accepted at size 3, closed as leaf");
        assertThat(Superuser.value("SELECT count(*) FROM trail_cosignature WHERE tree = '" + previous + "'")).isEqualTo(1L);
    }

    @Test
    @Order(6)
    void theWitnessDetectsASplitViewSignedWithTheLogsOwnKey() throws IOException {
        records(2);
        String tree = currentTree();
        assertThat(witness("split").status()).isZero();
        Checkpoint seen = TrailClient.checkpoint(tree);

        // Another auditor is shown a different history at the size this witness saw: same key, another root.
        byte[] otherRoot = TreeHash.sha256(("fork of " + seen.size()).getBytes());
        forgeCheckpoint(tree, seen.size(), otherRoot);
        Result sameSize = witness("split");
        assertThat(sameSize.status()).isEqualTo(1);
        assertThat(sameSize.err()).contains("split view: ").contains("at size " + seen.size());

        // The fork grows: its newest checkpoint is not an extension of what the witness accepted.
        forgeCheckpoint(tree, seen.size(), seen.root());
        records(3);
        Checkpoint grown = TrailClient.checkpoint(tree);
        forgeCheckpoint(tree, grown.size(), TreeHash.sha256("fork".getBytes()));
        Result inconsistent = witness("split");
        assertThat(inconsistent.status()).isEqualTo(1);
        assertThat(inconsistent.err()).contains("not an extension");
    }

    /** What an operator holding the signing key can do: replace a stored checkpoint with another, validly signed. */
    private static void forgeCheckpoint(String tree, long size, byte[] root) {
        String note = SignedNote.sign(new Checkpoint("touchpoint.dev/access-log/" + tree, size, root).body(), LOG_KEY);
        Superuser.run("ALTER TABLE trail_checkpoint DISABLE TRIGGER trail_checkpoint_no_update",
                "UPDATE trail_checkpoint SET root_hash = decode('" + TreeHash.hex(root) + "', 'hex'), note = '" + note
                        + "' WHERE tree = '" + tree + "' AND tree_size = " + size,
                "ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_no_update");
    }

    private static String[] concat(List<String> head, String[] middle, String last) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(middle));
        all.add(last);
        return all.toArray(String[]::new);
    }
}
