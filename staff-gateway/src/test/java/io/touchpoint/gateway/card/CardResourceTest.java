package io.touchpoint.gateway.card;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.gateway.audit.AccessLog;
import io.touchpoint.gateway.audit.AccessRecord;
import io.touchpoint.gateway.audit.CanonicalRecord;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.LogCapture;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@GatewayTest
class CardResourceTest {

    private static final String SEAT_RECEIPT = "11111111-1111-4111-8111-111111111111";
    private static final String MEAL_RECEIPT = "22222222-2222-4222-8222-222222222222";
    private static final String CONTRACT_CUSTOMER = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e";
    private static final String ASSISTANCE_RECEIPT = "44444444-4444-4444-8444-444444444444";
    private static final String PHOTO_RECEIPT = "33333333-3333-4333-8333-333333333333";

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @Inject
    ScopePolicy policy;

    @Inject
    io.touchpoint.trail.TrailIntegrator integrator;

    @Inject
    io.touchpoint.trail.TrailStore trail;

    private final UUID customerId = UUID.randomUUID();

    @BeforeEach
    void aCustomerWithConsentedPreferences() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(projection())));
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(recognition())));
    }

    /** The shared contract sample (test-support), which profile-service's own tests hold its responses to. */
    private String projection() {
        return Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customerId.toString());
    }

    private String recognition() {
        return """
                {"customerId":"%s","evaluatedAt":"2026-11-23T10:00:00Z","preferences":[
                  {"key":"seat.position","category":"seat","value":"aisle","receiptId":"%s"},
                  {"key":"meal.dietary","category":"meal","value":"vegan","receiptId":"%s"},
                  {"key":"assistance.mobility","category":"assistance","value":"walking-aid","receiptId":"%s"}],
                 "photo":{"available":true,"receiptId":"%s"}}""".formatted(customerId, SEAT_RECEIPT, MEAL_RECEIPT,
                ASSISTANCE_RECEIPT, PHOTO_RECEIPT);
    }

    /** Where each role works (look-policy.yaml); a supervisor may stand anywhere. */
    static final Map<String, String> TOUCHPOINT_OF = Map.of("gate-agent", "GATE/A12", "check-in-agent", "CHECK_IN/D4",
            "lounge-host", "LOUNGE/L1", "cabin-crew", "CABIN/TP0216", "supervisor", "GATE/A12");

    private static ValidatableResponse cardAs(String role) {
        return given().auth().oauth2(Tokens.withRoles("staff-" + role, role))
                .contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", TOUCHPOINT_OF.getOrDefault(role, "GATE/A12"), "purpose", "personalised-service",
                        "device", "tablet-17"))
                .when().post("/api/cards").then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor"})
    void eachRoleGetsExactlyTheFieldsItsScopeLists(String role) {
        Map<String, Object> fields = cardAs(role).statusCode(200)
                .body("policyVersion", is(policy.version()))
                .extract().path("fields");

        assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(policy.visibleTo(role));
    }

    @Test
    void everyCardLeavesExactlyOneRecordWithFieldNamesAndTheReceiptsUsed() {
        String requestId = cardAs("lounge-host").statusCode(200).extract().path("requestId");

        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("requestId", requestId));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.customerId).isEqualTo(customerId);
            assertThat(r.outcome).isEqualTo("SERVED");
            assertThat(Set.of(r.fields.split(","))).isEqualTo(policy.visibleTo("lounge-host"));
            // The lounge host sees meals and the photo, not the seat: only those receipts were used.
            assertThat(r.receipts).contains(MEAL_RECEIPT, PHOTO_RECEIPT).doesNotContain(SEAT_RECEIPT);
            assertThat(r.fields + r.receipts).doesNotContain("vegan", "aisle", "walking-aid", "Desmarais");
            assertThat(r.flightToday).as("the contract's customer flies today").isTrue();
        });
    }

    @Test
    void aFieldWithNothingConsentedIsAbsentNotEmpty() {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"customerId\":\"" + customerId + "\",\"preferences\":[]}")));

        cardAs("supervisor").statusCode(200)
                .body("fields.preference-seat", nullValue())
                .body("fields.photo", nullValue())
                .body("preferencesUnavailable", nullValue())
                .body("fields.greeting.givenName", is("Luc"));
    }

    @Test
    void aConcurrentBurstOfCardsLeavesExactlyOneRecordPerCard() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> statuses =
                new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            statuses.add(pool.submit(() -> given().auth().oauth2(Tokens.withRoles("staff-burst", "gate-agent"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                            "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                    .when().post("/api/cards").then().extract()));
        }
        // The trail's integrator runs throughout, as it does in production.
        java.util.concurrent.atomic.AtomicBoolean cardsRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.Future<?> integrating = pool.submit(() -> {
            while (cardsRunning.get()) {
                integrator.integrate();
            }
            return null;
        });
        long served = 0;
        List<String> requestIds = new java.util.ArrayList<>();
        for (var status : statuses) {
            served += status.get().statusCode() == 200 ? 1 : 0;
            requestIds.add(status.get().header("X-Request-Id"));
        }
        cardsRunning.set(false);
        integrating.get();
        pool.shutdown();
        io.touchpoint.gateway.support.TrailClient.drain(integrator);

        List<UUID> recorded = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>list("requestId in ?1", requestIds)
                .stream().map(r -> r.id).toList());
        assertThat(served).isEqualTo(120);
        assertThat(recorded).hasSize(120);
        // Every committed record has exactly one leaf (entry ids are unique among leaves), and no leaf lacks a record.
        assertThat(recorded).allSatisfy(id -> assertThat(QuarkusTransaction.requiringNew().call(() -> trail.leafOf(id))).isPresent());
    }

    @Test
    void theProfileCallCarriesTheStaffMembersExchangedTokenAndNoActingSubjectHeader() {
        cardAs("gate-agent").statusCode(200);

        downstream.verify(postRequestedFor(urlEqualTo("/api/card-projections"))
                .withoutHeader("X-Acting-Subject")
                .withHeader("X-Acting-Role", equalTo("gate-agent"))
                .withHeader("X-Touchpoint", equalTo("GATE/A12"))
                .withHeader("X-Purpose", equalTo("personalised-service"))
                .withHeader("Authorization", equalTo("Bearer " + io.touchpoint.gateway.support.GatewayOidc.EXCHANGED_FOR_PROFILE))
                .withRequestBody(containing("TP12345678")));
        downstream.verify(postRequestedFor(urlEqualTo("/api/recognitions"))
                .withHeader("Authorization", equalTo("Bearer " + io.touchpoint.gateway.support.GatewayOidc.EXCHANGED_FOR_RECOGNITION))
                .withHeader("X-Purpose", equalTo("personalised-service,assistance-sharing,recognition-by-photo,proactive-contact"))
                .withRequestBody(containing(customerId.toString())));
    }

    @Test
    void whenRecognitionIsDownTheCardCarriesNoPreferencesAndSaysSo() {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse().withStatus(500)));

        cardAs("cabin-crew").statusCode(200)
                .body("preferencesUnavailable", is(true))
                .body("fields.preference-seat", nullValue())
                .body("fields.greeting.familyName", is("Desmarais"));
    }

    @Test
    void aSlowRecognitionIsCutOffWithinItsTimeout() {
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(recognition()).withFixedDelay(3000)));
        long started = System.nanoTime();

        cardAs("gate-agent").statusCode(200).body("preferencesUnavailable", is(true));

        assertThat((System.nanoTime() - started) / 1_000_000).as("well before the 3 s the stub takes").isLessThan(2500);
    }

    @Test
    void whenProfilesAreDownThereIsNoCard() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse().withStatus(503)));

        cardAs("gate-agent").statusCode(503).contentType("application/problem+json")
                .body("title", is("Customer profiles unavailable"));
    }

    @Test
    void anUnknownCustomerIsANotFoundProblemAndTheAttemptIsRecorded() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Customer not found\",\"detail\":\"No customer matches the presented identifier.\"}")));

        String requestId = given().auth().oauth2(Tokens.withRoles("staff-x", "gate-agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP0"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post("/api/cards")
                .then().statusCode(404).body("detail", is("No customer matches the presented identifier."))
                .extract().header("X-Request-Id");

        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("requestId", requestId));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo("NOT_FOUND");
            assertThat(r.customerId).isNull();
        });
    }

    @Test
    void ifTheLookCannotBeRecordedNoCardIsShown() {
        QuarkusMock.installMockForType(new AccessLog(null, null) {
            @Override
            public AccessRecord record(Entry entry) {
                throw new IllegalStateException("database unavailable");
            }
        }, AccessLog.class);

        cardAs("gate-agent").statusCode(503).contentType("application/problem+json")
                .body("title", is("Access could not be recorded"))
                .body("fields", nullValue());
    }

    @Test
    void noIdentifierNameOrPreferenceValueReachesTheLog() {
        try (LogCapture log = LogCapture.everyLogger()) {
            cardAs("supervisor").statusCode(200);
            downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse().withStatus(404)));
            cardAs("gate-agent").statusCode(404);

            log.assertSomeLineContains("POST /api/cards -> 200");
            log.assertNoneReachedTheLog("TP12345678", "Desmarais", "vegan", "aisle", "walking-aid", customerId.toString());
        }
    }

    private static final String JUSTIFICATION = "Passenger collapsed at gate B7; the medical team needs his identity";

    private static ValidatableResponse searchAs(String role, String justification) {
        return given().auth().oauth2(Tokens.withRoles("staff-" + role, role))
                .contentType(ContentType.JSON)
                .body(Map.of("familyName", "Desmarais", "justification", justification, "touchpoint", "GATE/B7",
                        "purpose", "personalised-service"))
                .when().post("/api/cards/search").then();
    }

    @Test
    void aSupervisorsBreakGlassSearchIsRecordedForEveryCustomerItShowsWithTheJustification() {
        UUID other = UUID.randomUUID();
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"customerId":"%s","givenName":"Luc","familyName":"Desmarais","tier":"GOLD"},
                         {"customerId":"%s","givenName":"Lea","familyName":"Desmarais","tier":"NONE"}]""".formatted(customerId, other))));

        searchAs("supervisor", JUSTIFICATION).statusCode(200).body("givenName", org.hamcrest.Matchers.contains("Luc", "Lea"));

        downstream.verify(postRequestedFor(urlEqualTo("/api/card-projections/search"))
                .withoutHeader("X-Break-Glass-Justification")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.justification", equalTo(JUSTIFICATION)))
                .withHeader("X-Acting-Role", equalTo("supervisor")));
        for (UUID shown : List.of(customerId, other)) {
            List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("customerId", shown));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.breakGlassJustification).isEqualTo(JUSTIFICATION);
                assertThat(r.fields).isEqualTo("search-result");
                assertThat(r.role).isEqualTo("supervisor");
            });
        }
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/access-history")
                .then().statusCode(200).body("looks[0].breakGlass", is(true));
    }

    @Test
    void aSupervisorOpensACardFoundByNameWithTheJustificationRecordedAndForwarded() {
        String requestId = given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor"))
                .contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                        "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", JUSTIFICATION))
                .when().post("/api/cards").then().statusCode(200).extract().path("requestId");

        downstream.verify(postRequestedFor(urlEqualTo("/api/card-projections"))
                .withoutHeader("X-Break-Glass-Justification")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.justification", equalTo(JUSTIFICATION))));
        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("requestId", requestId));
        assertThat(records).singleElement().extracting(r -> r.breakGlassJustification).isEqualTo(JUSTIFICATION);
    }

    @Test
    void frontlineStaffCannotOpenACardByCustomerIdAndTheAttemptIsRecorded() {
        given().auth().oauth2(Tokens.withRoles("staff-peek", "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                        "touchpoint", "GATE/A1", "purpose", "personalised-service", "justification", JUSTIFICATION))
                .when().post("/api/cards").then().statusCode(403);

        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessRecord.count("staffSubject = ?1 and outcome = 'DENIED'", "staff-peek")))
                .isEqualTo(1);
        downstream.verify(0, postRequestedFor(urlEqualTo("/api/card-projections")));
    }

    @Test
    void frontlineStaffCannotSearchByNameAndASupervisorNeedsARealJustification() {
        for (String role : List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew")) {
            searchAs(role, JUSTIFICATION).statusCode(403).contentType("application/problem+json");
            List<AccessRecord> attempts = QuarkusTransaction.requiringNew().call(() ->
                    AccessRecord.list("staffSubject = ?1 and outcome = 'DENIED'", "staff-" + role));
            assertThat(attempts).as("the denied attempt of " + role + " is recorded").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.touchpoint).isEqualTo("GATE/B7"));
        }
        searchAs("supervisor", "because").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("justification"));
        downstream.verify(0, postRequestedFor(urlEqualTo("/api/card-projections/search")));
    }

    @Test
    void aSearchThatFindsNobodyIsStillRecorded() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));
        String requestId = given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor"))
                .contentType(ContentType.JSON)
                .body(Map.of("familyName", "Nobody", "justification", JUSTIFICATION, "touchpoint", "GATE/B7",
                        "purpose", "personalised-service"))
                .when().post("/api/cards/search").then().statusCode(200).body("$", org.hamcrest.Matchers.empty())
                .extract().header("X-Request-Id");

        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("requestId", requestId));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo("NOT_FOUND");
            // Nobody was shown, so no erasure could reach the text: the record keeps its SHA-256 only.
            assertThat(r.breakGlassJustification).isEqualTo(AccessRecord.NOT_KEPT);
            assertThat(r.justificationSha256).isEqualTo(CanonicalRecord.justificationSha256(JUSTIFICATION));
        });
    }

    @Test
    void aBreakGlassLookProfileServiceRefusesIsRecordedAsDeniedWithTheJustificationsHash() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:touchpoint:problem:justification-needed\",\"status\":400,\"title\":\"Justification needed\"}")));
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:touchpoint:problem:no-browsing\",\"status\":403,\"title\":\"Refused\"}")));

        String search = searchAs("supervisor", JUSTIFICATION).statusCode(400).contentType("application/problem+json")
                .extract().header("X-Request-Id");
        String card = given().auth().oauth2(Tokens.withRoles("staff-supervisor", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                        "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", JUSTIFICATION))
                .when().post("/api/cards").then().statusCode(403).contentType("application/problem+json")
                .extract().header("X-Request-Id");

        for (String requestId : List.of(search, card)) {
            List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("requestId", requestId));
            assertThat(records).as("the refused break-glass attempt is in the trail").singleElement().satisfies(r -> {
                assertThat(r.outcome).isEqualTo("DENIED");
                assertThat(r.role).isEqualTo("supervisor");
                assertThat(r.customerId).isNull();
                assertThat(r.fields).isEmpty();
                assertThat(r.justificationSha256).isEqualTo(CanonicalRecord.justificationSha256(JUSTIFICATION));
            });
        }
    }

    private static final String EMOJI = "\uD83D\uDEEB"; // one character, two UTF-16 units

    /** What is typed, whether the gateway accepts it, and the text it forwards and records (null when refused). */
    static Stream<Arguments> justificationBoundaries() {
        String thirty = EMOJI.repeat(10) + "x".repeat(20);
        return Stream.of(
                Arguments.of("29 characters, ten of them emoji", EMOJI.repeat(10) + "x".repeat(19), null),
                Arguments.of("30 characters, ten of them emoji", thirty, thirty),
                Arguments.of("29 characters with white space around them", " \t" + "x".repeat(29) + "\n  ", null),
                Arguments.of("30 characters with white space around them", "  " + thirty + "\r\n", thirty),
                Arguments.of("2,000 emoji", EMOJI.repeat(2000), EMOJI.repeat(2000)),
                Arguments.of("2,000 emoji with white space around them", " " + EMOJI.repeat(2000) + "\n", EMOJI.repeat(2000)),
                Arguments.of("2,001 emoji", EMOJI.repeat(2001), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justificationBoundaries")
    void aJustificationIsCountedInCharactersWithoutTheWhiteSpaceAroundIt(String why, String typed, String kept) {
        downstream.stubFor(post(urlEqualTo("/api/card-projections/search")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"customerId\":\"%s\",\"givenName\":\"Luc\",\"familyName\":\"Desmarais\",\"tier\":\"GOLD\"}]"
                        .formatted(customerId))));

        ValidatableResponse answer = searchAs("supervisor", typed);

        if (kept == null) {
            answer.statusCode(400).contentType("application/problem+json").body("violations[0].field", is("justification"));
            downstream.verify(0, postRequestedFor(urlEqualTo("/api/card-projections/search")));
            return;
        }
        answer.statusCode(200);
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/card-projections/search"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.justification", equalTo(kept))));
        List<AccessRecord> records = QuarkusTransaction.requiringNew().call(() -> AccessRecord.list("customerId", customerId));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.breakGlassJustification).isEqualTo(kept);
            assertThat(r.justificationSha256).isEqualTo(CanonicalRecord.justificationSha256(kept));
        });
    }

    @Test
    void onlyFrontlineStaffGetCards() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/cards").then().statusCode(401);
        cardAs("compliance-auditor").statusCode(403);
        cardAs("customer").statusCode(403);
        cardAs("gateway-service").statusCode(403);
    }
}
