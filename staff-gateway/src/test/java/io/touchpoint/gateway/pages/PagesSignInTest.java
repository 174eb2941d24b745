package io.touchpoint.gateway.pages;

import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The pages sign people in with the code flow and PKCE; nothing else opens them. */
@GatewayTest
class PagesSignInTest {

    @ParameterizedTest
    @ValueSource(strings = {"/tablet", "/tablet/station", "/portal", "/portal/export", "/console", "/console/export.csv"})
    void everyPageSendsAStrangerToSignInWithPkce(String page) {
        given().redirects().follow(false).when().get(page).then().statusCode(302)
                .header("Location", allOf(containsString("response_type=code"), containsString("code_challenge="),
                        containsString("code_challenge_method=S256")))
                .header("Cache-Control", "no-store");
    }

    @Test
    void anApiTokenDoesNotOpenAPage() {
        given().redirects().follow(false).auth().oauth2(Tokens.withRoles("auditor-1", "compliance-auditor"))
                .when().get("/console").then().statusCode(302).header("Location", containsString("code_challenge="));
        given().redirects().follow(false).auth().oauth2(Tokens.customer(java.util.UUID.randomUUID()))
                .when().get("/portal/export").then().statusCode(302);
    }

    @Test
    void aFormPostWithoutASessionIsNotAcceptedEither() {
        given().redirects().follow(false).auth().oauth2(Tokens.withRoles("gate-1", "gate-agent"))
                .header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded")
                .formParam("kind", "loyalty").formParam("loyaltyNumber", "TP00000001")
                .when().post("/tablet/card").then().statusCode(302);
    }

    @Test
    void theLandingPageIsPublicAndKeepsToItsOwnOrigin() {
        given().when().get("/").then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"), containsString("frame-ancestors 'none'")))
                .body(allOf(containsString("href=\"/tablet\""), containsString("href=\"/portal\""), containsString("href=\"/console\""),
                        not(containsString("http://")), not(containsString("https://"))));
        given().when().get("/assets/touchpoint.css").then().statusCode(200);
    }
}
