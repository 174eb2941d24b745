package io.touchpoint.gateway.erasure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.touchpoint.gateway.audit.AccessLog;
import io.touchpoint.gateway.audit.AccessRecord;
import io.touchpoint.gateway.audit.CanonicalRecord;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.testsupport.ErasureSweep;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.testsupport.Tokens;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailStore;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static io.touchpoint.gateway.support.TrailClient.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * After a customer's erasure the gateway's database holds nothing that identifies them beyond the survivors
 * docs/erasure.md lists, and the access trail still verifies. Every table is read, so a new one is covered.
 */
@GatewayTest
class ErasureLeavesNothingTest {

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailStore store;

    @Inject
    EntityManager em;

    private final UUID customer = UUID.randomUUID();
    private final UUID fellowPassenger = UUID.randomUUID();
    private final String justification = "Passenger Ines Okafor-" + UUID.randomUUID() + " collapsed at gate B7; medics need her name";

    @BeforeEach
    void servicesConfirm() {
        downstream.resetAll();
        // Each service accepts the customer's request (PUT /api/erasures/{requestId}, ADR 0015) and confirms.
        for (String path : List.of("/api/erasures/[0-9a-f-]{36}", "/recognition/api/erasures/[0-9a-f-]{36}")) {
            downstream.stubFor(put(urlMatching(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"customerId\":\"" + customer + "\",\"erased\":[\"names\"]}")));
        }
    }

