package io.touchpoint.profile.web;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Malformed and hostile input gets a 4xx RFC 9457 problem that says what is wrong: never a 500. */
@ProfileServiceTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification asOps() {
        return given().auth().oauth2(Tokens.opsImport());
    }

    private static ValidatableResponse putCustomer(String body) {
        return asOps().contentType(ContentType.JSON).body(body)
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm")).then();
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        putCustomer("{\"givenName\": \"Ann\", ")
                .statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid JSON body"))
                .body("detail", containsString("not well-formed JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void anUnknownEnumValueListsTheAcceptedValues() {
        putCustomer("{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"tier\":\"DIAMOND\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("tier: must be one of [NONE, SILVER, GOLD, PLATINUM]"));
    }

    @Test
    void anUnknownFieldIsRefusedSoNothingCanBeMassAssigned() {
        putCustomer("{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"tier\":\"GOLD\",\"status\":\"ERASED\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("status: is not a known field"));
    }

    @Test
    void missingFieldsAreListedAsViolations() {
        putCustomer("{}")
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("givenName", "familyName", "tier"));
    }

    @Test
    void aWrongTypeInANestedListSaysWhichElement() {
        asOps().contentType(ContentType.JSON)
                .body("{\"customerExternalId\":\"x\",\"segments\":[{\"carrier\":\"AC\",\"scheduledDeparture\":\"tomorrow\"}]}")
                .when().put("/api/ingest/trips/{id}", Fixtures.externalId("trip"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("segments[0].scheduledDeparture"))
                .body("detail", containsString("ISO-8601"));
    }

    @Test
    void anEscapedNulCharacterInAnyTextIsRefusedBeforeTheDatabaseSeesIt() {
        putCustomer("{\"givenName\":\"Ann\",\"familyName\":\"Lee\\u0000\",\"tier\":\"GOLD\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("familyName: must not contain control characters"));
    }

    @Test
    void aRawControlCharacterIsMalformedJson() {
        putCustomer("{\"givenName\":\"Ann\",\"familyName\":\"Lee\u0001\",\"tier\":\"GOLD\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not well-formed JSON"));
    }

    @Test
    void aTimestampOutsideAnyPlausibleTravelDateIsRefused() {
        String customer = Fixtures.externalId("crm");
        Fixtures.putCustomer(customer, Fixtures.customer("Ann", "Lee"));

        asOps().contentType(ContentType.JSON)
                .body("{\"customerExternalId\":\"" + customer + "\",\"segments\":[{\"carrier\":\"AC\",\"flightNumber\":\"1\","
                        + "\"origin\":\"YUL\",\"destination\":\"FRA\",\"scheduledDeparture\":\"+294276-01-01T00:00:00Z\"}]}")
                .when().put("/api/ingest/trips/{id}", Fixtures.externalId("trip"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("segments[0].scheduledDeparture: must be between 1900 and 2200"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        asOps().contentType(ContentType.JSON)
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm"))
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anExternalIdWithForbiddenCharactersIsABadRequest() {
        asOps().contentType(ContentType.JSON).body(Fixtures.customer("Ann", "Lee"))
                .when().put("/api/ingest/customers/{id}", "bad id;drop")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("externalId"));
    }

    @Test
    void aWrongContentTypeIsUnsupportedMediaType() {
        asOps().contentType(ContentType.TEXT).body("givenName=Ann")
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm"))
                .then().statusCode(415).contentType(PROBLEM).body("status", is(415));
    }

    @Test
    void anOversizeBodyIsRefusedWithPayloadTooLarge() {
        String huge = "{\"givenName\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";

        putCustomer(huge).statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("NDJSON import"));
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        asOps().when().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        asOps().when().delete("/api/ingest/customers/{id}", "crm-1").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void validationProblemsCarryTypeTitleStatusAndDetail() {
        putCustomer("{\"givenName\":\"\",\"familyName\":\"Lee\",\"tier\":\"GOLD\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("status", is(400))
                .body("title", notNullValue())
                .body("violations[0].field", equalTo("givenName"))
                .body("violations[0].message", notNullValue());
    }

    static Stream<Arguments> hostileBodies() {
        List<String> bodies = List.of(
                "", "null", "[]", "42", "\"text\"", "{", "}", "{\"presented\":null}",
                "{\"presented\":{}}", "{\"presented\":{\"type\":null}}", "{\"presented\":{\"type\":42}}",
                "{\"presented\":{\"type\":\"BOARDING_PASS\"}}", "{\"presented\":{\"type\":\"BOARDING_PASS\",\"barcode\":[1,2]}}",
                "{\"presented\":{\"type\":\"BOARDING_PASS\",\"barcode\":\"M1\"}}",
                "{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"' OR 1=1 --\"}}",
                "{\"presented\":{\"type\":\"BOOKING_REFERENCE\",\"bookingReference\":\"ABC123\"}}",
                "{\"givenName\":{\"$gt\":\"\"}}", "{\"identifiers\":[null]}", "{\"tier\":[]}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":" + "1".repeat(5000) + "}",
                "\u0000\u0001\u0002", "{\"givenName\":\"\\uD800\"}");
        List<String[]> endpoints = List.of(
                new String[]{"gateway", "POST", "/api/card-projections"},
                new String[]{"ops", "PUT", "/api/ingest/customers/crm-hostile"},
                new String[]{"ops", "PUT", "/api/ingest/trips/trip-hostile"},
                new String[]{"ops", "PUT", "/api/ingest/service-events/case-hostile"});
        return endpoints.stream().flatMap(e -> bodies.stream().map(b -> Arguments.of(e[0], e[1], e[2], b)));
    }

    @ParameterizedTest(name = "{1} {2} #{index}")
    @MethodSource("hostileBodies")
    void hostileBodiesGetAClientErrorProblemNeverAServerError(String caller, String method, String path, String body) {
        String token = caller.equals("gateway") ? Tokens.relayedStaff("staff-4711", "gate-agent") : Tokens.opsImport();

        given().auth().oauth2(token)
                .header("X-Acting-Role", "gate-agent")
                .header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(body)
                .when().request(method, path)
                .then()
                .statusCode(lessThan(500))
                .statusCode(not(200))
                .contentType(PROBLEM)
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void anNdjsonImportWithAHostileLineReportsItAndKeepsTheGoodOnes() {
        String good = Fixtures.externalId("crm");
        String body = String.join("\n",
                "{\"kind\":\"customer\",\"externalId\":\"" + good + "\",\"record\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"tier\":\"GOLD\"}}",
                "[".repeat(5000),
                "\u0000");

        asOps().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports")
                .then().statusCode(200)
                .body("created", is(1))
                .body("failed", is(2))
                .body("errors.line", hasItems(2, 3));
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("givenName", "Ann", "familyName", "Lee", "tier", "GOLD"))
                .when().put("/api/ingest/customers/{id}", good)
                .then().statusCode(200);
    }
}
