package io.touchpoint.gateway.downstream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * One caller's input is that caller's answer, never everyone's outage (architecture rule 14): free text travels
 * in bodies, and refusals never count as failures on the shared circuit breakers.
 */
@GatewayTest
class CircuitBreakerTest {

    private static final String CONTRACT_CUSTOMER = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e";
    /** Line breaks, a tab, right-to-left marks and emoji, filled up to 2,000 characters. */
    private static final String JUSTIFICATION;

    static {
        StringBuilder text = new StringBuilder("Passenger unwell at gate B7.\nThe medical team\tneeds the booking.\r\n"
                + "\u200Fהנוסע חש ברע\u200E 🧑‍⚕️🛫 — ");
        while (text.length() < 2000) {
            text.append("line ").append(text.length()).append('\n');
        }
        JUSTIFICATION = text.substring(0, 2000);
    }

    @DownstreamStubs.Inject
    WireMockServer downstream;

    private final UUID customerId = UUID.randomUUID();

    @BeforeEach
    void servicesThatAnswer() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customerId.toString()))));
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"customerId":"%s","evaluatedAt":"2026-11-23T10:00:00Z","preferences":[
                          {"key":"seat.position","category":"seat","value":"aisle","receiptId":"%s"}]}""".formatted(customerId, UUID.randomUUID()))));
    }

    private ValidatableResponse gateAgentsCard() {
        return given().auth().oauth2(Tokens.withRoles("staff-gate", "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post("/api/cards").then();
    }

    @Test
    void fiftyMultiLineBreakGlassRequestsThenAGateAgentsCardIsServed() {
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor")).contentType(ContentType.JSON)
                    .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                            "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", JUSTIFICATION))
                    .when().post("/api/cards").then().statusCode(200).body("fields.greeting.familyName", is("Desmarais"));
        }
        // The justification reached profile-service intact, in the body.
        downstream.verify(50, postRequestedFor(urlEqualTo("/api/card-projections"))
                .withoutHeader("X-Break-Glass-Justification")
                .withRequestBody(matchingJsonPath("$.justification", equalTo(JUSTIFICATION))));

        gateAgentsCard().statusCode(200).body("fields.greeting.familyName", is("Desmarais"));
    }

    @Test
    void aJustificationOfTwoThousandEmojiIsTwoThousandCharactersNotFourThousand() {
        String emoji = "\uD83D\uDEEB".repeat(2000); // 2,000 characters, 4,000 UTF-16 units
        given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                        "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", emoji))
                .when().post("/api/cards").then().statusCode(200);
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/card-projections"))
                .withRequestBody(matchingJsonPath("$.justification", equalTo(emoji))));

        given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                        "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", emoji + "\uD83D\uDEEB"))
                .when().post("/api/cards").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void fiftyRefusalsFromProfilesThenAGateAgentsCardIsServed() {
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.presented.type", equalTo("CUSTOMER_ID")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:touchpoint:problem:justification-needed\",\"status\":400,\"title\":\"Justification needed\"}")));
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(Tokens.withRoles("staff-sup", "supervisor")).contentType(ContentType.JSON)
                    .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId.toString()),
                            "touchpoint", "GATE/B7", "purpose", "personalised-service", "justification", JUSTIFICATION))
                    .when().post("/api/cards").then().statusCode(400).contentType("application/problem+json");
        }
        gateAgentsCard().statusCode(200).body("fields.greeting.familyName", is("Desmarais"));
    }

    @Test
    void fiftyRefusalsFromRecognitionDoNotTakeEveryoneElsesPreferencesAway() {
        UUID refused = UUID.randomUUID();
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.customerId", equalTo(refused.toString())))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:touchpoint:problem:bad-request\",\"status\":400,\"title\":\"Bad request\"}")));
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.presented.loyaltyNumber", equalTo("TP99999999")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, refused.toString()))));
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(Tokens.withRoles("staff-gate", "gate-agent")).contentType(ContentType.JSON)
                    .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP99999999"),
                            "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                    .when().post("/api/cards").then().statusCode(200).body("preferencesUnavailable", is(true));
        }
        gateAgentsCard().statusCode(200).body("preferencesUnavailable", nullValue())
                .body("fields.preference-seat", notNullValue());
    }
}
