package io.touchpoint.profile.relay;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Every customer this service shows to a relayed staff token is written down with the token's subject and the
 * gateway's request id, so the gateway can find a read that no access record covers (ADR 0018). The attacker
 * here holds the gateway's client secret and a live staff sign-in: they can read, but not without a trace.
 */
@ProfileServiceTest
class RelayedReadsTest {

    private static final String JUSTIFICATION = "Passenger unwell at gate B7; the medical team needs the booking";

    private static long newest() {
        return given().auth().oauth2(Tokens.gateway()).queryParam("settledSeconds", 0).queryParam("after", 0)
                .queryParam("limit", 1000).when().get("/api/relayed-reads").then().statusCode(200).extract().jsonPath().getLong("next");
    }

    private static List<Map<String, Object>> readsAfter(long after) {
        return given().auth().oauth2(Tokens.gateway()).queryParam("settledSeconds", 0).queryParam("after", after)
                .when().get("/api/relayed-reads").then().statusCode(200).extract().jsonPath().getList("reads");
    }

    @Test
    void aCardProjectionIsRecordedWithTheTokensSubjectAndTheGatewaysRequestIdNotTheForgedHeader() {
        String loyalty = Fixtures.loyaltyNumber();
        UUID customer = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Oriane", "Vasquez-Lind",
                identifier("LOYALTY_NUMBER", loyalty)));
        long before = newest();
        String requestId = UUID.randomUUID().toString();

        projectUnder(requestId, loyalty).statusCode(200);

        List<Map<String, Object>> reads = readsAfter(before);
        assertThat(reads).hasSize(1);
        Map<String, Object> read = reads.getFirst();
        assertThat(read).containsEntry("operation", "card-projection").containsEntry("staffSubject", "staff-4711")
                .containsEntry("role", "gate-agent").containsEntry("gatewayRequestId", requestId)
                .containsEntry("customerId", customer.toString());
    }

    @Test
    void aReplayedRequestIdForTheSameCustomerIsRefusedSoNoReadHidesBehindAnotherLooksRecord() {
        String loyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Tove", "Arnesen", identifier("LOYALTY_NUMBER", loyalty)));
        String requestId = UUID.randomUUID().toString();
        long before = newest();

        projectUnder(requestId, loyalty).statusCode(200);
        projectUnder(requestId, loyalty).statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("urn:touchpoint:problem:request-id-reused"))
                .body(org.hamcrest.Matchers.not(containsString("Arnesen")));

        assertThat(readsAfter(before)).hasSize(1);
    }

    @Test
    void aCardsRequestIdCannotBeReusedForAnotherCustomerEither() {
        String first = Fixtures.loyaltyNumber();
        String second = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ulla", "Brekke", identifier("LOYALTY_NUMBER", first)));
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Vidar", "Strand", identifier("LOYALTY_NUMBER", second)));
        String requestId = UUID.randomUUID().toString();

        projectUnder(requestId, first).statusCode(200);
        projectUnder(requestId, second).statusCode(409).body(org.hamcrest.Matchers.not(containsString("Strand")));
    }

    private static io.restassured.response.ValidatableResponse projectUnder(String requestId, String loyalty) {
        return given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent"))
                .header("X-Acting-Subject", "someone-else") // forged and ignored: the subject is the token's
                .header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .header("X-Request-Id", requestId).contentType(ContentType.JSON).body(Map.of("presented", Staff.loyalty(loyalty)))
                .when().post("/api/card-projections").then();
    }

    @Test
    void aReadWithoutTheGatewaysRequestIdIsRecordedAllTheSame() {
        String loyalty = Fixtures.loyaltyNumber();
        UUID customer = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Piet", "Olander",
                identifier("LOYALTY_NUMBER", loyalty)));
        long before = newest();

        Staff.project(Staff.loyalty(loyalty)).statusCode(200);

        List<Map<String, Object>> reads = readsAfter(before);
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read).containsEntry("customerId", customer.toString()).containsEntry("staffSubject", "staff-4711");
            assertThat(read.get("gatewayRequestId")).isNull();
        });
    }

    @Test
    void everyCustomerABreakGlassSearchShowsIsRecordedAndAMissRecordsNothing() {
        String family = "Quellmann" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        UUID ada = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ada", family));
        UUID ben = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ben", family));
        long before = newest();

        search(family).statusCode(200);
        search(family + "nobody").statusCode(200);

        List<Map<String, Object>> reads = readsAfter(before);
        assertThat(reads).extracting(r -> r.get("customerId")).containsExactly(ada.toString(), ben.toString());
        assertThat(reads).allSatisfy(r -> assertThat(r).containsEntry("operation", "break-glass-search")
                .containsEntry("staffSubject", "supervisor-2").containsEntry("role", "supervisor"));
    }

    @Test
    void nothingShownIsNothingRecorded() {
        long before = newest();
        Staff.project(Staff.loyalty(Fixtures.loyaltyNumber())).statusCode(404);
        assertThat(readsAfter(before)).isEmpty();
    }

    @Test
    void aFreshReadWaitsUntilItHasSettledAndPagesFollowTheCursor() {
        String loyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Rune", "Tallqvist", identifier("LOYALTY_NUMBER", loyalty)));
        long before = newest();
        Staff.project(Staff.loyalty(loyalty)).statusCode(200);
        Staff.project(Staff.loyalty(loyalty)).statusCode(200);

        // The default waits two minutes for the gateway's record: nothing this young is listed.
        JsonPath unsettled = given().auth().oauth2(Tokens.gateway()).queryParam("after", before).when().get("/api/relayed-reads")
                .then().statusCode(200).extract().jsonPath();
        assertThat(unsettled.getList("reads")).isEmpty();
        assertThat(unsettled.getLong("next")).isEqualTo(before);

        JsonPath first = given().auth().oauth2(Tokens.gateway()).queryParam("after", before).queryParam("settledSeconds", 0)
                .queryParam("limit", 1).when().get("/api/relayed-reads").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("reads")).hasSize(1);
        assertThat(readsAfter(first.getLong("next"))).hasSize(1);
    }

    @Test
    void onlyTheGatewaysServiceAccountListsReads() {
        for (String token : List.of(Tokens.relayedStaff("staff-1", "supervisor"), Tokens.withRoles("auditor-1", "auditor"),
                Tokens.customer(UUID.randomUUID()), Tokens.opsImport(), Tokens.relayedCustomer(UUID.randomUUID()))) {
            given().auth().oauth2(token).when().get("/api/relayed-reads").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().get("/api/relayed-reads").then().statusCode(401);
    }

    @Test
    void outOfRangeListingsAreTheCallersProblem() {
        for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of("after", -1), Map.of("limit", 0),
                Map.of("limit", 100_000), Map.of("settledSeconds", -5), Map.of("after", "x"), Map.of("limit", "ten"), Map.of("settledSeconds", "1.5"))) {
            given().auth().oauth2(Tokens.gateway()).queryParams(params).when().get("/api/relayed-reads").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aMalformedGatewayRequestIdIsRefusedBeforeAnythingIsRead() {
        String loyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Saga", "Ulvestad", identifier("LOYALTY_NUMBER", loyalty)));
        given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent"))
                .header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .header("X-Request-Id", "no spaces allowed").contentType(ContentType.JSON).body(Map.of("presented", Staff.loyalty(loyalty)))
                .when().post("/api/card-projections").then().statusCode(400).body(containsString("X-Request-Id"))
                .body(org.hamcrest.Matchers.not(containsString("Ulvestad")));
    }

    private static io.restassured.response.ValidatableResponse search(String family) {
        return given().auth().oauth2(Tokens.relayedStaff("supervisor-2", "supervisor")).header("X-Acting-Role", "supervisor")
                .header("X-Touchpoint", "GATE/B7").header("X-Purpose", "personalised-service").header("X-Request-Id", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("familyName", family, "justification", JUSTIFICATION))
                .when().post("/api/card-projections/search").then();
    }
}
