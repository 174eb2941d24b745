package io.touchpoint.profile.card;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

@ProfileServiceTest
class BreakGlassSearchTest {

    private static final String JUSTIFICATION = "Passenger collapsed at gate B7, medical team needs identity";

    private static ValidatableResponse search(String role, String justification, Map<String, String> body) {
        Map<String, String> withJustification = new java.util.HashMap<>(body);
        if (justification != null) {
            withJustification.put("justification", justification);
        }
        return given().auth().oauth2(Tokens.relayedStaff("staff-9", role)).header("X-Acting-Role", role)
                .header("X-Touchpoint", "GATE/B7").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(withJustification).when().post("/api/card-projections/search").then();
    }

    @Test
    void aSupervisorWithAJustificationFindsActiveCustomersByFamilyNameInAnyCase() {
        String family = "Zabrowski" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ada", family));
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ben", family));

        search("supervisor", JUSTIFICATION, Map.of("familyName", family.toUpperCase()))
                .statusCode(200).body("givenName", contains("Ada", "Ben"));
        search("supervisor", JUSTIFICATION, Map.of("familyName", family, "givenName", "be"))
                .statusCode(200).body("givenName", contains("Ben"));
    }

    @Test
    void frontlineRolesCannotSearchByName() {
        for (String role : new String[]{"gate-agent", "check-in-agent", "lounge-host", "cabin-crew"}) {
            search(role, JUSTIFICATION, Map.of("familyName", "Desmarais"))
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("find customers from what they present"));
        }
    }

    @Test
    void aSearchWithoutARealJustificationIsRefused() {
        search("supervisor", null, Map.of("familyName", "Desmarais")).statusCode(400);
        search("supervisor", "because", Map.of("familyName", "Desmarais")).statusCode(400)
                .body("detail", containsString("at least 30 characters"));
    }

    @Test
    void onlyAStaffTokenRelayedByTheGatewayMaySearch() {
        // A supervisor's token issued to another client than the gateway: nothing would record the look.
        given().auth().oauth2(Tokens.staffWithoutTheGateway("sup", "supervisor")).header("X-Acting-Role", "supervisor")
                .header("X-Touchpoint", "GATE/B7").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(Map.of("familyName", "Desmarais", "justification", JUSTIFICATION))
                .when().post("/api/card-projections/search").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.is("urn:touchpoint:problem:not-relayed-by-gateway"));
    }

    private static ValidatableResponse openCard(String role, String justification, UUID customerId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()));
        if (justification != null) {
            body.put("justification", justification);
        }
        return given().auth().oauth2(Tokens.relayedStaff("staff-9", role)).header("X-Acting-Role", role)
                .header("X-Touchpoint", "GATE/B7").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(body).when().post("/api/card-projections").then();
    }

    @Test
    void aSupervisorMayOpenAFoundCustomersCardOnlyWithAJustification() {
        UUID id = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ada", "Pickedson"));

        openCard("supervisor", JUSTIFICATION, id).statusCode(200).body("profile.familyName", org.hamcrest.Matchers.is("Pickedson"));
        openCard("supervisor", null, id).statusCode(400);
        openCard("gate-agent", JUSTIFICATION, id).statusCode(403);
        openCard("supervisor", JUSTIFICATION, UUID.randomUUID()).statusCode(404);
    }

    @Test
    void erasedCustomersAreNotFound() {
        String family = "Erasedson" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        UUID id = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Eve", family));
        Fixtures.eraseThroughTheGateway(id).statusCode(200);

        search("supervisor", JUSTIFICATION, Map.of("familyName", family)).statusCode(200).body("$", empty());
    }
}
