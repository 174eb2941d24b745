package io.touchpoint.recognition.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Consent decisions are in a verifiable trail too: the same shared Merkle code, its own key and trees. */
@RecognitionServiceTest
class ConsentTrailTest {

    @Inject
    TrailIntegrator integrator;

    private static String auditor() {
        return Tokens.withRoles("auditor-1", "compliance-auditor");
    }

    private void drain() {
        for (int i = 0; i < 100; i++) {
            TrailIntegrator.Run run = integrator.integrate();
            if (run.leader() && run.integrated() == 0) {
                return;
            }
        }
        throw new AssertionError("the queue did not drain");
    }

    @Test
    void everyGrantAndWithdrawalIsProvablyInTheSignedLedgerTrailAndTamperingIsNamed() throws Exception {
        NoteKeys.Verifier verifier = NoteKeys.verifier(Files.readString(Path.of("../deploy/dev-keys/consent-ledger.vkey")).strip());
        Portal customer = Portal.newCustomer();
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        customer.withdraw(consent).statusCode(200);
        drain();

        List<UUID> events = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.<ConsentEvent>list("consentId = ?1 order by sequence",
                UUID.fromString(consent)).stream().map(e -> e.id).toList());
        assertThat(events).hasSize(2);
        long firstIndex = -1;
        String tree = null;
        for (UUID id : events) {
            JsonPath proof = given().auth().oauth2(auditor()).when().get("/api/trail/entries/" + id + "/proof")
                    .then().statusCode(200).extract().jsonPath();
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(proof.getString("checkpoint"), verifier));
            assertThat(checkpoint.origin()).isEqualTo("touchpoint.dev/consent-ledger/" + proof.getString("tree"));
            byte[] leaf = TreeHash.leaf(proof.getString("entry").getBytes(StandardCharsets.UTF_8));
            assertThat(proof.getString("entry")).contains("\"consentId\":\"" + consent + "\"");
            assertThat(ProofVerifier.inclusion(leaf, proof.getLong("leafIndex"), proof.getLong("treeSize"),
                    proof.<String>getList("proof").stream().map(Base64.getDecoder()::decode).toList(), checkpoint.root())).isTrue();
            if (firstIndex < 0) {
                firstIndex = proof.getLong("leafIndex");
                tree = proof.getString("tree");
            }
        }

        // The owner turns the withdrawal back into a grant, bypassing the append-only trigger.
        Superuser.run("ALTER TABLE consent_event DISABLE TRIGGER consent_event_no_update_delete",
                "UPDATE consent_event SET kind = 'RENEW', expires_at = recorded_at + interval '1 year' WHERE id = '" + events.get(1) + "'",
                "ALTER TABLE consent_event ENABLE ALWAYS TRIGGER consent_event_no_update_delete");
        JsonPath report = given().auth().oauth2(auditor()).queryParam("from", firstIndex).queryParam("to", firstIndex + 2)
                .when().post("/api/trail/trees/" + tree + "/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).isFalse();
        Map<String, Object> first = report.getMap("firstProblem");
        assertThat(first).containsEntry("kind", "ENTRY_ALTERED").containsEntry("entryId", events.get(1).toString());
    }

    @Test
    void aCustomerProvesTheirOwnConsentStepsAndNobodyElses() throws Exception {
        NoteKeys.Verifier verifier = NoteKeys.verifier(Files.readString(Path.of("../deploy/dev-keys/consent-ledger.vkey")).strip());
        Portal alice = Portal.newCustomer();
        Portal bob = Portal.newCustomer();
        String consent = alice.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        bob.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        drain();
        UUID receipt = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.<ConsentEvent>find("consentId", UUID.fromString(consent))
                .firstResult().id);

        JsonPath proof = alice.as().when().get("/api/me/receipts/" + receipt + "/proof").then().statusCode(200).extract().jsonPath();
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(proof.getString("checkpoint"), verifier));
        byte[] leaf = TreeHash.leaf(proof.getString("entry").getBytes(StandardCharsets.UTF_8));
        assertThat(ProofVerifier.inclusion(leaf, proof.getLong("leafIndex"), proof.getLong("treeSize"),
                proof.<String>getList("proof").stream().map(Base64.getDecoder()::decode).toList(), checkpoint.root())).isTrue();

        bob.as().when().get("/api/me/receipts/" + receipt + "/proof").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staffAndCustomersCannotReachTheLedgerTrail() {
        given().auth().oauth2(Tokens.withRoles("gate", "gate-agent")).when().get("/api/trail").then().statusCode(403);
        given().auth().oauth2(Tokens.customer(UUID.randomUUID())).when().get("/api/trail").then().statusCode(403);
    }
}
