package io.touchpoint.recognition.recognition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.recognition.consent.ConsentEvent;
import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@RecognitionServiceTest
class RecognitionFlowTest {

    private static final String SERVICE = "personalised-service";
    private static final String SERVICE_AND_ASSISTANCE = "personalised-service,assistance-sharing";

    @Inject
    SessionFactory sessionFactory;

    private Portal customer;

    @BeforeEach
    void aCustomerWithPreferences() {
        customer = Portal.newCustomer();
        customer.setPreferences(Map.of("seat.position", "aisle", "meal.dietary", "vegan",
                "assistance.mobility", "wheelchair-to-gate")).statusCode(200);
    }

    @Test
    void withoutConsentStaffSeeNothing() {
        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE_AND_ASSISTANCE)
                .statusCode(200)
                .body("preferences", empty())
                .body("photo", nullValue());
    }

    @Test
    void aConsentShowsOnlyItsCategoriesToOnlyItsRolesWithItsReceipt() {
        customer.grantAndGetConsentId(SERVICE, List.of("seat"), List.of("gate-agent"), List.of());

        String receipt = customer.recognisedBy("gate-agent", "GATE/A12", SERVICE)
                .statusCode(200)
                .body("preferences.key", contains("seat.position"))
                .body("preferences[0].value", equalTo("aisle"))
                .extract().path("preferences[0].receiptId");
        customer.recognisedBy("lounge-host", "LOUNGE/T5-north", SERVICE).statusCode(200).body("preferences", empty());
        customer.as().when().get("/api/me/receipts/{id}", receipt).then().statusCode(200)
                .body("iso27560.processing.recipientsRoles", contains("gate-agent"));
    }

    @Test
    void aConsentForATouchpointTypeCoversEveryoneWorkingThere() {
        customer.grantAndGetConsentId(SERVICE, List.of("meal"), List.of(), List.of("LOUNGE"));

        customer.recognisedBy("lounge-host", "LOUNGE/T5-north", SERVICE).statusCode(200)
                .body("preferences.key", contains("meal.dietary"));
        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).statusCode(200).body("preferences", empty());
    }

    @Test
    void aWithdrawalTakesEffectOnTheVeryNextCall() {
        String consent = customer.grantAndGetConsentId(SERVICE, List.of("seat"), List.of("gate-agent"), List.of());
        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).body("preferences", hasSize(1));

        customer.withdraw(consent).statusCode(200).body("iso27560.events.type", contains("given", "withdrawn"));

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).statusCode(200).body("preferences", empty());
    }

    @Test
    void assistanceNeedsNeedTheirOwnPurpose() {
        customer.grant(SERVICE, List.of("assistance"), List.of("gate-agent"), List.of())
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("cannot be consented for personalised-service"));
        customer.grantAndGetConsentId("assistance-sharing", List.of("assistance"), List.of("gate-agent"), List.of());

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).body("preferences", empty());
        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE_AND_ASSISTANCE)
                .body("preferences.key", contains("assistance.mobility"));
    }

    @Test
    void anExpiredConsentCountsAsNoneAndIsListedAsPast() {
        Instant granted = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        recordGrant(customer.customerId(), granted, granted.plus(Duration.ofDays(365)));

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).statusCode(200).body("preferences", empty());
        customer.as().when().get("/api/me/consents").then().statusCode(200)
                .body("active", empty())
                .body("past[0].state", equalTo("EXPIRED"));
    }

    @Test
    void aConsentEndingWithinThirtyDaysIsFlaggedForRenewalAndRenewingExtendsIt() {
        Instant granted = Instant.now().minus(700, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        UUID consent = recordGrant(customer.customerId(), granted, Instant.now().plus(10, ChronoUnit.DAYS));

        customer.as().when().get("/api/me/consents").then().statusCode(200)
                .body("expiringSoon.consentId", contains(consent.toString()));
        customer.as().contentType("application/json").body(Map.of("noticeVersion", 1))
                .when().post("/api/me/consents/{id}/renewal", consent).then().statusCode(200)
                .body("iso27560.events.type", contains("given", "renewed"));
        customer.as().when().get("/api/me/consents").then()
                .body("expiringSoon", empty())
                .body("active.consentId", contains(consent.toString()));
    }

    @Test
    void thePreviewShowsEachRoleExactlyWhatRecognitionWouldGiveIt() {
        customer.grantAndGetConsentId(SERVICE, List.of("seat", "meal"), List.of("cabin-crew"), List.of("LOUNGE"));

        customer.as().when().get("/api/me/preview").then().statusCode(200)
                .body("find { it.role == 'cabin-crew' }.preferences.key", org.hamcrest.Matchers.containsInAnyOrder("seat.position", "meal.dietary"))
                .body("find { it.role == 'lounge-host' }.preferences.key", org.hamcrest.Matchers.containsInAnyOrder("seat.position", "meal.dietary"))
                .body("find { it.role == 'gate-agent' }.preferences", empty());
    }

    @Test
    void thePreviewNamesTouchpointsAsTheTabletDoesAndShowsASupervisorWhatAnyTouchpointWould() {
        customer.grantAndGetConsentId(SERVICE, List.of("seat"), List.of(), List.of("CHECK_IN"));

        List<String> names = customer.as().when().get("/api/me/preview").then().statusCode(200)
                .body("find { it.role == 'check-in-agent' }.touchpointType", equalTo("CHECK_IN"))
                .body("find { it.role == 'check-in-agent' }.preferences.key", contains("seat.position"))
                // A supervisor may act at a check-in desk (the gateway's look policy), so they could see it there.
                .body("find { it.role == 'supervisor' }.preferences.key", contains("seat.position"))
                .extract().path("touchpointType");
        assertThat(names).allSatisfy(name -> assertThat(name == null
                || io.touchpoint.support.touchpoint.TouchpointType.names().contains(name)).as(name).isTrue());
    }

    @Test
    void recognitionSaysWhetherProactiveContactIsConsentedForThisRoleAndWhyEachPreferenceIsShown() {
        customer.grantAndGetConsentId("proactive-contact", List.of(), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("assistance-sharing", List.of("assistance"), List.of("gate-agent"), List.of());

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE_AND_ASSISTANCE + ",proactive-contact").statusCode(200)
                .body("consentedPurposes", contains("assistance-sharing", "proactive-contact"))
                .body("preferences.find { it.key == 'assistance.mobility' }.purpose", equalTo("assistance-sharing"));
        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE).statusCode(200)
                .body("consentedPurposes", empty());
        customer.recognisedBy("lounge-host", "LOUNGE/L1", SERVICE + ",proactive-contact").statusCode(200)
                .body("consentedPurposes", empty());
    }

    @Test
    void eachRecognitionIsOneQueryAndOneRecordedReadWhateverTheLedgerSize() {
        for (int i = 0; i < 15; i++) {
            String consent = customer.grantAndGetConsentId(SERVICE, List.of("seat"), List.of("gate-agent"), List.of());
            if (i % 2 == 0) {
                customer.withdraw(consent).statusCode(200);
            }
        }
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE_AND_ASSISTANCE).statusCode(200).body("preferences", hasSize(1));

        // One query to read, one insert to write the relayed read down (ADR 0018).
        assertThat(statistics.getPrepareStatementCount() - before).isEqualTo(2);
    }

    @Test
    void afterErasureRecognitionAnswersNothingAndTheLedgerKeepsTheProof() {
        customer.grantAndGetConsentId(SERVICE, List.of("seat"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());
        customer.as().contentType("image/png").body(io.touchpoint.recognition.support.Images.png(100, 100))
                .when().put("/api/me/photo").then().statusCode(200);
        long ledgerRows = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.count("customerId", customer.customerId()));

        customer.eraseThroughTheGateway().statusCode(200).body("erased", org.hamcrest.Matchers.hasItems("preferences", "photo"));

        customer.recognisedBy("gate-agent", "GATE/A12", SERVICE_AND_ASSISTANCE).statusCode(200).body("preferences", empty());
        customer.as().when().get("/api/me/preferences").then().statusCode(200).body("$", empty());
        customer.as().when().get("/api/me/photo").then().statusCode(404);
        customer.as().when().get("/api/me/consents").then().body("active", empty()).body("past[0].state", equalTo("WITHDRAWN"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ConsentEvent.count("customerId", customer.customerId())))
                .isEqualTo(ledgerRows + 2); // one withdrawal for each of the two consents
    }

    @Test
    void aRecognitionWithoutActingStaffHeadersIsABadRequestNamingEachHeader() {
        io.restassured.RestAssured.given().auth().oauth2(io.touchpoint.testsupport.Tokens.relayedStaff("staff-4711", "gate-agent"))
                .contentType("application/json").body(Map.of("customerId", customer.customerId().toString()))
                .when().post("/api/recognitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", org.hamcrest.Matchers.hasItems(
                        "header X-Acting-Role is required", "header X-Touchpoint is required", "header X-Purpose is required"));
    }

    /** A grant recorded in the past, as if made then (the API only records the present). */
    private static UUID recordGrant(UUID customerId, Instant at, Instant expires) {
        UUID consentId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentEvent event = new ConsentEvent();
            event.id = UUID.randomUUID();
            event.customerId = customerId;
            event.consentId = consentId;
            event.kind = ConsentEvaluation.Kind.GRANT;
            event.purposeKey = SERVICE;
            event.noticeVersion = 1;
            event.categories = "seat";
            event.roles = "gate-agent";
            event.touchpointTypes = "";
            event.recordedAt = at;
            event.expiresAt = expires;
            event.channel = ConsentEvent.Channel.PORTAL;
            event.persist();
        });
        return consentId;
    }
}
