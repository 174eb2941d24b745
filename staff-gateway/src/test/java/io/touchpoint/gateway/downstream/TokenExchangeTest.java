package io.touchpoint.gateway.downstream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayOidc;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gateway passes on who asks by exchanging the staff member's own token for one meant for each service
 * (RFC 8693, ADR 0015); the services only answer to that exchanged token. Here the test OIDC server answers the
 * exchange for one subject token only, and the service stubs answer only to the token it returned.
 */
@GatewayTest
class TokenExchangeTest {

    private static final String CONTRACT_CUSTOMER = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e";

    @DownstreamStubs.Inject
    WireMockServer downstream;

    @OidcWireMock
    WireMockServer oidc;

    private final List<StubMapping> exchanges = new ArrayList<>();
    private final UUID customerId = UUID.randomUUID();
    private final String staffSubject = "staff-" + UUID.randomUUID();
    private final String staffToken = Tokens.withRoles(staffSubject, "gate-agent");
    private final String forProfile = Tokens.relayedStaff(staffSubject, "gate-agent");
    private final String forRecognition = Tokens.relayedStaff(staffSubject, "gate-agent");

    @BeforeEach
    void servicesThatAnswerOnlyToTheExchangedToken() {
        downstream.resetAll();
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).atPriority(9).willReturn(refused()));
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).atPriority(9).willReturn(refused()));
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + forProfile))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customerId.toString()))));
        downstream.stubFor(post(urlEqualTo("/api/recognitions")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + forRecognition))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"customerId":"%s","evaluatedAt":"2026-11-23T10:00:00Z","preferences":[
                          {"key":"seat.position","category":"seat","value":"aisle","receiptId":"%s"}]}""".formatted(customerId, UUID.randomUUID()))));
    }

    @AfterEach
    void removeTheExchangeStubs() {
        exchanges.forEach(oidc::removeStub);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder refused() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:touchpoint:problem:not-relayed-by-gateway\",\"status\":403,\"title\":\"Not relayed by the gateway\"}");
    }

    /** The identity provider exchanges exactly this staff member's token, for one audience. */
    private void exchangeAnswers(String audience, String exchanged, int expiresIn) {
        exchanges.add(oidc.stubFor(post(urlEqualTo(GatewayOidc.TOKEN_PATH)).atPriority(1)
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"))
                .withRequestBody(containing("subject_token=" + staffToken))
                .withRequestBody(containing("subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token"))
                .withRequestBody(containing("audience=" + audience))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":%d,
                         "issued_token_type":"urn:ietf:params:oauth:token-type:access_token"}""".formatted(exchanged, expiresIn)))));
    }

    private ValidatableResponse card() {
        return given().auth().oauth2(staffToken).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post("/api/cards").then();
    }

    @Test
    void theStaffMembersOwnTokenIsExchangedAndOnlyTheExchangedTokenReachesEachService() {
        exchangeAnswers("profile-service", forProfile, 300);
        exchangeAnswers("recognition-service", forRecognition, 300);

        card().statusCode(200).body("fields.greeting.familyName", is("Desmarais"))
                .body("fields.preference-seat[0].value", is("aisle")).body("preferencesUnavailable", nullValue());

        downstream.verify(1, postRequestedFor(urlEqualTo("/api/card-projections")).withHeader("Authorization", equalTo("Bearer " + forProfile))
                .withoutHeader("X-Acting-Subject"));
        downstream.verify(1, postRequestedFor(urlEqualTo("/api/recognitions")).withHeader("Authorization", equalTo("Bearer " + forRecognition)));
        // The staff member's own token never leaves the gateway except to the identity provider.
        downstream.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + staffToken)));
    }

    @Test
    void exchangedTokensAreReusedUntilShortlyBeforeTheyExpire() {
        exchangeAnswers("profile-service", forProfile, 300);
        exchangeAnswers("recognition-service", forRecognition, 20); // inside the 30 s margin: never reused

        card().statusCode(200);
        card().statusCode(200);
        card().statusCode(200);

        oidc.verify(1, postRequestedFor(urlEqualTo(GatewayOidc.TOKEN_PATH))
                .withRequestBody(containing("subject_token=" + staffToken)).withRequestBody(containing("audience=profile-service")));
        oidc.verify(3, postRequestedFor(urlEqualTo(GatewayOidc.TOKEN_PATH))
                .withRequestBody(containing("subject_token=" + staffToken)).withRequestBody(containing("audience=recognition-service")));
    }

    @Test
    void anotherStaffMemberNeverGetsACachedExchange() {
        exchangeAnswers("profile-service", forProfile, 300);
        exchangeAnswers("recognition-service", forRecognition, 300);
        card().statusCode(200);

        // Someone else, same role: their token is exchanged for their own (the default stubs), which these services refuse.
        given().auth().oauth2(Tokens.withRoles(staffSubject, "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post("/api/cards").then().statusCode(403);
    }

    @Test
    void aSignInTheIdentityProviderNoLongerAcceptsIsThatCallersRefusalAndNeverOpensTheBreaker() {
        exchanges.add(oidc.stubFor(post(urlEqualTo(GatewayOidc.TOKEN_PATH)).atPriority(1)
                .withRequestBody(containing("subject_token=" + staffToken))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"Invalid token\"}"))));
        for (int i = 0; i < 30; i++) {
            card().statusCode(401).contentType("application/problem+json");
        }
        // Everyone else still gets cards (the default exchange stubs; the services here answer only to forProfile,
        // so use the shared default stubs' token for this one).
        downstream.stubFor(post(urlEqualTo("/api/card-projections")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + GatewayOidc.EXCHANGED_FOR_PROFILE))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Contracts.text(Contracts.CARD_PROJECTION).replace(CONTRACT_CUSTOMER, customerId.toString()))));
        given().auth().oauth2(Tokens.withRoles("staff-other", "gate-agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP12345678"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post("/api/cards").then().statusCode(200).body("fields.greeting", notNullValue());
    }
}
