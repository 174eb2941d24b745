package io.touchpoint.recognition.web;

import io.restassured.response.Response;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint, every role, from one table. */
@RecognitionServiceTest
class SecurityMatrixTest {

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> STAFF = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");
    private static final String CONSENT = UUID.randomUUID().toString();
    private static final List<Endpoint> ENDPOINTS = List.of(
            // Staff reach recognition only with their own token exchanged by the gateway (ADR 0015).
            new Endpoint("POST", "/api/recognitions", "{\"customerId\":\"" + UUID.randomUUID() + "\"}", STAFF),
            new Endpoint("GET", "/api/catalogue", null, Set.of("customer", "gateway-service")),
            new Endpoint("GET", "/api/me/preferences", null, Set.of("customer")),
            new Endpoint("PATCH", "/api/me/preferences", "{\"preferences\":{\"seat.position\":\"aisle\"}}", Set.of("customer")),
            new Endpoint("GET", "/api/me/consents", null, Set.of("customer")),
            new Endpoint("POST", "/api/me/consents", "{\"purpose\":\"personalised-service\",\"noticeVersion\":1,\"categories\":[\"seat\"],\"roles\":[\"gate-agent\"]}", Set.of("customer")),
            new Endpoint("POST", "/api/me/consents/" + CONSENT + "/withdrawal", null, Set.of("customer")),
            new Endpoint("POST", "/api/me/consents/" + CONSENT + "/renewal", "{\"noticeVersion\":1}", Set.of("customer")),
            new Endpoint("GET", "/api/me/receipts/" + CONSENT, null, Set.of("customer")),
            new Endpoint("GET", "/api/me/preview", null, Set.of("customer")),
            // A customer starts a relayed erasure; the gateway's own token may only complete an accepted one.
            new Endpoint("PUT", "/api/erasures/" + UUID.randomUUID(), null, Set.of("customer")),
            new Endpoint("POST", "/api/erasures/" + UUID.randomUUID() + "/completion", null, Set.of("gateway-service")),
            new Endpoint("GET", "/api/me/receipts/" + CONSENT + "/proof", null, Set.of("customer")),
            new Endpoint("GET", "/api/trail", null, Set.of("compliance-auditor")),
            new Endpoint("GET", "/api/me/photo", null, Set.of("customer")),
            new Endpoint("DELETE", "/api/me/photo", null, Set.of("customer")));

    private static final List<String> ROLES = List.of("gateway-service", "customer", "ops-import", "gate-agent",
            "check-in-agent", "lounge-host", "cabin-crew", "supervisor", "compliance-auditor");

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRoleOnEveryEndpoint")
    void onlyTheAllowedRolesGetPastSecurity(Endpoint endpoint, String role) {
        Response response = call(endpoint, tokenFor(role), role);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as("allowed").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("wrong role").isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> badTokens() {
        return ENDPOINTS.stream().flatMap(e -> Tokens.refused(e.allowed().iterator().next()).stream().map(token -> Arguments.of(e, token)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badTokens")
    void anythingButAValidTokenIsUnauthorized(Endpoint endpoint, String token) {
        Response response = call(endpoint, token, "gate-agent");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Each role's token as it reaches this service: people's tokens exchanged by the gateway, services' own. */
    private static String tokenFor(String role) {
        if (role.equals("customer")) {
            return Tokens.relayedCustomer(UUID.randomUUID());
        }
        if (role.equals("gateway-service")) {
            return Tokens.gateway();
        }
        return STAFF.contains(role) ? Tokens.relayedStaff("subject-" + role, role) : Tokens.withRoles("subject-" + role, role);
    }

    private static Response call(Endpoint endpoint, String token, String actingRole) {
        var request = given()
                .header("X-Acting-Role", STAFF.contains(actingRole) ? actingRole : "gate-agent")
                .header("X-Touchpoint", "GATE/A1").header("X-Purpose", "personalised-service");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.contentType("application/json").body(endpoint.body());
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
