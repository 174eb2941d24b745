package io.touchpoint.profile.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.HostileInput;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Hostile input on every operation of the OpenAPI document (test-support's HostileInput table) is a 4xx problem or
 * works, never a 500 or a hang; and the bounds that the service-support filters and readers set, shown once here.
 */
@ProfileServiceTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersHostileInputWithAClientErrorProblemOrWorks() {
        List<HostileInput.Operation> operations = HostileInput.operations(
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(operations).hasSizeGreaterThanOrEqualTo(7);
        HostileInput.Report report = HostileInput.sweep(base, operations,
                HostileInput.relayedCallersAnd("customer", "ops-import"));

        assertThat(report.faults()).isEmpty();
        // Every probe came from a caller the operation admits, so it reached the code under test.
        assertThat(report.statuses()).doesNotContainKey(401).containsKey(400);
    }

    @Test
    void aFieldNamedTwiceIsRefusedSoNoCheckAndUseReadDifferentValues() {
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"tier\":\"NONE\",\"tier\":\"PLATINUM\"}")
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("names a field twice"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Ann\",\"familyName\":\"Lee\\uD800\",\"tier\":\"GOLD\"}")
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("familyName: must be valid Unicode (no unpaired surrogates)"));
    }

    @Test
    void rightToLeftMarksEmojiAndOtherScriptsAreAccepted() {
        String externalId = Fixtures.externalId("crm");
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("givenName", "\u202Bمريم\u202C 😀", "familyName", "Łódź-ß", "tier", "GOLD"))
                .when().put("/api/ingest/customers/{id}", externalId)
                .then().statusCode(201);
    }

    @Test
    void aUriLongerThanTheLimitIsA414Problem() {
        given().auth().oauth2(Tokens.opsImport())
                .when().get("/api/ingest/customers/" + "a".repeat(4100))
                .then().statusCode(414).contentType(PROBLEM)
                .body("detail", containsString("4000 characters"));
    }

    @Test
    void aQueryParameterLongerThanTheLimitIsA400ProblemNamingIt() {
        given().auth().oauth2(Tokens.customer(java.util.UUID.randomUUID())).queryParam("cursor", "c".repeat(1001))
                .when().get("/api/me")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:touchpoint:problem:query-parameter-too-long"))
                .body("detail", is("cursor: at most 1000 characters"));
    }

    /** Beyond quarkus.http.limits.max-initial-line-length the HTTP layer answers before any handler: a bare 414. */
    @Test
    void aRequestLineBeyondTheHttpLayersLimitIsABare414() {
        given().when().get("/api/ingest/customers/" + "a".repeat(17_000))
                .then().statusCode(414).body(emptyString());
    }
}
