package io.touchpoint.profile.card;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
                .body("violations[0].field", org.hamcrest.Matchers.is("justification"));
    }

    private static final String EMOJI = "\uD83D\uDEEB"; // one character, two UTF-16 units

    /** What the gateway forwards, and whether this service takes it: the same rule as the gateway's (service-support). */
    static Stream<Arguments> justificationBoundaries() {
        return Stream.of(
                Arguments.of("29 characters, ten of them emoji (39 UTF-16 units)", EMOJI.repeat(10) + "x".repeat(19), false),
                Arguments.of("30 characters, ten of them emoji", EMOJI.repeat(10) + "x".repeat(20), true),
                Arguments.of("29 characters with white space around them", " \t" + "x".repeat(29) + "\n  ", false),
                Arguments.of("30 characters with white space around them", "  " + "x".repeat(30) + "\r\n", true),
                Arguments.of("2,000 emoji", EMOJI.repeat(2000), true),
                Arguments.of("2,000 emoji with white space around them", " " + EMOJI.repeat(2000) + "\n", true),
                Arguments.of("2,001 emoji", EMOJI.repeat(2001), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justificationBoundaries")
    void aJustificationIsCountedInCharactersWithoutTheWhiteSpaceAroundIt(String why, String justification, boolean taken) {
        UUID id = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ada", "Boundson"));

        search("supervisor", justification, Map.of("familyName", "Boundson")).statusCode(taken ? 200 : 400);
        openCard("supervisor", justification, id).statusCode(taken ? 200 : 400);
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
