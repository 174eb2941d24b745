package io.touchpoint.e2e;

import io.restassured.RestAssured;

import static org.hamcrest.Matchers.notNullValue;

/** Real tokens from the stack's Keycloak: password grants for people, client credentials for services. */
final class Keycloak {

    private Keycloak() {
    }

    static String url(String path) {
        return "http://127.0.0.1:" + Stack.KEYCLOAK + "/realms/touchpoint" + path;
    }

    static String password(String client, String username) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", Stack.PASSWORD)
                .when().post(url("/protocol/openid-connect/token"))
                .then().statusCode(200).body("access_token", notNullValue()).extract().path("access_token");
    }

    static String staff(String username) {
        return password("touchpoint-tablet", username);
    }

    static String customer(String username) {
        return password("touchpoint-portal", username);
    }

    static String auditor() {
        return password("touchpoint-console", "auditor");
    }

    static String clientCredentials(String client, String secret) {
        return RestAssured.given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", secret)
                .when().post(url("/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
    }

    /** An admin token from the master realm (the local stack's bootstrap admin). */
    static String admin() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", Stack.PASSWORD)
                .when().post("http://127.0.0.1:" + Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Sets the realm's access-token lifespan (seconds) through the admin API. */
    static void accessTokenLifespan(int seconds) {
        RestAssured.given().auth().oauth2(admin()).contentType("application/json")
                .body(java.util.Map.of("accessTokenLifespan", seconds))
                .when().put("http://127.0.0.1:" + Stack.KEYCLOAK + "/admin/realms/touchpoint")
                .then().statusCode(204);
    }
}
