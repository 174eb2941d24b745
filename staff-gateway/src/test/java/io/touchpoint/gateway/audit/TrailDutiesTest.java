package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.testsupport.AsRole;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailMonitor;
import io.touchpoint.trail.TrailStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Separation of duties (ADR 0012), played by whoever holds each database role's credentials: the gateway's own
 * role ({@code gateway_app}), the trail integrator's ({@code gateway_integrator}) and the read-only auditor's
 * ({@code gateway_auditor}). Every write on every trail table is refused, or, where the role's duty allows the
 * write, what it could forge is reported by re-verification and by the trail health group and gauges. Its own
 * database: the attacks that succeed leave it damaged.
 */
@GatewayTest
@TestProfile(TrailDutiesTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailDutiesTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String APP = "gateway_app";
    private static final String INTEGRATOR = "gateway_integrator";
    private static final String AUDITOR = "gateway_auditor";
    private static final String OWNER = "postgres";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String HASH = "decode(repeat('00', 32), 'hex')";

    private static final List<String> TABLES = List.of("trail_pending", "trail_leaf", "trail_node", "trail_checkpoint", "trail_epoch",
            "trail_integrator_lease", "trail_meta");

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailStore store;

    @Inject
    TrailMonitor monitor;

    private static String write(String operation, String table) {
        return switch (operation) {
            case "INSERT" -> switch (table) {
                case "trail_pending" -> "INSERT INTO trail_pending (entry_id, recorded_at) VALUES (gen_random_uuid(), now())";
                case "trail_leaf" -> "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at) "
                        + "VALUES ('2999-01', 0, gen_random_uuid(), now(), now())";
                case "trail_node" -> "INSERT INTO trail_node (tree, level, node_index, hash) VALUES ('2999-01', 0, 0, " + HASH + ")";
                case "trail_checkpoint" -> "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) "
                        + "VALUES ('2999-01', 1, " + HASH + ", 'forged', now())";
                case "trail_epoch" -> "INSERT INTO trail_epoch (epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at) "
                        + "VALUES ('2999-01', 1, " + HASH + ", 'forged', 999, now())";
                case "trail_integrator_lease" -> "INSERT INTO trail_integrator_lease (singleton) VALUES (true)";
                default -> "INSERT INTO trail_meta (began_at) VALUES (now())";
            };
            case "UPDATE" -> "UPDATE " + table + " SET " + switch (table) {
                case "trail_pending", "trail_leaf" -> "recorded_at = recorded_at - interval '1 day'";
                case "trail_node" -> "hash = " + HASH;
                case "trail_checkpoint", "trail_epoch" -> "note = 'forged'";
                case "trail_integrator_lease" -> "singleton = singleton";
                default -> "began_at = '1970-01-01'";
            };
            case "DELETE" -> "DELETE FROM " + table;
            default -> "TRUNCATE " + table;
        };
    }

    /** Writes a record through the service, as a request does, and returns its id. */
    private UUID recorded() {
        return QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-duties",
                "gate-agent", "tablet-1", "GATE/D1", UUID.randomUUID(), "personalised-service", "v", List.of("tier"), List.of(),
                "SERVED", null, true)).id);
    }

    private static String insertRecord(UUID id, String recordedAt) {
        return "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                + "fields, receipts, outcome, record_hash) VALUES ('" + id + "', " + recordedAt + ", 'r', 's', 'gate-agent', 'GATE/D2', "
                + "'personalised-service', 'v', '', '', 'SERVED', " + HASH + ")";
    }

    private static JsonPath verify(String tree) {
        return given().auth().oauth2(auditor()).when().post("/api/trail/trees/" + tree + "/verification")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String currentTree() {
        return TrailIntegrator.epochOf(Instant.now());
    }

    @Test
    @Order(1)
    void noRoleButTheIntegratorWritesTheTrailAndNoneRewritesIt() {
        // Something in every table: integrated records, and one still queued.
        recorded();
        recorded();
        TrailClient.drain(integrator);
        recorded();

        List<String> allowed = new ArrayList<>();
        for (String role : List.of(APP, AUDITOR, INTEGRATOR, OWNER)) {
            for (String table : TABLES) {
                for (String operation : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                    String state = AsRole.attempt(role, write(operation, table));
                    if (!INSUFFICIENT_PRIVILEGE.equals(state)) {
                        allowed.add(role + " " + operation + " " + table + (state == null ? "" : " (" + state + ")"));
                    }
                }
            }
        }
        // What remains is each duty, and nothing else: the integrator adds to the trees (forgeries are caught by the
        // tests below) and holds its lease; the owner may add (migrations, imports: judged like any entry). A checkpoint
        // ahead of the stored leaves and an epoch for a month not yet ended are refused to both (TrailHardeningTest).
        assertThat(allowed).containsExactlyInAnyOrder(
                "gateway_integrator INSERT trail_leaf", "gateway_integrator INSERT trail_node", "gateway_integrator UPDATE trail_integrator_lease",
                "postgres INSERT trail_pending", "postgres INSERT trail_leaf", "postgres INSERT trail_node",
                "postgres INSERT trail_integrator_lease (23505)", "postgres INSERT trail_meta (23505)",
                "postgres UPDATE trail_integrator_lease");
        TrailClient.drain(integrator);
    }

    @Test
    @Order(2)
    void onlyTheIntegratorCanTakeTheLeaseAndTheOldAdvisoryLockNoLongerStallsIt() throws Exception {
        for (String role : List.of(APP, AUDITOR)) {
            assertThat(AsRole.attempt(role, "SELECT 1 FROM trail_integrator_lease FOR UPDATE")).as(role).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(AsRole.attempt(role, "SELECT 1 FROM trail_integrator_lease FOR KEY SHARE")).as(role).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(AsRole.attempt(role, "LOCK TABLE trail_integrator_lease IN EXCLUSIVE MODE")).as(role).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
        // The service's role holds the advisory lock the integrator used to take: integration goes on regardless.
        try (Connection app = AsRole.connect(APP); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + 0x7472_6169_6c00_0001L + ")");
            UUID id = recorded();
            TrailIntegrator.Run run = integrator.integrate();
            assertThat(run.leader()).isTrue();
            assertThat(QuarkusTransaction.requiringNew().call(() -> store.leafOf(id))).isPresent();
            app.rollback();
        }
    }

    @Test
    @Order(3)
    void aStalledIntegrationIsReportedByTheHealthGroupAndTheGauges() throws Exception {
        TrailClient.drain(integrator);
        given().when().get("/q/health/group/trail").then().statusCode(200).body("status", is("UP"));
        UUID stuck = UUID.randomUUID();
        // Someone with the integrator's credentials holds the lease; entries wait beyond the lag.
        try (Connection thief = AsRole.connect(INTEGRATOR); Statement s = thief.createStatement()) {
            thief.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM trail_integrator_lease FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
            }
            AsRole.run(APP, insertRecord(stuck, "now() - interval '6 minutes'"));
            assertThat(integrator.integrate().leader()).isFalse();

            TrailMonitor.State state = monitor.check();
            assertThat(state.stalled()).isEqualTo(1);
            assertThat(state.oldestQueuedAge().toMinutes()).isGreaterThanOrEqualTo(5);
            assertThat(state.healthy()).isFalse();
            given().when().get("/q/health/group/trail").then().statusCode(503).body("status", is("DOWN"))
                    .body("checks.find { it.name == 'trail' }.data.stalled", is(1));
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("touchpoint_trail_queue_stalled(\\{[^}]*\\})? 1\\.0");
            assertThat(metrics).contains("touchpoint_trail_queue_oldest_age_seconds");
            thief.rollback();
        }
        TrailClient.drain(integrator);
        assertThat(monitor.check().healthy()).isTrue();
        // The stuck record was written six minutes into the past: re-verification names it.
        TrailStore.Leaf leaf = QuarkusTransaction.requiringNew().call(() -> store.leafOf(stuck).orElseThrow());
        assertThat(verify(leaf.tree()).getList("problems.kind")).contains("BACKDATED");
    }

    @Test
    @Order(4)
    void aRecordHiddenFromTheQueueIsRefusedToEveryRoleAndReportedWhenTheOwnerForcesIt() {
        UUID hidden = recorded();
        String clear = "DELETE FROM trail_pending WHERE entry_id = '" + hidden + "'";
        assertThat(AsRole.attempt(APP, clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(AUDITOR, clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        // The integrator may clear the queue, but only of entries that are leaves.
        assertThat(AsRole.attempt(INTEGRATOR, clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(OWNER, clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);

        // The owner switches the trigger off: the record is in no tree, and every check says so.
        Superuser.run("ALTER TABLE trail_pending DISABLE TRIGGER trail_pending_delete", clear,
                "ALTER TABLE trail_pending ENABLE ALWAYS TRIGGER trail_pending_delete");
        TrailClient.drain(integrator);
        JsonPath report = verify(currentTree());
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getLong("unintegratedEntries")).isEqualTo(1);
        assertThat(report.getList("problems.entryId")).contains(hidden.toString());
        assertThat(report.getList("problems.kind")).contains("UNINTEGRATED");
        assertThat(monitor.check().unintegrated()).isEqualTo(1);
        given().when().get("/q/health/group/trail").then().statusCode(503).body("checks.find { it.name == 'trail' }.data.unintegrated", is(1));
    }

    @Test
    @Order(5)
    void aRecordParkedInAMadeUpTreeByTheIntegratorIsReported() {
        UUID parked = recorded();
        // The integrator's role gives the record a leaf in a tree of its own, "signs" it, and clears the queue.
        AsRole.run(INTEGRATOR,
                "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at) "
                        + "SELECT '2999-01', 0, entry_id, recorded_at, now() FROM trail_pending WHERE entry_id = '" + parked + "'",
                "INSERT INTO trail_node (tree, level, node_index, hash) VALUES ('2999-01', 0, 0, " + HASH + ")",
                "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) VALUES ('2999-01', 1, " + HASH + ", 'forged', now())",
                "DELETE FROM trail_pending WHERE entry_id = '" + parked + "'");

        JsonPath report = verify(currentTree());
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getList("problems.detail")).anySatisfy(d -> assertThat((String) d).contains("2999-01"));
        assertThat(monitor.check().unverifiedCheckpoints()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aLeafWithoutASourceAddedByTheIntegratorIsReportedOnceAnyCheckpointCoversIt() {
        recorded();
        TrailClient.drain(integrator);
        String tree = currentTree();
        long size = QuarkusTransaction.requiringNew().call(() -> store.size(tree));
        if (size % 2 == 1) { // an even index is a peak of its own: the forged node needs no parent
            recorded();
            TrailClient.drain(integrator);
            size++;
        }
        long forged = size;
        AsRole.run(INTEGRATOR,
                "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at) VALUES ('" + tree + "', " + forged
                        + ", gen_random_uuid(), now(), now())",
                "INSERT INTO trail_node (tree, level, node_index, hash) VALUES ('" + tree + "', 0, " + forged + ", " + HASH + ")");
        recorded();
        TrailClient.drain(integrator); // the next signed checkpoint covers the forged leaf

        JsonPath report = verify(tree);
        assertThat(report.getBoolean("storedTreeMatchesCheckpoint")).isTrue();
        assertThat(report.getLong("leavesWithoutEntry")).isGreaterThanOrEqualTo(1);
        assertThat(report.getList("problems", Map.class)).anySatisfy(p -> {
            assertThat(p.get("kind")).isEqualTo("ENTRY_MISSING");
            assertThat(((Number) p.get("leafIndex")).longValue()).isEqualTo(forged);
        });
        assertThat(monitor.check().leavesWithoutEntry()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(7)
    void theServiceRoleCanOnlyAppendRecordsAndWhatItDatesIntoThePastIsReported() {
        UUID victim = recorded();
        TrailClient.drain(integrator);
        // Edit, delete, reorder: refused.
        assertThat(AsRole.attempt(APP, "UPDATE access_record SET outcome = 'DENIED' WHERE id = '" + victim + "'")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "UPDATE access_record SET recorded_at = recorded_at - interval '1 second' WHERE id = '" + victim + "'"))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "DELETE FROM access_record WHERE id = '" + victim + "'")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "TRUNCATE access_record")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        // Insert: allowed, and queued by the trigger whatever it claims; one dated into the past is named.
        UUID backdated = UUID.randomUUID();
        AsRole.run(APP, insertRecord(backdated, "now() - interval '30 minutes'"));
        TrailClient.drain(integrator);
        TrailStore.Leaf leaf = QuarkusTransaction.requiringNew().call(() -> store.leafOf(backdated).orElseThrow());
        JsonPath report = given().auth().oauth2(auditor()).queryParam("from", leaf.index()).queryParam("to", leaf.index() + 1)
                .when().post("/api/trail/trees/" + leaf.tree() + "/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("firstProblem.kind")).isEqualTo("BACKDATED");
        assertThat(report.getString("firstProblem.entryId")).isEqualTo(backdated.toString());
    }

    @Test
    @Order(8)
    void theOwnersRetirementStillWorksThroughTheTriggers() {
        // Retirement removes a closed month's leaves and nodes once its entries are gone; nothing else may.
        assertThat(AsRole.attempt(OWNER, "DELETE FROM trail_leaf WHERE tree = '" + currentTree() + "'")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(OWNER, "DELETE FROM trail_node WHERE tree = '" + currentTree() + "'")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(OWNER, "DELETE FROM trail_checkpoint WHERE tree = '" + currentTree() + "'")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "SELECT retire_access_month(CURRENT_DATE)")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(INTEGRATOR, "SELECT retire_access_month(CURRENT_DATE)")).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }
}
