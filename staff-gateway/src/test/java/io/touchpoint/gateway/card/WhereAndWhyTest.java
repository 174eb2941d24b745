package io.touchpoint.gateway.card;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.gateway.audit.AccessRecord;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Where a look happens, why, and under which request id, are the server's to decide: the attacker here is a
 * frontline staff member with a valid token who declares a touchpoint or purpose that is not theirs, or a client
 * that reuses request ids to blind the findings.
 */
@GatewayTest
class WhereAndWhyTest {

    private static final String CONTRACT_CUSTOMER = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e";
    private static final String JUSTIFICATION = "Passenger collapsed at the gate; the medical team needs her identity";

    @DownstreamStubs.Inject
    WireMockServer downstream;

    private final UUID customerId = UUID.randomUUID();
    private final String staff = "staff-" + UUID.randomUUID();

    @BeforeEach
    void aCustomerWithAnOpenIssueAndPreferencesForLoungesAndAssistance() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customerId.toString()))));
        recognitionAnswers(List.of());
    }

    /** What recognition answers, with the purposes it says are consented for the asker. */
    private void recognitionAnswers(List<String> consentedPurposes) {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"customerId":"%s","evaluatedAt":"2026-12-02T10:00:00Z","preferences":[
                          {"key":"seat.position","category":"seat","value":"aisle","purpose":"personalised-service",
                           "receiptId":"11111111-1111-4111-8111-111111111111"},
                          {"key":"drink.welcome","category":"drink","value":"champagne","purpose":"personalised-service",
                           "receiptId":"22222222-2222-4222-8222-222222222222"},
                          {"key":"assistance.mobility","category":"assistance","value":"walking-aid","purpose":"assistance-sharing",
                           "receiptId":"44444444-4444-4444-8444-444444444444"}],
                         "photo":{"available":true,"receiptId":"33333333-3333-4333-8333-333333333333"},
                         "consentedPurposes":%s}""".formatted(customerId, consentedPurposes.stream()
                        .map(p -> "\"" + p + "\"").toList()))));
    }

    private ValidatableResponse card(String role, String touchpoint, String purpose) {
        return given().auth().oauth2(Tokens.withRoles(staff, role)).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", touchpoint, "purpose", purpose, "device", "tablet-9"))
                .when().post("/api/cards").then();
    }

    private List<AccessRecord> recordsOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("staffSubject = ?1 order by recordedAt", subject));
    }

    private static ValidatableResponse assign(String externalId, String subject, String touchpoint, Instant from, Instant until) {
        return given().auth().oauth2(Tokens.withRoles("ops-roster", "ops-import")).contentType(ContentType.JSON)
                .body(Map.of("staffSubject", subject, "touchpoint", touchpoint, "from", from.toString(), "until", until.toString()))
                .when().put("/api/staff-assignments/{id}", externalId).then();
    }

    @Test
    void aGateAgentDeclaringALoungeIsRefusedRecordedAsDeniedAndSeesNoLoungeOnlyPreference() {
        card("gate-agent", "LOUNGE/X", "personalised-service").statusCode(403)
                .contentType("application/problem+json")
                .body("title", is("Not a touchpoint for this role"))
                .body("fields", nullValue())
                .body(not(containsString("champagne")));

        assertThat(recordsOf(staff)).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo("DENIED");
            assertThat(r.touchpoint).isEqualTo("LOUNGE/X");
            assertThat(r.customerId).isNull();
            assertThat(r.fields).isEmpty();
        });
        // Nothing was fetched for a look that may not happen.
        downstream.verify(0, postRequestedFor(urlEqualTo("/api/card-projections")));
        downstream.verify(0, postRequestedFor(urlEqualTo("/api/recognitions")));
    }

    @Test
    void aTouchpointOtherThanTheCurrentAssignmentIsRefusedAndTheAssignedOneServes() {
        Instant now = Instant.now();
        assign("roster-" + UUID.randomUUID(), staff, "GATE/B7", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7)))
                .statusCode(201).body("outcome", is("CREATED"));

        card("gate-agent", "GATE/A12", "personalised-service").statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("GATE/B7"));
        card("gate-agent", "GATE/B7", "personalised-service").statusCode(200);

        assertThat(recordsOf(staff)).extracting(r -> r.touchpoint + " " + r.outcome)
                .containsExactly("GATE/A12 DENIED", "GATE/B7 SERVED");
    }

    @Test
    void anEndedAssignmentNoLongerBinds() {
        Instant now = Instant.now();
        String id = "roster-" + UUID.randomUUID();
        assign(id, staff, "GATE/B7", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).statusCode(201);
        assign(id, staff, "GATE/B7", now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(1)))
                .statusCode(200).body("outcome", is("UPDATED"));

        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200);
    }

    @Test
    void assignmentsComeOnlyFromOperationsAndBadOnesAreProblems() {
        Instant now = Instant.now();
        given().auth().oauth2(Tokens.withRoles(staff, "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("staffSubject", staff, "touchpoint", "LOUNGE/L1", "from", now.toString(),
                        "until", now.plusSeconds(60).toString()))
                .when().put("/api/staff-assignments/self-made").then().statusCode(403);
        assign("bad-1", staff, "GATE/B7", now, now.minusSeconds(1)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("until"));
        assign("bad-2", staff, "DESK/1", now, now.plusSeconds(60)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("GATE"));
        assign("bad-3", staff, "GATE/B7", now, now.plus(Duration.ofDays(60))).statusCode(400)
                .contentType("application/problem+json");
        assign("bad 4", staff, "GATE/B7", now, now.plusSeconds(60)).statusCode(400);
        assign("bad-6", staff, "GATE/B7", Instant.parse("+200000-01-01T00:00:00Z"), Instant.parse("+200000-01-02T00:00:00Z"))
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withRoles("ops-roster", "ops-import")).contentType(ContentType.JSON)
                .body("{\"staffSubject\":\"x\",\"touchpoint\":\"GATE/B7\",\"from\":\"yesterday\",\"until\":\"today\"}")
                .when().put("/api/staff-assignments/bad-5").then().statusCode(400).contentType("application/problem+json");

        // No bad assignment was stored, so nothing binds this staff member.
        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200);
    }

    @Test
    void aPurposeTheRoleMayNotUseIsRefusedAndRecorded() {
        card("cabin-crew", "CABIN/TP0216", "recognition-by-photo").statusCode(403).contentType("application/problem+json")
                .body("title", is("Purpose not allowed for this role"));
        card("gate-agent", "GATE/A12", "marketing").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("personalised-service"));

        assertThat(recordsOf(staff)).extracting(r -> r.purpose + " " + r.outcome)
                .containsExactly("recognition-by-photo DENIED", "marketing DENIED");
        downstream.verify(0, postRequestedFor(urlEqualTo("/api/card-projections")));
    }

    @Test
    void cabinCrewDoNotEvenAskForThePhoto() {
        card("cabin-crew", "CABIN/TP0216", "personalised-service").statusCode(200);

        downstream.verify(postRequestedFor(urlEqualTo("/api/recognitions"))
                .withHeader("X-Purpose", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "personalised-service,assistance-sharing,proactive-contact")));
    }

    @Test
    void theRecordListsEveryPurposeUnderWhichSomethingWasShown() {
        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("fields.preference-assistance[0].value", is("walking-aid"))
                .body("fields.photo.available", is(true))
                .body("purposes", contains("personalised-service", "assistance-sharing", "recognition-by-photo"));

        assertThat(recordsOf(staff)).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo("SERVED");
            assertThat(List.of(r.purpose.split(","))).containsExactlyInAnyOrder("personalised-service", "assistance-sharing",
                    "recognition-by-photo");
        });
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/access-history").then().statusCode(200)
                .body("looks[0].purpose", containsString("assistance-sharing"));
    }

    @Test
    void aPurposeNothingWasShownUnderIsNotListed() {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"customerId":"%s","preferences":[{"key":"seat.position","category":"seat","value":"aisle",
                          "purpose":"personalised-service","receiptId":"11111111-1111-4111-8111-111111111111"}],
                         "consentedPurposes":["personalised-service"]}""".formatted(customerId))));

        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200);

        assertThat(recordsOf(staff)).singleElement().extracting(r -> r.purpose).isEqualTo("personalised-service");
    }

    @Test
    void withoutProactiveContactAGateCardNamesNoComplaintCategory() {
        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("fields.service-recovery-flag.open", is(true))
                .body("fields.service-recovery-flag.mayApproach", is(false))
                .body("fields.service-recovery-flag.categories", empty())
                .body(not(containsString("delayed-baggage")));

        assertThat(recordsOf(staff)).singleElement().extracting(r -> r.purpose).asString().doesNotContain("proactive-contact");
    }

    @Test
    void withProactiveContactTheGateCardNamesTheCategoryAndTheRecordSaysWhy() {
        recognitionAnswers(List.of("personalised-service", "proactive-contact"));

        card("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("fields.service-recovery-flag.mayApproach", is(true))
                .body("fields.service-recovery-flag.categories", contains("delayed-baggage"));

        assertThat(recordsOf(staff)).singleElement().extracting(r -> r.purpose).asString().contains("proactive-contact");
    }

    @Test
    void whenRecognitionCannotSayTheCardNamesNoCategory() {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse().withStatus(500)));

        card("lounge-host", "LOUNGE/L1", "personalised-service").statusCode(200)
                .body("fields.service-recovery-flag.categories", empty());
    }

    @Test
    void aReusedClientRequestIdNeitherNamesTheRecordsNorBlindsTheRepeatedBreakGlassFinding() {
        String supervisor = "sup-" + UUID.randomUUID();
        String reused = "same-id-" + UUID.randomUUID();
        Set<String> serverIds = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            UUID shown = UUID.randomUUID();
            downstream.stubFor(post(urlPathEqualTo("/api/card-projections/search")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[{\"customerId\":\"%s\",\"givenName\":\"Lea\",\"familyName\":\"Marrow\",\"tier\":\"NONE\"}]".formatted(shown))));
            serverIds.add(given().auth().oauth2(Tokens.withRoles(supervisor, "supervisor")).header("X-Request-Id", reused)
                    .contentType(ContentType.JSON)
                    .body(Map.of("familyName", "Marrow", "justification", JUSTIFICATION, "touchpoint", "GATE/B7",
                            "purpose", "personalised-service"))
                    .when().post("/api/cards/search").then().statusCode(200)
                    .header("X-Correlation-Id", equalTo(reused))
                    .extract().header("X-Request-Id"));
        }

        List<AccessRecord> records = recordsOf(supervisor);
        assertThat(records).hasSize(3);
        assertThat(records).extracting(r -> r.requestId).doesNotContain(reused).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(serverIds);
        given().auth().oauth2(Tokens.withRoles("auditor", "compliance-auditor"))
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofMinutes(1)).toString())
                .when().get("/api/compliance/access-records/unusual").then().statusCode(200)
                .body(containsString("\"rule\":\"repeated-break-glass\",\"staffSubject\":\"" + supervisor));
    }
}
