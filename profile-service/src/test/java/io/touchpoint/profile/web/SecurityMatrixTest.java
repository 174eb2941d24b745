package io.touchpoint.profile.web;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint, every role: one table says who may call what; everyone else gets 401 or 403. */
@ProfileServiceTest
class SecurityMatrixTest {

    private record Endpoint(String method, String path, String contentType, String body, String allowedRole) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/card-projections", "application/json", "{}", "gateway-service"),
            new Endpoint("POST", "/api/card-projections/search", "application/json", "{}", "gateway-service"),
            new Endpoint("PUT", "/api/ingest/customers/crm-1", "application/json", "{}", "ops-import"),
            new Endpoint("PUT", "/api/ingest/trips/trip-1", "application/json", "{}", "ops-import"),
            new Endpoint("PUT", "/api/ingest/service-events/case-1", "application/json", "{}", "ops-import"),
            new Endpoint("POST", "/api/ingest/imports", "application/x-ndjson", "", "ops-import"),
            new Endpoint("GET", "/api/me/export", null, null, "customer"),
            new Endpoint("POST", "/api/me/erasure", null, null, "customer"));

    private static final List<String> ROLES = List.of("gateway-service", "ops-import", "customer", "gate-agent",
            "check-in-agent", "lounge-host", "cabin-crew", "supervisor", "compliance-auditor");

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRoleOnEveryEndpoint")
    void onlyTheAllowedRoleGetsPastSecurity(Endpoint endpoint, String role) {
        String token = role.equals("customer") ? customerToken() : Tokens.withRoles("subject-" + role, role);

        Response response = call(endpoint, token);

        if (role.equals(endpoint.allowedRole())) {
            assertThat(response.statusCode()).as("allowed role").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("wrong role").isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> badTokens() {
        return ENDPOINTS.stream().flatMap(e -> Tokens.refused(e.allowedRole()).stream().map(token -> Arguments.of(e, token)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badTokens")
    void anythingButAValidTokenIsUnauthorized(Endpoint endpoint, String token) {
        Response response = call(endpoint, token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.asString()).doesNotContain("Exception");
    }

    private static String customerToken() {
        return Tokens.customer(UUID.randomUUID());
    }

    private static Response call(Endpoint endpoint, String token) {
        var request = given()
                .header("X-Acting-Subject", "staff-1").header("X-Acting-Role", "gate-agent")
                .header("X-Touchpoint", "GATE/A1").header("X-Purpose", "personalised-service");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.contentType() != null) {
            request.contentType(endpoint.contentType()).body(endpoint.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            request.contentType(ContentType.JSON);
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
