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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Asking to be erased again while a request is open answers with that request: one open request per customer. */
@GatewayTest
class RepeatedErasureTest {

    @DownstreamStubs.Inject
    WireMockServer downstream;

    private final UUID customerId = UUID.randomUUID();

    @BeforeEach
    void profileConfirmsAndRecognitionIsDown() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/erasures/" + customerId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"" + customerId + "\"}")));
        downstream.stubFor(post(urlEqualTo("/recognition/api/erasures/" + customerId)).willReturn(aResponse().withStatus(503)));
    }

    private String erase() {
        return given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(202).extract().path("requestId");
    }

    private long requestsStored() {
        return QuarkusTransaction.requiringNew().call(() -> ErasureRequest.count("customerId", customerId));
    }

    @Test
    void askingAgainWhileARequestIsOpenAnswersWithThatRequestAndCallsNoServiceAgain() {
        String first = erase();

        for (int i = 0; i < 5; i++) {
            assertThat(erase()).isEqualTo(first);
        }

        assertThat(requestsStored()).isEqualTo(1);
        // The pending part stays on its retry schedule: five more clicks are not five more calls.
        downstream.verify(1, postRequestedFor(urlEqualTo("/recognition/api/erasures/" + customerId)));
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/erasures/" + customerId)));
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
        downstream.stubFor(post(urlEqualTo("/recognition/api/erasures/" + customerId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"" + customerId + "\"}")));
        String first = given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(200).extract().path("requestId");

        String second = given().auth().oauth2(Tokens.customer(customerId)).when().post("/api/me/erasure")
                .then().statusCode(200).extract().path("requestId");

        assertThat(second).isNotEqualTo(first);
        assertThat(requestsStored()).isEqualTo(2);
    }
}
