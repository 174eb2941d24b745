package io.touchpoint.gateway.erasure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking to be erased again while a request is open answers with that request: one open request per customer.
 * Asking again offers the open request once more, with the customer's authority, to a service that has not
 * confirmed; a service that confirmed is never asked again.
 */
@GatewayTest
class RepeatedErasureTest {

    @DownstreamStubs.Inject
    WireMockServer downstream;

    private final UUID customerId = UUID.randomUUID();

    private static final String PROFILE_ACCEPT = "/api/erasures/[0-9a-f-]{36}";
    private static final String RECOGNITION_ACCEPT = "/recognition/api/erasures/[0-9a-f-]{36}";

    @BeforeEach
    void profileConfirmsAndRecognitionIsDown() {
        downstream.resetAll();
        downstream.stubFor(put(urlMatching(PROFILE_ACCEPT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"" + customerId + "\"}")));
        downstream.stubFor(put(urlMatching(RECOGNITION_ACCEPT)).willReturn(aResponse().withStatus(503)));
    }

    private String erase() {
        return given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(202).extract().path("requestId");
    }

    private long requestsStored() {
        return QuarkusTransaction.requiringNew().call(() -> ErasureRequest.count("customerId", customerId));
    }

    @Test
    void askingAgainWhileARequestIsOpenAnswersWithThatRequestAndAsksNoConfirmedServiceAgain() {
        String first = erase();

        for (int i = 0; i < 5; i++) {
            assertThat(erase()).isEqualTo(first);
        }

        assertThat(requestsStored()).isEqualTo(1);
        // Six clicks are one request: the confirmed part is never asked again; the part recognition never
        // accepted is offered once per click, since only the customer's own token can start it there.
        downstream.verify(1, putRequestedFor(urlMatching(PROFILE_ACCEPT)));
        downstream.verify(6, putRequestedFor(urlMatching(RECOGNITION_ACCEPT)));
    }

    @Test
    void requestsRacingFromManyClientsStoreOneRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = IntStream.range(0, 16).mapToObj(i -> pool.submit(this::erase)).toList();
            List<String> ids = answers.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();

            assertThat(ids).hasSize(1);
            assertThat(requestsStored()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onceEveryServiceConfirmedANewRequestCanBeMade() {
        downstream.stubFor(put(urlMatching(RECOGNITION_ACCEPT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"" + customerId + "\"}")));
        String first = given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(200).extract().path("requestId");

        String second = given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(200).extract().path("requestId");

        assertThat(second).isNotEqualTo(first);
        assertThat(requestsStored()).isEqualTo(2);
    }
}
