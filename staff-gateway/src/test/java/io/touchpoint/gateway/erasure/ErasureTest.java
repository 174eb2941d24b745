package io.touchpoint.gateway.erasure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@GatewayTest
class ErasureTest {

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @Inject
    ErasureService erasures;

    private final UUID customerId = UUID.randomUUID();

    @BeforeEach
    void reset() {
        downstream.resetAll();
    }

    private void profileAnswers(int status) {
        String body = status == 404
                ? "{\"type\":\"urn:touchpoint:problem:customer-not-found\",\"status\":404,\"title\":\"Customer not found\"}"
                : "{\"customerId\":\"" + customerId + "\",\"erasedAt\":\"2026-11-23T10:00:00Z\",\"erased\":[\"names\"]}";
        downstream.stubFor(post(urlEqualTo("/api/erasures/" + customerId)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status == 404 ? "application/problem+json" : "application/json").withBody(body)));
    }

    private void recognitionAnswers(int status) {
        downstream.stubFor(post(urlEqualTo("/recognition/api/erasures/" + customerId)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"customerId\":\"" + customerId + "\",\"erased\":[\"preferences\",\"photo\"]}")));
    }

    @Test
    void oneRequestErasesEverywhereAndTheCombinedReceiptListsEveryService() {
        profileAnswers(200);
        recognitionAnswers(200);

        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200)
                .body("complete", is(true))
                .body("customerId", is(customerId.toString()))
                .body("services.service", hasItems("profile-service", "recognition-service"))
                .body("services.find { it.service == 'profile-service' }.receipt.erased", hasItems("names"))
                .body("services.find { it.service == 'recognition-service' }.receipt.erased", hasItems("preferences", "photo"))
                .body("kept[0]", containsString("pseudonymous"));
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/erasures/" + customerId)));
        downstream.verify(1, postRequestedFor(urlEqualTo("/recognition/api/erasures/" + customerId)));
    }

    @Test
    void aServiceThatIsDownIsRetriedUntilItConfirmsAndTheCustomerSeesWhereItStands() {
        profileAnswers(200);
        recognitionAnswers(503);

        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(202)
                .body("complete", is(false))
                .body("services.find { it.service == 'profile-service' }.status", is("DONE"))
                .body("services.find { it.service == 'recognition-service' }.status", is("PENDING"))
                .body("services.find { it.service == 'recognition-service' }.lastError", containsString("503"));

        erasures.attemptDue(Instant.now().plus(1, ChronoUnit.HOURS), null); // still down
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/erasure").then().statusCode(200)
                .body("complete", is(false)).body("services.find { it.service == 'recognition-service' }.attempts", is(2));

        recognitionAnswers(200);
        erasures.attemptDue(Instant.now().plus(2, ChronoUnit.HOURS), null);
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/erasure").then().statusCode(200)
                .body("complete", is(true))
                .body("services.find { it.service == 'recognition-service' }.status", is("DONE"))
                .body("services.find { it.service == 'recognition-service' }.lastError", nullValue());
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/erasures/" + customerId)));
    }

    @Test
    void a404ThatIsNotTheServiceSayingItHasNoSuchCustomerIsAFailureNotAnErasure() {
        downstream.stubFor(post(urlEqualTo("/api/erasures/" + customerId)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>")));
        recognitionAnswers(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(202)
                .body("services.find { it.service == 'profile-service' }.status", is("PENDING"))
                .body("services.find { it.service == 'profile-service' }.lastError", containsString("404"));
    }

    @Test
    void aServiceThatNeverHeldTheCustomerCountsAsDoneAndOthersSeeNothing() {
        profileAnswers(404);
        recognitionAnswers(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure").then().statusCode(200)
                .body("services.find { it.service == 'profile-service' }.receipt.nothingHeld", is(true));

        given().auth().oauth2(Tokens.customer(UUID.randomUUID())).when().get("/api/me/erasure").then().statusCode(404)
                .body("type", is("urn:touchpoint:problem:no-erasure-request"));
        given().auth().oauth2(Tokens.withRoles("staff-1", "supervisor")).when().post("/api/me/erasure").then().statusCode(403);
    }
}