    private AccessRecord look(UUID whose, String outcome, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-9",
                "supervisor", "tablet-3", "GATE/B7", whose, "personalised-service", "2026-11-23.1",
                List.of("search-result"), List.of(), outcome, reason, null)));
    }

    private static void erase(UUID customerId) {
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200);
    }

    /** Where the text of a record's justification is kept, one row per record (gateway V9). */
    private static final String TEXT_COLUMN = "access_record_justification.justification";

    private ErasureSweep.Needles needles() {
        return new ErasureSweep.Needles(Map.of("justification", justification), Map.of(), customer);
    }

    @Test
    void afterErasureNoTableHoldsTheJustificationAndTheIdOnlyWhereDocumented() {
        AccessRecord search = look(customer, "SERVED", justification);
        look(customer, "SERVED", null);
        assertThat(ErasureSweep.traces(needles())).extracting(ErasureSweep.Trace::column)
                .as("the sweep finds the text before erasure, so its silence afterwards means something")
                .contains(TEXT_COLUMN, "access_record.customer_id");

        erase(customer);

        List<ErasureSweep.Trace> left = ErasureSweep.traces(needles());
        assertThat(left).filteredOn(t -> !t.what().equals("pseudonymous id")).isEmpty();
        assertThat(left).extracting(ErasureSweep.Trace::column)
                .isSubsetOf(ErasureSweep.documentedSurvivors("staff-gateway"));
        assertThat(ErasureSweep.tables()).contains("access_record", "access_record_justification", "erasure_request", "erasure_step");

        AccessRecord after = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>findById(search.id));
        assertThat(after.recordHash).isEqualTo(search.recordHash).isEqualTo(CanonicalRecord.sha256(after.content()));
        assertThat(after.isBreakGlass()).isTrue();
        assertThat(after.breakGlassJustification).isEqualTo(AccessRecord.REDACTED);
        assertThat(CanonicalRecord.json(after.content()))
                .contains("\"breakGlassJustificationSha256\":\"" + HexFormat.of().formatHex(CanonicalRecord.justificationSha256(justification)) + "\"")
                .contains("\"v\":2")
                .doesNotContain("collapsed");
    }

    @Test
    void aLookMadeWhileTheErasureWasPendingLosesItsTextWhenTheErasureCompletes() {
        downstream.stubFor(put(urlMatching("/recognition/api/erasures/[0-9a-f-]{36}")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        given().auth().oauth2(Tokens.customer(customer)).when().post("/api/me/erasure").then().statusCode(202);
        // While recognition's part is pending, a supervisor still opens the card with a reason naming the person.
        look(customer, "SERVED", justification);
        assertThat(ErasureSweep.traces(needles())).extracting(ErasureSweep.Trace::column).contains(TEXT_COLUMN);

        downstream.resetAll();
        servicesConfirm();
        given().auth().oauth2(Tokens.customer(customer)).when().post("/api/me/erasure").then().statusCode(200);

        assertThat(ErasureSweep.traces(needles())).filteredOn(t -> !t.what().equals("pseudonymous id")).isEmpty();
    }

    @Test
    void aRedactedRecordStillVerifiesInTheTrailAndComplianceSeesThatTextWasRemoved() {
        AccessRecord before = look(customer, "SERVED", justification);
        AccessRecord plain = look(customer, "SERVED", null);
        TrailClient.drain(integrator);

        erase(customer);

        TrailClient.assertVerifies(TrailClient.proof(before.id), before.id);
        TrailClient.assertVerifies(TrailClient.proof(plain.id), plain.id);
        TrailStore.Leaf first = QuarkusTransaction.requiringNew().call(() -> store.leafOf(before.id).orElseThrow());
        TrailStore.Leaf last = QuarkusTransaction.requiringNew().call(() -> store.leafOf(plain.id).orElseThrow());
        given().auth().oauth2(auditor()).queryParam("from", first.index()).queryParam("to", last.index() + 1)
                .when().post("/api/trail/trees/" + first.tree() + "/verification").then().statusCode(200)
                .body("intact", is(true));
        given().auth().oauth2(auditor()).queryParam("customerId", customer.toString()).queryParam("breakGlass", "true")
                .when().get("/api/compliance/access-records").then().statusCode(200)
                .body("records.breakGlassJustification", hasItem(AccessRecord.REDACTED));
        given().auth().oauth2(Tokens.customer(customer)).when().get("/api/me/access-history").then().statusCode(200)
                .body("looks.find { it.id == '" + before.id + "' }.breakGlass", is(true));
    }

    @Test
    void recordsWrittenBeforeTheRedactableFormStillVerifyAfterAnErasure() {
        // A v1 record as gateway migrations before V6 wrote it: the text inline, and in its hash.
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CanonicalRecord.Content v1 = new CanonicalRecord.Content(id, at, "req-legacy", "staff-9", "supervisor", "tablet-3",
                "GATE/B7", customer, "personalised-service", "2026-11-23.1", List.of("search-result"), List.of(), "SERVED",
                "legacy reason", null, null, 1);
        // Only the owner, past the trigger that keeps new records from holding text inline, can write one now.
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_no_inline_text",
                "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, device, touchpoint, customer_id, "
                        + "purpose, policy_version, fields, receipts, outcome, break_glass_justification, record_hash, canonical_version) "
                        + "VALUES ('" + id + "', '" + at + "', 'req-legacy', 'staff-9', 'supervisor', 'tablet-3', 'GATE/B7', '" + customer + "', "
                        + "'personalised-service', '2026-11-23.1', 'search-result', '', 'SERVED', 'legacy reason', "
                        + "decode('" + HexFormat.of().formatHex(CanonicalRecord.sha256(v1)) + "', 'hex'), 1)",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_inline_text");
        AccessRecord v2 = look(customer, "SERVED", justification);
        TrailClient.drain(integrator);

        erase(customer);

        TrailClient.assertVerifies(TrailClient.proof(id), id);
        TrailClient.assertVerifies(TrailClient.proof(v2.id), v2.id);
        assertThat(TrailClient.proof(id).getString("entry")).contains("\"v\":1").contains("legacy reason");
    }

    @Test
    void theServiceRoleCannotDeleteJustificationsOutsideAnErasure() {
        look(fellowPassenger, "SERVED", justification);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM access_record_justification").executeUpdate())).isNotNull();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> log.redactJustificationsOf(fellowPassenger)))
                .isNotNull();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose, policy_version, "
                        + "fields, receipts, outcome, record_hash, break_glass_justification) VALUES (gen_random_uuid(), now(), 'r', 's', "
                        + "'supervisor', 'GATE/A1', 'p', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'), 'inline text')")
                .executeUpdate()))
                .as("a new record cannot put the text back where erasure cannot reach it").isNotNull();

        assertThat(ErasureSweep.traces(new ErasureSweep.Needles(Map.of("justification", justification), Map.of(), null)))
                .extracting(ErasureSweep.Trace::column).contains(TEXT_COLUMN);
    }

    @Test
    void aTextGivenForTwoCustomersGoesOnlyFromTheRecordOfTheOneWhoIsErased() {
        // One search showed two customers: the same text on both records. Only the erased customer's copy may go.
        AccessRecord mine = look(customer, "SERVED", justification);
        AccessRecord theirs = look(fellowPassenger, "SERVED", justification);

        erase(customer);

        given().auth().oauth2(auditor()).queryParam("customerId", fellowPassenger.toString())
                .when().get("/api/compliance/access-records").then().statusCode(200)
                .body("records.find { it.id == '" + theirs.id + "' }.breakGlassJustification", is(justification));
        given().auth().oauth2(auditor()).queryParam("customerId", customer.toString())
                .when().get("/api/compliance/access-records").then().statusCode(200)
                .body("records.find { it.id == '" + mine.id + "' }.breakGlassJustification", is(AccessRecord.REDACTED));
        // The text is left only where it belongs to the other customer's record; nothing keyed to the erased one's.
        assertThat(ErasureSweep.traces(needles())).filteredOn(t -> !t.what().equals("pseudonymous id"))
                .extracting(ErasureSweep.Trace::column).containsExactly(TEXT_COLUMN);
        assertThat(Superuser.value("SELECT string_agg(record_id::text, ',') FROM access_record_justification WHERE justification = '"
                + justification + "'")).isEqualTo(theirs.id.toString());
        assertThat(Superuser.value("SELECT count(*) FROM access_record_justification WHERE record_id = '" + mine.id + "'"))
                .isEqualTo(0L);
        for (AccessRecord r : List.of(mine, theirs)) {
            AccessRecord after = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>findById(r.id));
            assertThat(after.recordHash).isEqualTo(r.recordHash).isEqualTo(CanonicalRecord.sha256(after.content()));
        }
    }

    @Test
    void aBreakGlassAttemptThatShowedNoCustomerKeepsOnlyTheHashOfItsJustificationAndStillVerifies() {
        String staff = "staff-" + UUID.randomUUID();
        Map<String, String> reasons = Map.of(
                "found nobody", "Passenger Ines Okafor-" + UUID.randomUUID() + " collapsed; searching, found nobody",
                "refused by profiles", "Passenger Ines Okafor-" + UUID.randomUUID() + " collapsed; profiles refused it",
                "frontline", "Passenger Ines Okafor-" + UUID.randomUUID() + " collapsed; a gate agent tried to search");
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search"))
                .withRequestBody(matchingJsonPath("$.familyName", equalTo("Nobody")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search"))
                .withRequestBody(matchingJsonPath("$.familyName", equalTo("Refused")))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:touchpoint:problem:no-browsing\",\"status\":403,\"title\":\"No name search for this role\"}")));

        search(staff, "supervisor", "Nobody", reasons.get("found nobody")).statusCode(200);
        search(staff, "supervisor", "Refused", reasons.get("refused by profiles")).statusCode(403);
        search(staff, "gate-agent", "Okafor", reasons.get("frontline")).statusCode(403);

        assertThat(ErasureSweep.traces(new ErasureSweep.Needles(reasons, Map.of(), null)))
                .as("no erasure can ever reach a text kept for nobody, so none is kept").isEmpty();
        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() ->
                AccessRecord.list("staffSubject = ?1 order by recordedAt", staff));
        assertThat(records).extracting(r -> r.outcome).containsExactly("NOT_FOUND", "DENIED", "DENIED");
        List<String> texts = List.of(reasons.get("found nobody"), reasons.get("refused by profiles"), reasons.get("frontline"));
        for (int i = 0; i < records.size(); i++) {
            AccessRecord r = records.get(i);
            assertThat(r.customerId).isNull();
            assertThat(r.justificationSha256).as("the record still commits to what was typed")
                    .isEqualTo(CanonicalRecord.justificationSha256(texts.get(i)));
            assertThat(r.breakGlassJustification).isEqualTo(AccessRecord.NOT_KEPT);
            assertThat(r.recordHash).isEqualTo(CanonicalRecord.sha256(r.content()));
        }
        TrailClient.drain(integrator);
        for (AccessRecord r : records) {
            TrailClient.assertVerifies(TrailClient.proof(r.id), r.id);
        }
        given().auth().oauth2(auditor()).queryParam("staffSubject", staff).queryParam("breakGlass", "true")
                .when().get("/api/compliance/access-records").then().statusCode(200)
                .body("records.size()", is(3))
                .body("records.breakGlassJustification", everyItem(is(AccessRecord.NOT_KEPT)));
    }

    private static io.restassured.response.ValidatableResponse search(String staff, String role, String familyName, String why) {
        return given().auth().oauth2(Tokens.withRoles(staff, role)).contentType(ContentType.JSON)
                .body(Map.of("familyName", familyName, "justification", why, "touchpoint", "GATE/B7", "purpose", "personalised-service"))
                .when().post("/api/cards/search").then();
    }
}
