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

    /** The gateway's own secret (the local realm's public default). */
    static final String GATEWAY_SECRET = "local-only-secret";

    /**
     * What the gateway does for every downstream call: exchange a person's own token for one with the service's
     * audience (RFC 8693, Keycloak's standard token exchange), as the gateway's confidential client.
     */
    static String exchange(String subjectToken, String audience) {
        return RestAssured.given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .formParam("client_id", "staff-gateway").formParam("client_secret", GATEWAY_SECRET)
                .formParam("subject_token", subjectToken)
                .formParam("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .formParam("audience", audience)
                .when().post(url("/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token's claims, decoded (not verified: the services verify). */
    static io.restassured.path.json.JsonPath claims(String token) {
        return io.restassured.path.json.JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
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

    /** A login for a demo customer (the admin sets customer_id, which users cannot edit themselves). */
    static void createCustomer(String username, java.util.UUID customerId) {
        String admin = admin();
        String users = "http://127.0.0.1:" + Stack.KEYCLOAK + "/admin/realms/touchpoint/users";
        RestAssured.given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("username", username, "enabled", true, "email", username + "@example.test", "emailVerified", true,
                        "firstName", "Page", "lastName", "Tester",
                        "attributes", java.util.Map.of("customer_id", java.util.List.of(customerId.toString())),
                        "credentials", java.util.List.of(java.util.Map.of("type", "password", "value", Stack.PASSWORD, "temporary", false))))
                .when().post(users).then().statusCode(201);
        String id = RestAssured.given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .when().get(users).then().statusCode(200).extract().path("[0].id");
        String role = RestAssured.given().auth().oauth2(admin)
                .when().get("http://127.0.0.1:" + Stack.KEYCLOAK + "/admin/realms/touchpoint/roles/customer").then().statusCode(200)
                .extract().asString();
        RestAssured.given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body("[" + role + "]")
                .when().post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
    }
}
