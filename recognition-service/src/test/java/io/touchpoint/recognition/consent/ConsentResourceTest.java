package io.touchpoint.recognition.consent;

import io.restassured.http.ContentType;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@RecognitionServiceTest
class ConsentResourceTest {

    private final Portal customer = Portal.newCustomer();

    @Test
    void aGrantAnswersWithAKantaraAndIso27560Receipt() {
        customer.grant("personalised-service", List.of("seat", "meal"), List.of("gate-agent"), List.of("LOUNGE"))
                .statusCode(201)
                .header("Location", containsString("/api/me/receipts/"))
                .body("consentId", notNullValue())
                .body("receipt.version", equalTo("KI-CR-v1.1.0"))
                .body("receipt.piiPrincipalId", equalTo(customer.customerId().toString()))
                .body("receipt.consentTimestamp", greaterThan(0))
                .body("receipt.piiControllers[0].piiController", notNullValue())
                .body("receipt.services[0].purposes[0].purposeCategory", contains("personalised-service"))
                .body("receipt.services[0].purposes[0].piiCategory", contains("meal", "seat"))
                .body("receipt.sensitive", is(false))
                .body("receipt.iso27560.header.recordId", notNullValue())
                .body("receipt.iso27560.processing.noticeVersion", is(1))
                .body("receipt.iso27560.parties.principal", equalTo(customer.customerId().toString()))
                .body("receipt.iso27560.events.type", contains("given"));
    }

    @Test
    void aConsentNeverRunsOpenEndedAndAtMostTwentyFourMonths() {
        var body = new java.util.HashMap<String, Object>(Map.of("purpose", "personalised-service", "noticeVersion", 1,
                "categories", List.of("seat"), "roles", List.of("gate-agent"), "durationMonths", 25));
        customer.as().contentType(ContentType.JSON).body(body).when().post("/api/me/consents")
                .then().statusCode(400).contentType("application/problem+json");

        String expires = customer.grant("personalised-service", List.of("seat"), List.of("gate-agent"), List.of())
                .statusCode(201).extract().path("receipt.iso27560.processing.validUntil");

        org.assertj.core.api.Assertions.assertThat(Instant.parse(expires))
                .isBetween(Instant.now().plus(729, ChronoUnit.DAYS), Instant.now().plus(732, ChronoUnit.DAYS));
    }

    @Test
    void aGrantForANoticeVersionTheCustomerWasNotShownIsRefused() {
        customer.as().contentType(ContentType.JSON)
                .body(Map.of("purpose", "personalised-service", "noticeVersion", 7, "categories", List.of("seat"), "roles", List.of("gate-agent")))
                .when().post("/api/me/consents")
                .then().statusCode(409).body("detail", containsString("current notice for personalised-service is version 1"));
        customer.as().when().get("/api/me/consents").then().body("active", empty());
    }

    @Test
    void invalidGrantsAreRefusedNamingTheFaultAndNothingIsRecorded() {
        customer.grant("marketing", List.of("seat"), List.of("gate-agent"), List.of())
                .statusCode(400).body("detail", containsString("purpose: must be one of"));
        customer.grant("personalised-service", List.of("seat"), List.of(), List.of())
                .statusCode(400).body("detail", containsString("at least one staff role or touchpoint type"));
        customer.grant("personalised-service", List.of(), List.of("gate-agent"), List.of())
                .statusCode(400).body("detail", containsString("categories"));
        customer.grant("personalised-service", List.of("seat"), List.of("janitor"), List.of())
                .statusCode(400).body("violations[0].field", containsString("roles"));
        customer.grant("personalised-service", List.of("seat"), List.of(), List.of("gate; DROP TABLE consent_event"))
                .statusCode(400);

        customer.as().when().get("/api/me/consents").then().body("active", empty()).body("past", empty());
    }

    @Test
    void withdrawingTwiceIsHarmlessAndKeepsOneWithdrawal() {
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        String first = customer.withdraw(consent).statusCode(200).extract().path("consentReceiptID");
        String second = customer.withdraw(consent).statusCode(200).extract().path("consentReceiptID");

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
        customer.as().when().get("/api/me/consents").then()
                .body("past[0].receipts", hasSize(2))
                .body("past[0].state", equalTo("WITHDRAWN"));
    }

    @Test
    void aWithdrawnConsentCannotBeRenewed() {
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        customer.withdraw(consent).statusCode(200);

        customer.as().contentType(ContentType.JSON).body(Map.of("noticeVersion", 1))
                .when().post("/api/me/consents/{id}/renewal", consent)
                .then().statusCode(409).body("title", equalTo("Consent was withdrawn"));
    }

    @Test
    void aCustomerCannotSeeWithdrawOrRenewAnotherCustomersConsent() {
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        String receipt = customer.as().when().get("/api/me/consents").then().extract().path("active[0].receipts[0]");
        Portal intruder = Portal.newCustomer();

        intruder.withdraw(consent).statusCode(404).contentType("application/problem+json");
        intruder.as().contentType(ContentType.JSON).body(Map.of("noticeVersion", 1))
                .when().post("/api/me/consents/{id}/renewal", consent).then().statusCode(404);
        intruder.as().when().get("/api/me/receipts/{id}", receipt).then().statusCode(404);
        intruder.as().when().get("/api/me/consents").then().body("active", empty());
        customer.as().when().get("/api/me/consents").then().body("active.consentId", contains(consent));
    }

    @Test
    void aTokenWithoutACustomerClaimOrWithAForgedSignatureGetsNothing() {
        given().auth().oauth2(Tokens.withRoles("someone", "customer")).when().get("/api/me/consents")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.signedByAnotherKey("customer")).when().get("/api/me/consents")
                .then().statusCode(401);
    }

    @Test
    void aMalformedConsentIdIsANotFoundProblem() {
        customer.withdraw("not-a-uuid").statusCode(404).contentType("application/problem+json");
        customer.withdraw(UUID.randomUUID().toString()).statusCode(404).body("title", equalTo("Consent not found"));
    }

    @Test
    void theCatalogueListsPurposesWithTheirCurrentNotice() {
        customer.as().when().get("/api/catalogue").then().statusCode(200)
                .body("purposes.key", org.hamcrest.Matchers.hasItems("personalised-service", "assistance-sharing",
                        "recognition-by-photo", "proactive-contact"))
                .body("purposes.find { it.key == 'assistance-sharing' }.specialCategory", is(true))
                .body("purposes.find { it.key == 'personalised-service' }.currentNotice.version", is(1))
                .body("preferences.find { it.key == 'assistance.mobility' }.specialCategory", is(true));
    }
}
