package io.touchpoint.profile.web;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.touchpoint.profile.support.ProfileServiceTest;
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

/** Every endpoint, every role: one table says who may call what; everyone else gets 401 or 403. */
@ProfileServiceTest
class SecurityMatrixTest {

    private record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> STAFF = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");

    private static final List<Endpoint> ENDPOINTS = List.of(
            // Staff reach card projections only with their own token exchanged by the gateway (ADR 0015).
            new Endpoint("POST", "/api/card-projections", "application/json", "{}", STAFF),
            new Endpoint("POST", "/api/card-projections/search", "application/json", "{}", STAFF),
            new Endpoint("PUT", "/api/ingest/customers/crm-1", "application/json", "{}", Set.of("ops-import")),
            new Endpoint("PUT", "/api/ingest/trips/trip-1", "application/json", "{}", Set.of("ops-import")),
            new Endpoint("PUT", "/api/ingest/service-events/case-1", "application/json", "{}", Set.of("ops-import")),
            new Endpoint("POST", "/api/ingest/imports", "application/x-ndjson", "", Set.of("ops-import")),
            new Endpoint("GET", "/api/me/export", null, null, Set.of("customer")),
            // A customer starts a relayed erasure; the gateway's own token may only complete an accepted one.
            new Endpoint("PUT", "/api/erasures/" + UUID.randomUUID(), null, null, Set.of("customer")),
            new Endpoint("POST", "/api/erasures/" + UUID.randomUUID() + "/completion", null, null, Set.of("gateway-service")));

    private static final List<String> ROLES = List.of("gateway-service", "ops-import", "customer", "gate-agent",
            "check-in-agent", "lounge-host", "cabin-crew", "supervisor", "compliance-auditor");

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRoleOnEveryEndpoint")
    void onlyTheAllowedRoleGetsPastSecurity(Endpoint endpoint, String role) {
        Response response = call(endpoint, tokenFor(role), role);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as("allowed role").isNotIn(401, 403).isLessThan(500);
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
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.asString()).doesNotContain("Exception");
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
        if (endpoint.contentType() != null) {
            request.contentType(endpoint.contentType()).body(endpoint.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            request.contentType(ContentType.JSON);
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
