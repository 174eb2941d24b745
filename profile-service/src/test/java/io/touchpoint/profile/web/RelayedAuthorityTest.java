package io.touchpoint.profile.web;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Who asks is proven by the token, not declared in headers (ADR 0015). The attacker holds the gateway's client
 * secret (its default is public in the repository), so they have the gateway's client-credentials token, and they
 * forge every X-Acting-* header. They must read nothing and erase nothing.
 */
@ProfileServiceTest
class RelayedAuthorityTest {

    private static final String JUSTIFICATION = "Passenger unwell at gate B7; the medical team needs the booking";

    private UUID customer;
    private String loyalty;

    @BeforeEach
    void aCustomer() {
        loyalty = Fixtures.loyaltyNumber();
        customer = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Oriane", "Vasquez-Lind",
                identifier("LOYALTY_NUMBER", loyalty)));
    }

    private static ValidatableResponse project(String token, String actingRole, Map<String, Object> body) {
        return given().auth().oauth2(token)
                .header("X-Acting-Subject", "staff-4711") // forged, and ignored: the subject comes from the token
                .header("X-Acting-Role", actingRole).header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(body).when().post("/api/card-projections").then();
    }

    private Map<String, Object> byLoyalty() {
        return Map.of("presented", Staff.loyalty(loyalty));
    }

    private Map<String, Object> byCustomerId() {
        return Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customer.toString()), "justification", JUSTIFICATION);
    }

    @Test
    void gatewaySecretWithForgedHeadersReadsNothing() {
        for (String role : new String[] {"gate-agent", "supervisor"}) {
            project(Tokens.gateway(), role, byLoyalty()).statusCode(403).contentType("application/problem+json")
                    .body(not(containsString("Vasquez")));
            project(Tokens.gateway(), role, byCustomerId()).statusCode(403).body(not(containsString("Vasquez")));
        }
        given().auth().oauth2(Tokens.gateway()).header("X-Acting-Role", "supervisor").header("X-Touchpoint", "GATE/B7")
                .header("X-Purpose", "personalised-service").contentType(ContentType.JSON)
                .body(Map.of("familyName", "Vasquez-Lind", "justification", JUSTIFICATION))
                .when().post("/api/card-projections/search").then().statusCode(403).body(not(containsString("Oriane")));
    }

    @Test
    void gatewaySecretErasesNothing() {
        // The old relay named a customer in the path; the gateway's own token may now only complete what a customer started.
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}", customer).then().statusCode(is(not(200)));
        given().auth().oauth2(Tokens.gateway()).when().put("/api/erasures/{id}", UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}/completion", customer).then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:erasure-request-unknown"));

        Staff.project(Staff.loyalty(loyalty)).statusCode(200).body("profile.familyName", is("Vasquez-Lind"));
    }

    @Test
    void aStaffTokenExchangedForAnotherServiceIsRefused() {
        project(Tokens.relayedForAnotherAudience("staff-1", "gate-agent"), "gate-agent", byLoyalty()).statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aStaffTokenThatDidNotComeThroughTheGatewayReadsNothing() {
        project(Tokens.staffWithoutTheGateway("staff-1", "gate-agent"), "gate-agent", byLoyalty()).statusCode(403)
                .body("type", is("urn:touchpoint:problem:not-relayed-by-gateway")).body(not(containsString("Vasquez")));
    }

    @Test
    void aStaffTokenShapedAsKeycloakExchangesItWithRolesInRealmAccessIsBelieved() {
        project(Tokens.relayedStaffFromKeycloak("staff-1", "gate-agent"), "gate-agent", byLoyalty()).statusCode(200)
                .body("profile.familyName", is("Vasquez-Lind"));
        project(Tokens.relayedStaffFromKeycloak("staff-1", "gate-agent"), "supervisor", byCustomerId()).statusCode(403)
                .body("type", is("urn:touchpoint:problem:acting-role-not-proven"));
    }

    @Test
    void aHeaderNamingARoleTheTokenDoesNotHoldReadsNothing() {
        // A gate agent's own exchanged token, claiming to act as supervisor to open a card by customer id.
        project(Tokens.relayedStaff("staff-1", "gate-agent"), "supervisor", byCustomerId()).statusCode(403)
                .body("type", is("urn:touchpoint:problem:acting-role-not-proven")).body(not(containsString("Vasquez")));
        project(Tokens.relayedStaff("staff-1", "gate-agent"), "lounge-host", byLoyalty()).statusCode(403);
    }

    @Test
    void aCustomersOwnTokenErasesNothingAroundTheGateway() {
        // The customer calls this service directly with the token their portal holds (its audience includes this
        // service): erasing here would skip the gateway's request, its record and its redaction of justifications.
        String own = Tokens.customer(customer);
        given().auth().oauth2(own).when().post("/api/me/erasure").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(own).when().put("/api/erasures/{id}", UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json").body("type", is("urn:touchpoint:problem:not-relayed-by-gateway"));

        Staff.project(Staff.loyalty(loyalty)).statusCode(200).body("profile.familyName", is("Vasquez-Lind"));
        given().auth().oauth2(own).when().get("/api/me/export").then().statusCode(200)
                .body("profile.status", is("ACTIVE")).body("profile.familyName", is("Vasquez-Lind"));
    }

    @Test
    void aRelayedCustomerTokenCannotStartAnotherCustomersErasureUnderTheSameRequestId() {
        UUID request = UUID.randomUUID();
        UUID other = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ruth", "Nakamura-Bell",
                identifier("LOYALTY_NUMBER", Fixtures.loyaltyNumber())));
        given().auth().oauth2(Tokens.relayedCustomer(other)).when().put("/api/erasures/{id}", request).then().statusCode(200);
        given().auth().oauth2(Tokens.relayedCustomer(customer)).when().put("/api/erasures/{id}", request).then().statusCode(409)
                .body("type", is("urn:touchpoint:problem:erasure-request-taken"));
        Staff.project(Staff.loyalty(loyalty)).statusCode(200);
    }

    @Test
    void justificationsWithLineBreaksTabsRightToLeftMarksAndEmojiOf2000CharactersWork() {
        String text = "Passenger unwell at gate B7;\nthe medical team\tneeds the booking \u200Fשלום\u200E 🧑‍⚕️ ";
        StringBuilder justification = new StringBuilder(text);
        while (justification.codePointCount(0, justification.length()) < 1990) {
            justification.append("🛫");
        }
        while (justification.codePointCount(0, justification.length()) < 2000) {
            justification.append('.');
        }
        Map<String, Object> body = new HashMap<>(byCustomerId());
        body.put("justification", justification.toString());
        project(Tokens.relayedStaff("staff-9", "supervisor"), "supervisor", body).statusCode(200)
                .body("profile.familyName", is("Vasquez-Lind"));
    }
}
