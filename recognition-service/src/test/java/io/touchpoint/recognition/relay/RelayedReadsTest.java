package io.touchpoint.recognition.relay;

import io.restassured.http.ContentType;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Each recognition answered for a relayed staff token is written down for the gateway's reconciliation (ADR 0018). */
@RecognitionServiceTest
class RelayedReadsTest {

    private static long newest() {
        return given().auth().oauth2(Tokens.gateway()).queryParam("settledSeconds", 0).queryParam("limit", 1000)
                .when().get("/api/relayed-reads").then().statusCode(200).extract().jsonPath().getLong("next");
    }

    @Test
    void aRecognitionIsRecordedWithTheTokensSubjectTheRoleAndTheGatewaysRequestId() {
        Portal customer = Portal.newCustomer();
        long before = newest();
        String requestId = UUID.randomUUID().toString();

        given().auth().oauth2(Tokens.relayedStaff("staff-8080", "lounge-host")).header("X-Acting-Role", "lounge-host")
                .header("X-Touchpoint", "LOUNGE/L1").header("X-Purpose", "personalised-service").header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(Map.of("customerId", customer.customerId().toString()))
                .when().post("/api/recognitions").then().statusCode(200);

        List<Map<String, Object>> reads = given().auth().oauth2(Tokens.gateway()).queryParam("settledSeconds", 0)
                .queryParam("after", before).when().get("/api/relayed-reads").then().statusCode(200).extract().jsonPath().getList("reads");
        assertThat(reads).singleElement().satisfies(read -> assertThat(read).containsEntry("operation", "recognition")
                .containsEntry("staffSubject", "staff-8080").containsEntry("role", "lounge-host")
                .containsEntry("gatewayRequestId", requestId).containsEntry("customerId", customer.customerId().toString()));
    }

    @Test
    void aStaffTokenCannotListReads() {
        given().auth().oauth2(Tokens.relayedStaff("staff-8080", "supervisor")).when().get("/api/relayed-reads").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
