package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.merkle.Witness;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering in the real database as its owner, bypassing every grant and trigger the service relies on — what
 * a compromised superuser can do. Each attack is detected by re-verification or by a witness holding an earlier
 * checkpoint, and the report names the first bad record. Its own database (a test profile of its own), because
 * the attacks leave it damaged; attacks on the tree itself run last.
 */
@GatewayTest
@TestProfile(TrailTamperingTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailTamperingTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String DISABLE = "ALTER TABLE access_record DISABLE TRIGGER access_record_no_update_delete";
    private static final String ENABLE = "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_update_delete";

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailStore store;

    @TempDir
    static Path witnessState;

    /** Writes records, integrates them, and returns their leaves (tree and index), in leaf order. */
    private List<TrailStore.Leaf> recordsInTheTrail(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(),
                    "staff-" + UUID.randomUUID(), "gate-agent", "tablet-1", "GATE/C3", UUID.randomUUID(), "personalised-service",
                    "v", List.of("greeting", "tier"), List.of(), "SERVED", null, true)).id));
        }
        TrailClient.drain(integrator);
        return ids.stream().map(id -> QuarkusTransaction.requiringNew().call(() -> store.leafOf(id).orElseThrow())).toList();
    }

    private static JsonPath verify(TrailStore.Leaf first, TrailStore.Leaf last) {
        return given().auth().oauth2(auditor()).queryParam("from", first.index()).queryParam("to", last.index() + 1)
                .when().post("/api/trail/trees/" + first.tree() + "/verification").then().statusCode(200).extract().jsonPath();
    }

    private static void assertFirstProblem(JsonPath report, String kind, TrailStore.Leaf leaf) {
        assertThat(report.getBoolean("intact")).isFalse();
        Map<String, Object> first = report.getMap("firstProblem");
        assertThat(first).containsEntry("kind", kind);
        if (leaf != null) {
            assertThat(((Number) first.get("leafIndex")).longValue()).isEqualTo(leaf.index());
            assertThat(first).containsEntry("entryId", leaf.entryId().toString());
        }
    }

    @Test
    @Order(1)
    void anUntouchedTrailVerifiesAndTheWitnessAcceptsIt() throws Exception {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(6);
        assertThat(verify(leaves.getFirst(), leaves.getLast()).getBoolean("intact")).isTrue();
        new Witness(witnessState, TrailClient.VERIFIER).accept(TrailClient.checkpointNote(leaves.getFirst().tree()), List.of());
    }

    @Test
    @Order(2)
    void anUpdatedFieldIsNamedAtItsLeaf() {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(6);
        TrailStore.Leaf victim = leaves.get(3);
        Superuser.run(DISABLE, "UPDATE access_record SET outcome = 'DENIED' WHERE id = '" + victim.entryId() + "'", ENABLE);

        JsonPath report = verify(leaves.getFirst(), leaves.getLast());
        assertFirstProblem(report, "ENTRY_ALTERED", victim);
        assertThat(report.getBoolean("storedTreeMatchesCheckpoint")).as("the tree itself is untouched").isTrue();
    }

    @Test
    @Order(3)
    void aDeletedRecordIsNamedAtItsLeaf() {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(6);
        TrailStore.Leaf victim = leaves.get(1);
        Superuser.run(DISABLE, "DELETE FROM access_record WHERE id = '" + victim.entryId() + "'", ENABLE);

        assertFirstProblem(verify(leaves.getFirst(), leaves.getLast()), "ENTRY_MISSING", victim);
    }

    @Test
    @Order(4)
    void twoSwappedRecordsAreNamedAtTheFirstOfThem() {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(6);
        TrailStore.Leaf a = leaves.get(2);
        TrailStore.Leaf b = leaves.get(4);
        Superuser.run(DISABLE,
                "UPDATE access_record x SET staff_subject = y.staff_subject FROM access_record y "
                        + "WHERE (x.id, y.id) IN (('" + a.entryId() + "', '" + b.entryId() + "'), ('" + b.entryId() + "', '" + a.entryId() + "'))",
                ENABLE);

        JsonPath report = verify(leaves.getFirst(), leaves.getLast());
        assertFirstProblem(report, "ENTRY_ALTERED", a);
        assertThat(report.getList("problems.leafIndex")).contains((int) b.index());
    }

    @Test
    @Order(5)
    void aForgedRecordWrittenAroundTheQueueIsReported() {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(2);
        UUID forged = UUID.randomUUID();
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_enqueue",
                "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                        + "fields, receipts, outcome, record_hash) VALUES ('" + forged + "', now() - interval '1 minute', 'r', 's', "
                        + "'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'))",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_enqueue");
        TrailClient.drain(integrator);

        JsonPath report = given().auth().oauth2(auditor()).queryParam("from", leaves.getFirst().index())
                .when().post("/api/trail/trees/" + TrailIntegrator.epochOf(java.time.Instant.now().minusSeconds(60)) + "/verification")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getList("problems.entryId")).contains(forged.toString());
        assertThat(report.getList("problems.kind")).contains("UNINTEGRATED");
    }

    @Test
    @Order(6)
    void aRecordWrittenIntoThePastIsReportedAsBackdated() {
        UUID backdated = UUID.randomUUID();
        Superuser.run("INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                + "fields, receipts, outcome, record_hash) VALUES ('" + backdated + "', now() - interval '40 minutes', 'r', 's', "
                + "'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'))");
        TrailClient.drain(integrator);
        TrailStore.Leaf leaf = QuarkusTransaction.requiringNew().call(() -> store.leafOf(backdated).orElseThrow());

        assertFirstProblem(verify(leaf, leaf), "BACKDATED", leaf);
    }

    @Test
    @Order(6)
    void anEntryMarkedImportedThoughRecordedAfterTheTrailBeganIsReportedAsBackdated() {
        // "Imported" used to skip the backdating check whatever the entry's date; now only history older than the trail may.
        UUID imported = UUID.randomUUID();
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_enqueue",
                "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                        + "fields, receipts, outcome, record_hash) VALUES ('" + imported + "', now(), 'r', 's', "
                        + "'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'))",
                "INSERT INTO trail_pending (entry_id, recorded_at, imported) SELECT id, recorded_at, true FROM access_record WHERE id = '" + imported + "'",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_enqueue");
        TrailClient.drain(integrator);
        TrailStore.Leaf leaf = QuarkusTransaction.requiringNew().call(() -> store.leafOf(imported).orElseThrow());

        JsonPath report = verify(leaf, leaf);
        assertFirstProblem(report, "BACKDATED", leaf);
        assertThat(report.getLong("importedEntries")).isZero();
    }

    @Test
    @Order(6)
    void historyRecordedBeforeTheTrailBeganIsCountedAsImportedNotReportedAsBackdated() {
        UUID imported = UUID.randomUUID();
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_enqueue",
                "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                        + "fields, receipts, outcome, record_hash) SELECT '" + imported + "', began_at - interval '1 hour', 'r', 's', "
                        + "'gate-agent', 'GATE/A1', 'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex') FROM trail_meta",
                "INSERT INTO trail_pending (entry_id, recorded_at, imported) SELECT id, recorded_at, true FROM access_record WHERE id = '" + imported + "'",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_enqueue");
        TrailClient.drain(integrator);
        TrailStore.Leaf leaf = QuarkusTransaction.requiringNew().call(() -> store.leafOf(imported).orElseThrow());

        JsonPath report = verify(leaf, leaf);
        assertThat(report.getList("problems.kind")).doesNotContain("BACKDATED");
        assertThat(report.getLong("importedEntries")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aLeafHashRewrittenToMatchAnAlteredRecordNoLongerReproducesTheSignedRoot() {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(4);
        TrailStore.Leaf victim = leaves.get(2);
        // The attacker alters the record and recomputes its leaf, so the record matches its (new) leaf ...
        Superuser.run(DISABLE, "UPDATE access_record SET touchpoint = 'GATE/Z9' WHERE id = '" + victim.entryId() + "'", ENABLE);
        AccessRecord altered = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>find("id", victim.entryId()).firstResult());
        String leafHex = io.touchpoint.merkle.TreeHash.hex(io.touchpoint.merkle.TreeHash.leaf(CanonicalRecord.bytes(altered.content())));
        Superuser.run("ALTER TABLE trail_node DISABLE TRIGGER trail_node_no_update",
                "UPDATE trail_node SET hash = decode('" + leafHex + "', 'hex') WHERE tree = '" + victim.tree()
                + "' AND level = 0 AND node_index = " + victim.index(),
                "ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_no_update");

        // ... but cannot re-sign the checkpoint without the key, which is not in the database.
        JsonPath report = verify(victim, victim);
        assertThat(report.getBoolean("storedTreeMatchesCheckpoint")).isFalse();
        assertThat(report.getList("problems.kind")).contains("TREE_MISMATCH");
        assertThat(report.getBoolean("intact")).isFalse();
    }

    @Test
    @Order(8)
    void truncatingTheNewestRecordsIsCaughtByTheWitnessEvenIfTheTrailIsRebuilt() throws Exception {
        List<TrailStore.Leaf> leaves = recordsInTheTrail(5);
        String tree = leaves.getFirst().tree();
        String origin = "touchpoint.dev/access-log/" + tree;
        // A witness of its own: the tree was rewritten by the previous attack, which the first witness would refuse.
        Witness fresh = new Witness(witnessState.resolve("fresh"), TrailClient.VERIFIER);
        fresh.accept(TrailClient.checkpointNote(tree), List.of());
        long seen = leaves.getLast().index() + 1;

        // The attacker deletes the newest two records with their leaves, nodes and checkpoints.
        long keep = seen - 2;
        // The owner can switch off every trigger; only the witness, outside the database, still knows better.
        Superuser.run(DISABLE,
                "DELETE FROM access_record WHERE id IN (SELECT entry_id FROM trail_leaf WHERE tree = '" + tree + "' AND leaf_index >= " + keep + ")",
                ENABLE,
                "ALTER TABLE trail_leaf DISABLE TRIGGER trail_leaf_delete", "ALTER TABLE trail_node DISABLE TRIGGER trail_node_delete",
                "ALTER TABLE trail_checkpoint DISABLE TRIGGER trail_checkpoint_delete",
                "DELETE FROM trail_leaf WHERE tree = '" + tree + "' AND leaf_index >= " + keep,
                "DELETE FROM trail_node WHERE tree = '" + tree + "' AND (node_index + 1) * (1::bigint << level) > " + keep,
                "DELETE FROM trail_checkpoint WHERE tree = '" + tree + "' AND tree_size > " + keep,
                "ALTER TABLE trail_leaf ENABLE ALWAYS TRIGGER trail_leaf_delete", "ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_delete",
                "ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_delete");
        String shortened = TrailClient.checkpointNote(tree);
        assertThatThrownBy(() -> fresh.accept(shortened, List.of())).isInstanceOf(Witness.Rejected.class).hasMessageContaining("shrank");

        // Growing the rewritten history past what the witness saw does not help: no consistency proof exists.
        recordsInTheTrail(4);
        JsonPath regrown = given().auth().oauth2(auditor()).queryParam("from", seen).queryParam("to", seen + 2)
                .when().get("/api/trail/trees/" + tree + "/consistency").then().statusCode(200).extract().jsonPath();
        assertThatThrownBy(() -> fresh.accept(regrown.getString("checkpoint"), TrailClient.hashes(regrown.getList("proof"))))
                .isInstanceOf(Witness.Rejected.class).hasMessageContaining("not an extension");
        assertThat(fresh.last(origin).orElseThrow().size()).isEqualTo(seen);
    }
}
