package io.touchpoint.gateway.relay;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The attacker holds the gateway's client secret and a gate agent's live sign-in: they exchange the token
 * themselves and read customers at the services, skipping the gateway's admission and record. The services write
 * those reads down; here the gateway must find each read no access record covers, and only those (ADR 0018).
 */
@GatewayTest
class RelayedReadReconciliationTest {

    private static final String CONTRACT_CUSTOMER = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e";
    private static final String PROFILE_READS = "/api/relayed-reads";
    private static final String RECOGNITION_READS = "/recognition/api/relayed-reads";

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @Inject
    RelayedReadReconciliation reconciliation;

    private final UUID customer = UUID.randomUUID();
    private final String agent = "agent-" + UUID.randomUUID();
    private long readId;

    @BeforeEach
    void servicesThatAnswerCards() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customer.toString()))));
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"customerId\":\"%s\",\"evaluatedAt\":\"2026-11-23T10:00:00Z\",\"preferences\":[],\"consentedPurposes\":[]}"
                        .formatted(customer))));
        // Reads go on from wherever earlier runs left each service's cursor.
        readId = 1 + ((Number) Superuser.value("SELECT coalesce(max(after_id), 0) FROM relayed_read_cursor")).longValue();
        listing(RECOGNITION_READS, List.of());
    }

    @AfterEach
    void forgetFindings() {
        // Findings are kept from the app role; the owner clears this test's, so other tests' trail health starts UP.
        Superuser.run("DELETE FROM unrecorded_relayed_read");
    }

    private String card() {
        return given().auth().oauth2(Tokens.withRoles(agent, "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service", "device", "tablet-17"))
                .when().post("/api/cards").then().statusCode(200).extract().path("requestId");
    }

    private Map<String, Object> read(String operation, String requestId, UUID whom) {
        return read(operation, requestId, whom, agent);
    }

    private Map<String, Object> read(String operation, String requestId, UUID whom, String subject) {
        java.util.HashMap<String, Object> read = new java.util.HashMap<>(Map.of("id", readId++,
                "readAt", Instant.now().minus(3, ChronoUnit.MINUTES).toString(), "operation", operation,
                "staffSubject", subject, "role", "gate-agent", "customerId", whom.toString()));
        read.put("gatewayRequestId", requestId);
        return read;
    }

    private void listing(String path, List<Map<String, Object>> reads) {
        long next = reads.isEmpty() ? 0 : (long) reads.getLast().get("id");
        downstream.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(toJson(reads, next))));
    }

    private static String toJson(List<Map<String, Object>> reads, long next) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("reads", reads, "next", next));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath unusual() {
        Instant now = Instant.now();
        return given().auth().oauth2(Tokens.withRoles("auditor", "compliance-auditor"))
                .queryParam("from", now.minus(1, ChronoUnit.DAYS).toString()).queryParam("to", now.plus(1, ChronoUnit.MINUTES).toString())
                .when().get("/api/compliance/access-records/unusual").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void readsTheGatewayRecordedPassAndReadsAroundItAreFoundWithWhoseSignInWasUsed() {
        String looked = card();
        UUID someoneElse = UUID.randomUUID();
        listing(PROFILE_READS, List.of(
                read("card-projection", looked, customer),          // the gateway's own look: recorded
                read("card-projection", null, someoneElse),         // the attacker, sending no request id
                read("card-projection", looked, someoneElse),       // the attacker, reusing a recorded request id for another customer
                read("card-projection", UUID.randomUUID().toString(), customer))); // a made-up request id
        listing(RECOGNITION_READS, List.of(read("recognition", looked, customer)));

        RelayedReadReconciliation.Run run = reconciliation.reconcile();

        assertThat(run.unreachable()).isEmpty();
        assertThat(run.reconciled()).isEqualTo(5);
        assertThat(run.unrecorded()).isEqualTo(3);
        JsonPath report = unusual();
        assertThat(report.getList("findAll { it.rule == 'read-around-the-gateway' }.staffSubject")).containsExactly(agent);
        assertThat(report.getLong("find { it.rule == 'read-around-the-gateway' }.count")).isEqualTo(3);
        given().when().get("/q/health/group/trail").then().statusCode(503).body("status", is("DOWN"))
                .body("checks.find { it.name == 'relayed-reads' }.data.unrecordedInWindow", is(3));
        assertThat(given().when().get("/q/metrics").then().extract().asString())
                .containsPattern("touchpoint_relayed_reads_unrecorded(\\{[^}]*\\})? 3\\.0");
    }

    @Test
    void aCardWhoseProfileHopTimedOutIsRecordedFailedAndCoversOnlyTheProjectionAnsweredTooLate() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse().withFixedDelay(2500)
                .withHeader("Content-Type", "application/json")
                .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customer.toString()))));
        String failed = given().auth().oauth2(Tokens.withRoles(agent, "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service", "device", "tablet-17"))
                .when().post("/api/cards").then().statusCode(503).extract().header("X-Request-Id");
        assertThat(io.touchpoint.testsupport.Superuser.value("SELECT outcome || '/' || coalesce(CAST(customer_id AS text), 'none') "
                + "FROM access_record WHERE request_id = '" + failed + "'")).isEqualTo("FAILED/none");

        listing(PROFILE_READS, List.of(read("card-projection", failed, customer)));
        listing(RECOGNITION_READS, List.of(read("recognition", failed, customer)));
        RelayedReadReconciliation.Run run = reconciliation.reconcile();

        assertThat(run.reconciled()).isEqualTo(2);
        assertThat(run.unrecorded()).as("the late projection is covered; a recognition nobody asked for is not").isEqualTo(1);
        assertThat(Superuser.value("SELECT service FROM unrecorded_relayed_read")).isEqualTo("recognition-service");
    }

    @Test
    void aRecordOfAnotherStaffMemberDoesNotCoverARead() {
        String looked = card();
        listing(PROFILE_READS, List.of(read("card-projection", looked, customer, "agent-" + UUID.randomUUID())));

        assertThat(reconciliation.reconcile().unrecorded()).isEqualTo(1);
    }

    @Test
    void eachRunGoesOnFromWhereTheLastStoppedAndFindsAReadOnce() {
        listing(PROFILE_READS, List.of(read("card-projection", null, customer)));
        assertThat(reconciliation.reconcile().unrecorded()).isEqualTo(1);
        long cursor = readId - 1;

        downstream.resetRequests();
        assertThat(reconciliation.reconcile().unrecorded()).as("the same page again finds nothing new").isZero();
        downstream.verify(getRequestedFor(urlPathEqualTo(PROFILE_READS)).withQueryParam("after", equalTo(Long.toString(cursor)))
                .withQueryParam("settledSeconds", equalTo("120")));
        assertThat(((Number) Superuser.value("SELECT count(*) FROM unrecorded_relayed_read")).longValue()).isEqualTo(1);
    }

    @Test
    void aServiceThatCannotBeAskedIsRetriedLaterAndTheOtherIsStillReconciled() {
        downstream.stubFor(get(urlPathEqualTo(PROFILE_READS)).willReturn(aResponse().withStatus(503)));
        listing(RECOGNITION_READS, List.of(read("recognition", null, customer)));

        RelayedReadReconciliation.Run run = reconciliation.reconcile();

        assertThat(run.unreachable()).containsExactly("profile-service");
        assertThat(run.unrecorded()).isEqualTo(1);
    }

    @Test
    void theAppRoleCannotRemoveAFinding() {
        listing(PROFILE_READS, List.of(read("card-projection", null, customer)));
        reconciliation.reconcile();
        assertThat(io.touchpoint.testsupport.AsRole.attempt("gateway_app", "DELETE FROM unrecorded_relayed_read"))
                .isEqualTo("42501");
        assertThat(io.touchpoint.testsupport.AsRole.attempt("gateway_app", "UPDATE unrecorded_relayed_read SET staff_subject = 'x'"))
                .isEqualTo("42501");
    }
}
