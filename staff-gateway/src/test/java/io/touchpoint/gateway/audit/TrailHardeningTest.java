package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.testsupport.AsRole;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The trail's hardening (ADR 0012, docs/audit-trail.md "Tampering"): what the gateway's own role
 * ({@code gateway_app}) and the integrator's ({@code gateway_integrator}) could still do with their grants, each
 * played with that role's credentials and refused by the database. Its own database: the attacks may damage it.
 */
@GatewayTest
@TestProfile(TrailHardeningTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailHardeningTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String APP = "gateway_app";
    private static final String INTEGRATOR = "gateway_integrator";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String CHECK_VIOLATION = "23514";
    private static final String HASH = "decode(repeat('00', 32), 'hex')";
    private static final Cosignature.Signer WITNESS_1 = Cosignature.signer(read("witness-1.signer"));

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailStore store;

    private static String read(String file) {
        try {
            return Files.readString(Path.of("../deploy/dev-keys").resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID recorded() {
        return QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-hardening",
                "gate-agent", "tablet-1", "GATE/D1", UUID.randomUUID(), "personalised-service", "v", List.of("tier"), List.of(),
                "SERVED", null, true)).id);
    }

    private static String insertRecord(UUID id, String recordedAt) {
        return "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                + "fields, receipts, outcome, record_hash) VALUES ('" + id + "', " + recordedAt + ", 'r', 's', 'gate-agent', 'GATE/D2', "
                + "'personalised-service', 'v', '', '', 'SERVED', " + HASH + ")";
    }

    private static String currentTree() {
        return TrailIntegrator.epochOf(Instant.now());
    }

    private static long count(String sql) {
        return ((Number) Superuser.value(sql)).longValue();
    }

    @Test
    @Order(1)
    void aTemporaryTableCannotDivertTheQueue() throws Exception {
        assertThat(AsRole.attempt(APP, "CREATE TEMP TABLE trail_pending (entry_id uuid, recorded_at timestamptz, imported boolean)"))
                .as("the service's role may not create temporary tables").isEqualTo(INSUFFICIENT_PRIVILEGE);

        // Even a role someone granted TEMPORARY cannot shadow the queue the trigger writes: it looks in pg_temp last.
        String database = (String) Superuser.value("SELECT current_database()");
        Superuser.run("GRANT TEMPORARY ON DATABASE \"" + database + "\" TO " + APP);
        UUID id = UUID.randomUUID();
        try (Connection app = AsRole.connect(APP); Statement s = app.createStatement()) {
            s.execute("CREATE TEMP TABLE trail_pending (entry_id uuid, recorded_at timestamptz, imported boolean)");
            s.execute(insertRecord(id, "now()"));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_temp.trail_pending")) {
                rs.next();
                assertThat(rs.getLong(1)).as("nothing went to the shadow table").isZero();
            }
        } finally {
            Superuser.run("REVOKE TEMPORARY ON DATABASE \"" + database + "\" FROM " + APP);
        }
        assertThat(count("SELECT count(*) FROM public.trail_pending WHERE entry_id = '" + id + "'")).as("queued for the trail").isEqualTo(1L);
        TrailClient.drain(integrator);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.leafOf(id))).isPresent();
    }

    @Test
    @Order(2)
    void nothingJoinsAClosedMonthAndOnlyAnEndedMonthCloses() {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String previous = lastMonth.toString().substring(0, 7);
        for (int i = 0; i < 3; i++) {
            Superuser.run(insertRecord(UUID.randomUUID(), "DATE '" + lastMonth + "' + interval '3 days'"));
        }
        recorded();
        TrailClient.drain(integrator);
        assertThat(count("SELECT count(*) FROM trail_epoch WHERE epoch = '" + previous + "'"))
                .as("the integrator still closes an ended month through the checks").isEqualTo(1L);

        // The integrator's role adds a leaf and a node to the closed month.
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at) "
                + "VALUES ('" + previous + "', 3, gen_random_uuid(), now(), now())")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_node (tree, level, node_index, hash) VALUES ('" + previous + "', 0, 3, "
                + HASH + ")")).isEqualTo(INSUFFICIENT_PRIVILEGE);

        // It closes a month far ahead (which would stop every later month from closing), and the running month.
        String nextIndex = "(SELECT count(*) FROM trail_epoch)";
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_epoch (epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at) "
                + "SELECT '9999-12', tree_size, root_hash, note, " + nextIndex + ", now() FROM trail_checkpoint WHERE tree = '" + currentTree()
                + "' ORDER BY tree_size DESC LIMIT 1")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_epoch (epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at) "
                + "SELECT tree, tree_size, root_hash, note, " + nextIndex + ", now() FROM trail_checkpoint WHERE tree = '" + currentTree()
                + "' ORDER BY tree_size DESC LIMIT 1")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(count("SELECT count(*) FROM trail_epoch WHERE epoch >= '" + currentTree() + "'")).isZero();
    }

    @Test
    @Order(3)
    void aCheckpointCannotCoverLeavesTheTreeDoesNotStore() {
        recorded();
        TrailClient.drain(integrator);
        String tree = currentTree();
        long size = QuarkusTransaction.requiringNew().call(() -> store.size(tree));
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) VALUES ('" + tree
                + "', " + (size + 5) + ", " + HASH + ", 'ahead', now())")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(INTEGRATOR, "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) VALUES ('epochs', "
                + "1000000, " + HASH + ", 'ahead', now())")).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    @Order(4)
    void theIntegratorCannotPruneCheckpointsYoungerThanAnHour() throws Exception {
        for (int i = 0; i < 3; i++) {
            recorded();
            TrailClient.drain(integrator);
        }
        String tree = currentTree();
        long before = count("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "'");
        assertThat(before).isGreaterThan(1);
        try (Connection c = AsRole.connect(INTEGRATOR); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT trail_prune_checkpoints(now() + interval '1 day')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertThat(count("SELECT count(*) FROM trail_checkpoint WHERE tree = '" + tree + "'")).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aCosignatureRowTheServiceRoleMadeUpIsNotServedAndDoesNotBlockTheWitness() {
        recorded();
        TrailClient.drain(integrator);
        String tree = currentTree();
        Checkpoint checkpoint = TrailClient.checkpoint(tree);
        long now = Instant.now().getEpochSecond();
        // The service's role may insert cosignature rows: it files one in witness-1's name before the witness does.
        String fake = new Cosignature.Line(WITNESS_1.verifier().name(), WITNESS_1.verifier().keyId(), now, new byte[64]).text();
        AsRole.run(APP, "INSERT INTO trail_cosignature (tree, tree_size, root_hash, witness_key, witness, cosigned_at, line) "
                + "SELECT tree, tree_size, root_hash, '" + WITNESS_1.verifier().encoded() + "', '" + WITNESS_1.verifier().name() + "', "
                + "to_timestamp(" + now + "), '" + fake + "' FROM trail_checkpoint WHERE tree = '" + tree + "' AND tree_size = " + checkpoint.size(),
                "INSERT INTO trail_cosignature (tree, tree_size, root_hash, witness_key, witness, cosigned_at, line) VALUES ('" + tree + "', "
                        + checkpoint.size() + ", " + HASH + ", 'garbage', 'garbage', now(), 'not a line')",
                "INSERT INTO trail_cosignature (tree, tree_size, root_hash, witness_key, witness, cosigned_at, line) VALUES ('" + tree + "', "
                        + "999999, " + HASH + ", '" + WITNESS_1.verifier().encoded() + "', '" + WITNESS_1.verifier().name() + "', now(), '" + fake + "')");

        given().auth().oauth2(auditor()).when().get("/api/trail/trees/" + tree + "/checkpoints/" + checkpoint.size() + "/cosignatures")
                .then().statusCode(200).body("size()", is(0));
        String served = TrailClient.checkpointNote(tree);
        assertThat(SignedNote.open(served, TrailClient.VERIFIER)).isEqualTo(checkpoint.body());
        assertThat(SignedNote.parts(served).signatures()).as("only the log's own signature").hasSize(1);
        given().auth().oauth2(auditor()).when().get("/api/trail").then().statusCode(200)
                .body("trees.find { it.tree == '" + tree + "' }.witnessedBy", not(hasItem(WITNESS_1.verifier().name())));

        // The real witness's cosignature is still stored and served.
        given().auth().oauth2(auditor()).contentType("text/plain; charset=UTF-8").body(WITNESS_1.cosign(checkpoint.body(), now))
                .when().post("/api/trail/trees/" + tree + "/checkpoints/" + checkpoint.size() + "/cosignatures")
                .then().statusCode(200).body("witness", hasItem(WITNESS_1.verifier().name())).body("size()", is(1));
        served = TrailClient.checkpointNote(tree);
        assertThat(SignedNote.parts(served).signatures()).hasSize(2);
        assertThat(Cosignature.witnesses(served, List.of(WITNESS_1.verifier()))).extracting(Cosignature.Verifier::name)
                .containsExactly(WITNESS_1.verifier().name());
    }

    @Test
    @Order(6)
    void theServiceRoleCannotFileInventedTextUnderARecordNorTextForARecordWithoutACustomer() {
        String text = "customer fainted at the gate, medics need the name";
        AccessRecord shown = QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(),
                "staff-9", "supervisor", null, "GATE/B7", UUID.randomUUID(), "personalised-service", "v", List.of("search-result"),
                List.of(), "SERVED", text, null)));
        AccessRecord nobody = QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(),
                "staff-9", "supervisor", null, "GATE/B7", null, "personalised-service", "v", List.of(), List.of(), "NOT_FOUND",
                text, null)));
        String insert = "INSERT INTO access_record_justification (record_id, justification) VALUES ('%s', '%s')";

        assertThat(AsRole.attempt(APP, insert.formatted(shown.id, "nothing happened"))).as("text the record does not commit to")
                .isEqualTo(CHECK_VIOLATION);
        assertThat(AsRole.attempt(APP, insert.formatted(nobody.id, text))).as("text for a record without a customer")
                .isEqualTo(CHECK_VIOLATION);
        assertThat(AsRole.attempt(APP, insert.formatted(UUID.randomUUID(), text))).as("text for no record").isEqualTo(CHECK_VIOLATION);
        assertThat(AsRole.attempt(APP, "UPDATE access_record_justification SET justification = 'nothing happened'"))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "DELETE FROM access_record_justification")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt("postgres", "UPDATE access_record_justification SET justification = justification"))
                .as("a kept text never changes, whoever asks").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(Superuser.value("SELECT justification FROM access_record_justification WHERE record_id = '" + shown.id + "'"))
                .isEqualTo(text);
        assertThat(Superuser.value("SELECT count(*) FROM access_record_justification WHERE record_id = '" + nobody.id + "'"))
                .isEqualTo(0L);
    }

    @Test
    @Order(7)
    void theServiceRoleKeepsPartitionsOnlyAroundTheCurrentMonth() {
        assertThat(AsRole.attempt(APP, "SELECT ensure_access_record_partition(DATE '2001-01-01')")).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "SELECT ensure_access_record_partition((current_date + interval '6 months')::date)"))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt(APP, "SELECT ensure_access_record_partition((current_date - interval '1 month')::date)")).isNull();
        assertThat(AsRole.attempt(APP, "SELECT ensure_access_record_partition((current_date + interval '2 months')::date)")).isNull();
        assertThat(AsRole.attempt("postgres", "SELECT ensure_access_record_partition(DATE '2001-01-01')")).as("history imports").isNull();
        // A month the service keeps that has no partition yet is still created, in public (pg_catalog leads the path).
        String ahead = "to_char(date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months', 'YYYY_MM')";
        String name = (String) Superuser.value("SELECT 'access_record_' || " + ahead);
        Superuser.run("DROP TABLE public." + name);
        AsRole.run(APP, "SELECT ensure_access_record_partition((date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months')::date)");
        assertThat(Superuser.value("SELECT to_regclass('public." + name + "') IS NOT NULL")).isEqualTo(true);
    }
}
