package io.touchpoint.recognition.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.AsRole;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.testsupport.Tokens;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailMonitor;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent ledger's trail has the access log's separation of duties (ADR 0012): played as the service's role
 * ({@code recognition_app}), the auditor's and the integrator's.
 */
@RecognitionServiceTest
class ConsentTrailDutiesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String HASH = "decode(repeat('00', 32), 'hex')";

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailMonitor monitor;

    @ParameterizedTest
    @ValueSource(strings = {"recognition_app", "recognition_auditor"})
    void neitherTheServiceNorTheAuditorCanWriteTheLedgerTrailOrTakeTheIntegratorsLease(String role) {
        List<String> allowed = new ArrayList<>();
        for (String sql : List.of(
                "INSERT INTO trail_pending (entry_id, recorded_at) VALUES (gen_random_uuid(), now())",
                "INSERT INTO trail_leaf (tree, leaf_index, entry_id, recorded_at, integrated_at) VALUES ('2999-01', 0, gen_random_uuid(), now(), now())",
                "INSERT INTO trail_node (tree, level, node_index, hash) VALUES ('2999-01', 0, 0, " + HASH + ")",
                "INSERT INTO trail_checkpoint (tree, tree_size, root_hash, note, signed_at) VALUES ('2999-01', 1, " + HASH + ", 'forged', now())",
                "INSERT INTO trail_epoch (epoch, tree_size, root_hash, note, epochs_leaf_index, closed_at) VALUES ('2999-01', 1, " + HASH + ", 'x', 999, now())",
                "UPDATE trail_leaf SET integrated_at = now()", "UPDATE trail_node SET hash = " + HASH, "UPDATE trail_checkpoint SET note = 'x'",
                "UPDATE trail_pending SET imported = true", "UPDATE trail_meta SET began_at = now()",
                "DELETE FROM trail_pending", "DELETE FROM trail_leaf", "DELETE FROM trail_node", "DELETE FROM trail_checkpoint",
                "DELETE FROM trail_epoch", "DELETE FROM trail_integrator_lease",
                "TRUNCATE trail_pending", "TRUNCATE trail_leaf", "TRUNCATE trail_node", "TRUNCATE trail_checkpoint", "TRUNCATE trail_epoch",
                "SELECT 1 FROM trail_integrator_lease FOR UPDATE")) {
            if (!INSUFFICIENT_PRIVILEGE.equals(AsRole.attempt(role, sql))) {
                allowed.add(sql);
            }
        }
        assertThat(allowed).isEmpty();
    }

    @Test
    void aLedgerEntryHiddenFromTheQueueIsRefusedToEveryRoleAndReportedWhenTheOwnerForcesIt() throws Exception {
        Portal customer = Portal.newCustomer();
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        UUID event = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.<ConsentEvent>find("consentId", UUID.fromString(consent))
                .firstResult().id);
        String clear = "DELETE FROM trail_pending WHERE entry_id = '" + event + "'";
        assertThat(AsRole.attempt("recognition_app", clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt("recognition_integrator", clear)).as("only an integrated entry leaves the queue").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(AsRole.attempt("postgres", clear)).isEqualTo(INSUFFICIENT_PRIVILEGE);

        // The service's role cannot stall the integrator with the advisory lock it used to take.
        try (Connection app = AsRole.connect("recognition_app"); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + 0x7472_6169_6c00_0001L + ")");
            assertThat(integrator.integrate().leader()).isTrue();
            app.rollback();
        }

        Portal other = Portal.newCustomer();
        String hiddenConsent = other.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        UUID hidden = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.<ConsentEvent>find("consentId", UUID.fromString(hiddenConsent))
                .firstResult().id);
        Superuser.run("ALTER TABLE trail_pending DISABLE TRIGGER trail_pending_delete",
                "DELETE FROM trail_pending WHERE entry_id = '" + hidden + "'",
                "ALTER TABLE trail_pending ENABLE ALWAYS TRIGGER trail_pending_delete");
        for (int i = 0; i < 100 && integrator.integrate().integrated() > 0; i++) {
            // drain
        }

        JsonPath report = given().auth().oauth2(Tokens.withRoles("auditor-1", "compliance-auditor"))
                .when().post("/api/trail/trees/" + TrailIntegrator.epochOf(Instant.now()) + "/verification")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getList("problems.entryId")).contains(hidden.toString());
        assertThat(report.getList("problems.kind")).contains("UNINTEGRATED");
        assertThat(monitor.check().unintegrated()).isGreaterThanOrEqualTo(1);
        given().when().get("/q/health/group/trail").then().statusCode(503);
    }
}
