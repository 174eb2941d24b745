package io.touchpoint.recognition.web;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Who asks is proven by the token, not declared in headers (ADR 0015). The attacker holds the gateway's client
 * secret, so they have its client-credentials token, and forge every X-Acting-* header: they must read nothing
 * and erase nothing.
 */
@RecognitionServiceTest
class RelayedAuthorityTest {

    private final Portal customer = Portal.newCustomer();

    @BeforeEach
    void aCustomerWhoSharesTheirSeatWithGateAgents() {
        customer.setPreferences(Map.of("seat.position", "window")).statusCode(200);
        customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent", "supervisor"), List.of());
        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("preferences.value", hasItem("window"));
    }

    private ValidatableResponse recognise(String token, String actingRole) {
        return given().auth().oauth2(token)
                .header("X-Acting-Subject", "staff-4711") // forged, and ignored: the subject comes from the token
                .header("X-Acting-Role", actingRole).header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(Map.of("customerId", customer.customerId().toString()))
                .when().post("/api/recognitions").then();
    }

    @Test
    void gatewaySecretWithForgedHeadersReadsNothing() {
        recognise(Tokens.gateway(), "gate-agent").statusCode(403).contentType("application/problem+json")
                .body(not(containsString("window")));
    }

    @Test
    void gatewaySecretErasesNothing() {
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}", customer.customerId()).then().statusCode(is(not(200)));
        given().auth().oauth2(Tokens.gateway()).when().put("/api/erasures/{id}", UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}/completion", customer.customerId()).then()
                .statusCode(404).body("type", is("urn:touchpoint:problem:erasure-request-unknown"));

        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("preferences.value", hasItem("window"));
    }

    @Test
    void aStaffTokenExchangedForAnotherServiceIsRefused() {
        recognise(Tokens.relayedForAnotherAudience("staff-1", "gate-agent"), "gate-agent").statusCode(401);
    }

    @Test
    void aStaffTokenThatDidNotComeThroughTheGatewayReadsNothing() {
        recognise(Tokens.staffWithoutTheGateway("staff-1", "gate-agent"), "gate-agent").statusCode(403)
                .body("type", is("urn:touchpoint:problem:not-relayed-by-gateway"));
    }

    @Test
    void aHeaderNamingARoleTheTokenDoesNotHoldReadsNothing() {
        // A lounge host's own token, claiming to be a gate agent, whom the customer shares their seat with.
        recognise(Tokens.relayedStaff("staff-1", "lounge-host"), "gate-agent").statusCode(403)
                .body("type", is("urn:touchpoint:problem:acting-role-not-proven")).body(not(containsString("window")));
    }

    @Test
    void aCustomersOwnTokenErasesNothingAroundTheGateway() {
        // The customer calls this service directly with the token their portal holds (its audience includes this
        // service): erasing here would skip the gateway's request, its record and its redaction of justifications.
        customer.as().when().post("/api/me/erasure").then().statusCode(404).contentType("application/problem+json");
        customer.as().when().put("/api/erasures/{id}", UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json").body("type", is("urn:touchpoint:problem:not-relayed-by-gateway"));

        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("preferences.value", hasItem("window"));
        customer.as().when().get("/api/me/consents").then().statusCode(200).body("active.purpose", hasItem("personalised-service"));
    }

    @Test
    void theGatewayCompletesOnlyWhatTheCustomerStarted() {
        UUID request = UUID.randomUUID();
        given().auth().oauth2(Tokens.relayedCustomer(customer.customerId())).when().put("/api/erasures/{id}", request)
                .then().statusCode(200).body("erased", hasItem("preferences"));
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}/completion", request).then().statusCode(200)
                .body("customerId", is(customer.customerId().toString()));
        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service").statusCode(200)
                .body("preferences.value", not(hasItem("window")));
    }
}
