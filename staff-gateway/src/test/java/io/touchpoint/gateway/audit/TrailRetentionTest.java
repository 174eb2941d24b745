package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.trail.TrailIntegrator;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

/**
 * Retention drops a whole month; the proofs of every other month, and the proof that the dropped month existed
 * with its final size and root, still verify. Its own database, with a one-second lag so last month closes at once.
 */
@GatewayTest
@TestProfile(TrailRetentionTest.ShortLag.class)
class TrailRetentionTest {

    public static class ShortLag implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("touchpoint.trail.lag", "1s");
        }
    }

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    EntityManager em;

    @Test
    void aRetiredMonthLeavesEveryOtherProofAndItsOwnEpochProofValid() throws Exception {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String epoch = lastMonth.toString().substring(0, 7);
        for (int i = 0; i < 3; i++) {
            Superuser.run("INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, "
                    + "policy_version, fields, receipts, outcome, record_hash) VALUES (gen_random_uuid(), DATE '" + lastMonth
                    + "' + interval '10 days', 'r', 's', 'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', "
                    + "decode(repeat('00', 32), 'hex'))");
        }
        AccessRecord current = QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req", "staff-1", "gate-agent",
                null, "GATE/A2", UUID.randomUUID(), "personalised-service", "v", List.of("tier"), List.of(), "SERVED", null, true)));
        TrailClient.drain(integrator);

        given().auth().oauth2(auditor()).when().get("/api/trail").then().statusCode(200)
                .body("trees.find { it.tree == '" + epoch + "' }.closed", is(true))
                .body("trees.find { it.tree == '" + epoch + "' }.size", is(3))
                .body("trees.find { it.tree == 'epochs' }.size", is(1));

        // The app's role cannot retire anything; an open month cannot be retired at all.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("SELECT CAST(retire_access_month(CAST('" + lastMonth + "' AS date)) AS text)").getSingleResult()))
                .isNotNull();
        assertThatThrownBy(() -> Superuser.run("SELECT retire_access_month(CURRENT_DATE)")).hasMessageContaining("not closed");

        Superuser.run("SELECT retire_access_month(DATE '" + lastMonth + "')");
        assertThat(Superuser.value("SELECT to_regclass('access_record_" + epoch.replace('-', '_') + "')")).isNull();
        assertThat(Superuser.value("SELECT count(*) FROM trail_leaf WHERE tree = '" + epoch + "'")).isEqualTo(0L);

        // This month's proofs are untouched ...
        TrailClient.assertVerifies(TrailClient.proof(current.id), current.id);
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + TrailIntegrator.epochOf(current.recordedAt) + "/verification")
                .then().statusCode(200).body("intact", is(true));
        // ... and last month's final checkpoint is still provably in the long-lived epochs tree.
        JsonPath proof = given().auth().oauth2(auditor()).when().get("/api/trail/epochs/" + epoch + "/proof")
                .then().statusCode(200).extract().jsonPath();
        Checkpoint finalCheckpoint = Checkpoint.parse(SignedNote.open(proof.getString("epochCheckpoint"), TrailClient.VERIFIER));
        assertThat(finalCheckpoint.size()).isEqualTo(3);
        assertThat(finalCheckpoint.origin()).isEqualTo("touchpoint.dev/access-log/" + epoch);
        Checkpoint epochs = Checkpoint.parse(SignedNote.open(proof.getString("checkpoint"), TrailClient.VERIFIER));
        assertThat(epochs.origin()).isEqualTo("touchpoint.dev/access-log/epochs");
        byte[] leaf = TreeHash.leaf(finalCheckpoint.body().getBytes(StandardCharsets.UTF_8));
        assertThat(ProofVerifier.inclusion(leaf, proof.getLong("leafIndex"), proof.getLong("treeSize"),
                TrailClient.hashes(proof.getList("proof")), epochs.root())).isTrue();
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/epochs/verification").then().statusCode(200).body("intact", is(true));
        given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + epoch + "/verification").then().statusCode(410)
                .body("type", is("urn:touchpoint:problem:tree-retired"));
        given().auth().oauth2(auditor()).queryParam("from", 1).queryParam("to", 3)
                .when().get("/api/trail/trees/" + epoch + "/consistency").then().statusCode(410)
                .body("type", is("urn:touchpoint:problem:tree-retired"));
    }
}
