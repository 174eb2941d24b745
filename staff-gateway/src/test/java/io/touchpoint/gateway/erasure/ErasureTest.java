package io.touchpoint.gateway.erasure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayOidc;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * One erasure request for every service, carried with the customer's own authority: their token, exchanged for
 * each service, starts it there; the gateway's retries (its own token) can only complete what a service accepted.
 */
@GatewayTest
class ErasureTest {

    private static final String PROFILE_ACCEPT = "/api/erasures/[0-9a-f-]{36}";
    private static final String RECOGNITION_ACCEPT = "/recognition/api/erasures/[0-9a-f-]{36}";

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @Inject
    ErasureService erasures;

    private final UUID customerId = UUID.randomUUID();

    @BeforeEach
    void reset() {
        downstream.resetAll();
    }

    private String receipt(String erased) {
        return "{\"customerId\":\"" + customerId + "\",\"erasedAt\":\"2026-11-23T10:00:00Z\",\"erased\":[" + erased + "]}";
    }

    /** profile-service's answer to the customer's exchanged token (and only to it). */
    private void profileAccepts(int status) {
        String body = status == 404
                ? "{\"type\":\"urn:touchpoint:problem:customer-not-found\",\"status\":404,\"title\":\"Customer not found\"}"
                : receipt("\"names\"");
        downstream.stubFor(put(urlMatching(PROFILE_ACCEPT))
                .withHeader("Authorization", equalTo("Bearer " + GatewayOidc.EXCHANGED_FOR_PROFILE))
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", status == 404 ? "application/problem+json" : "application/json").withBody(body)));
    }

    private void recognitionAccepts(int status) {
        downstream.stubFor(put(urlMatching(RECOGNITION_ACCEPT))
                .withHeader("Authorization", equalTo("Bearer " + GatewayOidc.EXCHANGED_FOR_RECOGNITION))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(receipt("\"preferences\",\"photo\""))));
    }

    private void recognitionCompletes(int status, String problemType) {
        downstream.stubFor(post(urlMatching(RECOGNITION_ACCEPT + "/completion")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", problemType == null ? "application/json" : "application/problem+json")
                .withBody(problemType == null ? receipt("\"preferences\",\"photo\"")
                        : "{\"type\":\"" + problemType + "\",\"status\":" + status + ",\"title\":\"No\"}")));
    }

    @Test
    void oneRequestErasesEverywhereWithTheCustomersOwnExchangedToken() {
        profileAccepts(200);
        recognitionAccepts(200);

        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200)
                .body("complete", is(true))
                .body("customerId", is(customerId.toString()))
                .body("services.service", hasItems("profile-service", "recognition-service"))
                .body("services.find { it.service == 'profile-service' }.receipt.erased", hasItems("names"))
                .body("services.find { it.service == 'recognition-service' }.receipt.erased", hasItems("preferences", "photo"))
                .body("kept[0]", containsString("pseudonymous"));
        downstream.verify(1, putRequestedFor(urlMatching(PROFILE_ACCEPT)));
        downstream.verify(1, putRequestedFor(urlMatching(RECOGNITION_ACCEPT)));
        downstream.verify(0, postRequestedFor(urlMatching(".*/completion")));
    }

    @Test
    void aPartTheServiceAcceptedIsCompletedByRetriesThatCarryOnlyTheGatewaysOwnToken() {
        profileAccepts(200);
        recognitionAccepts(503); // accepted, then failed while erasing
        recognitionCompletes(503, null);

        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(202)
                .body("complete", is(false))
                .body("services.find { it.service == 'profile-service' }.status", is("DONE"))
                .body("services.find { it.service == 'recognition-service' }.status", is("PENDING"))
                .body("services.find { it.service == 'recognition-service' }.lastError", containsString("503"));

        erasures.attemptDue(Instant.now().plus(1, ChronoUnit.HOURS), null); // still failing
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/erasure").then().statusCode(200)
                .body("complete", is(false)).body("services.find { it.service == 'recognition-service' }.attempts", is(2));

        recognitionCompletes(200, null);
        erasures.attemptDue(Instant.now().plus(2, ChronoUnit.HOURS), null);
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/erasure").then().statusCode(200)
                .body("complete", is(true))
                .body("services.find { it.service == 'recognition-service' }.status", is("DONE"))
                .body("services.find { it.service == 'recognition-service' }.lastError", nullValue());
        // Retries never start an erasure: one PUT per service (the customer's), completions with the gateway's own token.
        downstream.verify(1, putRequestedFor(urlMatching(PROFILE_ACCEPT)));
        downstream.verify(1, putRequestedFor(urlMatching(RECOGNITION_ACCEPT)));
        downstream.verify(2, postRequestedFor(urlMatching(RECOGNITION_ACCEPT + "/completion"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withHeader("Authorization", notContaining(GatewayOidc.EXCHANGED_FOR_RECOGNITION)));
    }

    @Test
    void aPartNoServiceAcceptedWaitsForTheCustomerWhoseNextRequestOffersItAgain() {
        profileAccepts(200);
        // recognition-service was unreachable while the customer asked: nothing there accepted the request.
        recognitionCompletes(404, "urn:touchpoint:problem:erasure-request-unknown");

        String requestId = given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(202)
                .extract().path("requestId");
        erasures.attemptDue(Instant.now().plus(1, ChronoUnit.HOURS), null);
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/erasure").then().statusCode(200)
                .body("complete", is(false))
                .body("services.find { it.service == 'recognition-service' }.lastError", containsString("not accepted"));

        recognitionAccepts(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200)
                .body("requestId", is(requestId)).body("complete", is(true));
        downstream.verify(1, putRequestedFor(urlMatching(PROFILE_ACCEPT)));
    }

    @Test
    void a404ThatIsNotTheServiceSayingItHasNoSuchCustomerIsAFailureNotAnErasure() {
        downstream.stubFor(put(urlMatching(PROFILE_ACCEPT)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>")));
        recognitionAccepts(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(202)
                .body("services.find { it.service == 'profile-service' }.status", is("PENDING"))
                .body("services.find { it.service == 'profile-service' }.lastError", containsString("404"));
    }

    @Test
    void aServiceThatNeverHeldTheCustomerCountsAsDoneAndOthersSeeNothing() {
        profileAccepts(404);
        recognitionAccepts(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200)
                .body("services.find { it.service == 'profile-service' }.receipt.nothingHeld", is(true));

        given().auth().oauth2(Tokens.customer(UUID.randomUUID())).when().get("/api/me/erasure").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:no-erasure-request"));
        given().auth().oauth2(Tokens.withRoles("staff-1", "supervisor")).when().post("/api/me/erasure").then().statusCode(403);
    }
}
