package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.verify.TouchpointVerify;
import jakarta.inject.Inject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@GatewayTest
class AccessTrailTest {

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    private AccessRecord record(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-4711",
                "gate-agent", "tablet-17", "GATE/A12", customerId, "personalised-service", "2026-11-23.1",
                List.of("greeting", "tier"), List.of(), "SERVED", null, true)));
    }

    @Test
    void everyRecordJoinsASignedTreeAndItsProofVerifiesWithThePublishedKey() {
        List<AccessRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(UUID.randomUUID()));
        }
        TrailClient.drain(integrator);

        for (AccessRecord record : records) {
            JsonPath proof = TrailClient.proof(record.id);
            TrailClient.assertVerifies(proof, record.id);
            assertThat(proof.getString("tree")).isEqualTo(TrailIntegrator.epochOf(record.recordedAt));
        }
        String tree = TrailIntegrator.epochOf(records.getFirst().recordedAt);
        given().auth().oauth2(auditor()).when().get("/api/trail").then().statusCode(200)
                .body("verifierKey", is(TrailClient.VERIFIER.encoded()))
                .body("trees.tree", hasItem(tree));
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + tree + "/verification").then().statusCode(200)
                .body("intact", is(true)).body("checkpointSignatureValid", is(true)).body("storedTreeMatchesCheckpoint", is(true));
    }

    @Test
    void aLaterCheckpointIsProvablyAnExtensionOfAnEarlierOne() {
        String tree = TrailIntegrator.epochOf(record(UUID.randomUUID()).recordedAt);
        TrailClient.drain(integrator);
        Checkpoint earlier = TrailClient.checkpoint(tree);
        for (int i = 0; i < 7; i++) {
            record(UUID.randomUUID());
        }
        TrailClient.drain(integrator);
        Checkpoint later = TrailClient.checkpoint(tree);
        assertThat(later.size()).isGreaterThanOrEqualTo(earlier.size() + 7);

        JsonPath proof = given().auth().oauth2(auditor())
                .queryParam("from", earlier.size()).queryParam("to", later.size())
                .when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(200).extract().jsonPath();
        assertThat(ProofVerifier.consistency(earlier.size(), later.size(), earlier.root(), later.root(),
                TrailClient.hashes(proof.getList("proof")))).isTrue();
        // The stored checkpoint at the earlier size is the one the witness saw.
        String again = given().auth().oauth2(auditor()).queryParam("size", earlier.size())
                .when().get("/api/trail/trees/" + tree + "/checkpoint").then().statusCode(200).extract().asString();
        assertThat(Checkpoint.parse(SignedNote.open(again, TrailClient.VERIFIER)).root()).isEqualTo(earlier.root());
    }

    @Test
    void aCustomerGetsProofsForLooksAtTheirOwnCardOnlyAndWithoutTheStaffIdentity() {
        UUID customerId = UUID.randomUUID();
        AccessRecord mine = record(customerId);
        AccessRecord someoneElses = record(UUID.randomUUID());
        TrailClient.drain(integrator);

        JsonPath proof = given().auth().oauth2(Tokens.customer(customerId))
                .when().get("/api/me/access-history/" + mine.id + "/proof").then().statusCode(200).extract().jsonPath();
        assertThat(proof.getString("entry")).isNull();
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(proof.getString("checkpoint"), TrailClient.VERIFIER));
        byte[] leaf = TreeHash.leaf(CanonicalRecord.bytes(mine.content()));
        assertThat(proof.getString("leafHash")).isEqualTo(Base64.getEncoder().encodeToString(leaf));
        assertThat(ProofVerifier.inclusion(leaf, proof.getLong("leafIndex"), proof.getLong("treeSize"),
                TrailClient.hashes(proof.getList("proof")), checkpoint.root())).isTrue();
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/access-history").then().statusCode(200)
                .body("looks.id", hasItem(mine.id.toString()));

        for (UUID other : List.of(someoneElses.id, UUID.randomUUID())) {
            given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/access-history/" + other + "/proof")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", is("urn:touchpoint:problem:look-not-found"));
        }
    }

    @TestHTTPResource("/")
    URI service;

    @Test
    void theOfflineVerifierAndAWitnessAcceptWhatTheServiceServes(@TempDir Path dir) throws Exception {
        AccessRecord record = record(UUID.randomUUID());
        TrailClient.drain(integrator);
        Path proof = Files.writeString(dir.resolve("proof.json"), given().auth().oauth2(auditor())
                .when().get("/api/trail/entries/" + record.id + "/proof").then().statusCode(200).extract().asString());
        Path key = Path.of("../deploy/dev-keys/access-log.vkey");
        assertThat(verify("inclusion", "--key", key.toString(), proof.toString())).isZero();

        Path token = Files.writeString(dir.resolve("token"), auditor());
        Path state = dir.resolve("witness");
        assertThat(verify("witness", "--key", key.toString(), "--state", state.toString(), "--url", service.toString(),
                "--token-file", token.toString())).isZero();
        record(UUID.randomUUID());
        TrailClient.drain(integrator);
        // The second run fetches a consistency proof from what it accepted the first time.
        assertThat(verify("witness", "--key", key.toString(), "--state", state.toString(), "--url", service.toString(),
                "--token-file", token.toString())).isZero();
        // A key other than the published one is refused.
        String otherKey = NoteKeys.signer(NoteKeys.generate("touchpoint.dev/access-log")).verifier().encoded();
        assertThat(verify("inclusion", "--key", otherKey, proof.toString())).isEqualTo(1);
    }

    private static int verify(String... args) {
        return TouchpointVerify.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gate-agent", "supervisor", "customer"})
    void onlyComplianceAuditorsReachTheTrail(String role) {
        given().auth().oauth2(Tokens.withRoles("someone", role)).when().get("/api/trail").then().statusCode(403);
        given().when().get("/api/trail").then().statusCode(401);
    }

    @Test
    void badTreeNamesSizesAndIdsGetProblems() {
        given().auth().oauth2(auditor()).when().get("/api/trail/trees/../../etc/checkpoint").then().statusCode(404);
        given().auth().oauth2(auditor()).when().get("/api/trail/trees/nonsense/checkpoint").then().statusCode(400)
                .contentType("application/problem+json").body("type", is("urn:touchpoint:problem:invalid-tree"));
        given().auth().oauth2(auditor()).when().get("/api/trail/trees/1999-01/checkpoint").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:no-such-tree"));
        String tree = TrailIntegrator.epochOf(record(UUID.randomUUID()).recordedAt);
        TrailClient.drain(integrator);
        given().auth().oauth2(auditor()).queryParam("from", 5).queryParam("to", 2)
                .when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(400)
                .body("type", is("urn:touchpoint:problem:invalid-tree-sizes"));
        given().auth().oauth2(auditor()).queryParam("from", 0).queryParam("to", Long.MAX_VALUE)
                .when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(400)
                .body("detail", containsString("latest checkpoint"));
        given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(400)
                .body("type", is("urn:touchpoint:problem:missing-tree-sizes"));
        given().auth().oauth2(auditor()).queryParam("size", 1_000_000_000L)
                .when().get("/api/trail/trees/" + tree + "/checkpoint").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:no-such-checkpoint"));
        given().auth().oauth2(auditor()).when().get("/api/trail/entries/not-a-uuid/proof").then().statusCode(404);
        given().auth().oauth2(auditor()).when().get("/api/trail/entries/" + UUID.randomUUID() + "/proof").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:entry-not-in-trail"));
        given().auth().oauth2(auditor()).queryParam("from", 3).queryParam("to", 1)
                .when().post("/api/trail/trees/" + tree + "/verification").then().statusCode(400)
                .body("type", is("urn:touchpoint:problem:invalid-range"));
        given().auth().oauth2(auditor()).when().get("/api/trail/epochs/2026-13x/proof").then().statusCode(400);
        given().auth().oauth2(auditor()).when().get("/api/trail/epochs/1999-01/proof").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:epoch-not-closed"));
    }

    @Test
    void manyRecordsWrittenInParallelWithIntegratorsRunningGetExactlyOneLeafEach() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> integrators = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // two integrators, as two gateway instances would run
            integrators.add(pool.submit(() -> {
                while (writing.get()) {
                    integrator.integrate();
                }
                return null;
            }));
        }
        String marker = "par-" + UUID.randomUUID();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    QuarkusTransaction.requiringNew().run(() -> log.record(new AccessLog.Entry(marker, "staff-par", "gate-agent",
                            null, "GATE/B1", UUID.randomUUID(), "personalised-service", "v", List.of("tier"), List.of(), "SERVED", null, null)));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> running : integrators) {
            running.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        TrailClient.drain(integrator);

        assertThat(Superuser.value("SELECT count(*) FROM access_record WHERE request_id = '" + marker + "'")).isEqualTo(320L);
        assertThat(Superuser.value("SELECT count(*) FROM trail_leaf l JOIN access_record r ON r.id = l.entry_id WHERE r.request_id = '" + marker + "'"))
                .as("every committed record has a leaf").isEqualTo(320L);
        assertThat(Superuser.value("SELECT count(*) FROM (SELECT entry_id FROM trail_leaf WHERE entry_id IS NOT NULL GROUP BY entry_id HAVING count(*) > 1) d"))
                .as("no record has two").isEqualTo(0L);
        assertThat(Superuser.value("SELECT count(*) FROM trail_leaf l WHERE entry_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM access_record r WHERE r.id = l.entry_id)"))
                .as("no leaf without a committed record").isEqualTo(0L);
        assertThat(Superuser.value("SELECT count(*) FROM (SELECT tree FROM trail_leaf GROUP BY tree HAVING max(leaf_index) + 1 <> count(*)) gaps"))
                .as("leaf indexes are dense in every tree").isEqualTo(0L);
        assertThat(Superuser.value("SELECT count(*) FROM trail_pending")).isEqualTo(0L);
        String tree = String.valueOf(Superuser.value("SELECT max(tree) FROM trail_leaf l JOIN access_record r ON r.id = l.entry_id WHERE r.request_id = '" + marker + "'"));
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + tree + "/verification").then().statusCode(200)
                .body("intact", is(true));
    }
}
