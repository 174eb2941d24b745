package io.touchpoint.gateway;

import io.restassured.response.Response;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.OpenApiDocs;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health, the API document, and who may call what, from one table. */
@GatewayTest
class GatewayApiTest {

    private record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> STAFF = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/cards", STAFF),
            // Frontline roles pass security here and are refused (403, and recorded) by the resource itself.
            new Endpoint("POST", "/api/cards/search", Set.of("supervisor")),
            new Endpoint("GET", "/api/me/access-history", Set.of("customer")),
            new Endpoint("GET", "/api/compliance/access-records", Set.of("compliance-auditor")),
            new Endpoint("GET", "/api/compliance/access-records/export.csv", Set.of("compliance-auditor")),
            new Endpoint("GET", "/api/compliance/access-records/unusual", Set.of("compliance-auditor")),
            new Endpoint("PUT", "/api/staff-assignments/roster-matrix-1", Set.of("ops-import")));
    private static final List<String> ROLES = List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew",
            "supervisor", "customer", "compliance-auditor", "ops-import", "gateway-service");

    @Test
    void readyOnlyWithItsDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void everyOperationIsDocumentedWithAnExample() {
        OpenApiDocs.Report report = OpenApiDocs.check(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(report.operations()).isGreaterThanOrEqualTo(4);
        assertThat(report.faults()).isEmpty();
    }

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRoleOnEveryEndpoint")
    void onlyTheAllowedRolesGetPastSecurity(Endpoint endpoint, String role) {
        String token = role.equals("customer") ? Tokens.customer(UUID.randomUUID()) : Tokens.withRoles("subject-" + role, role);

        Response response = call(endpoint, token, role);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as("allowed").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("wrong role").isEqualTo(403);
        }
    }

    static Stream<Arguments> badTokens() {
        return ENDPOINTS.stream().flatMap(e -> Tokens.refused(e.allowed().iterator().next()).stream().map(token -> Arguments.of(e, token)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badTokens")
    void anythingButAValidTokenIsUnauthorized(Endpoint endpoint, String token) {
        Response response = call(endpoint, token, endpoint.allowed().iterator().next());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Each staff role asks from a touchpoint the look policy lets it act at, so only security decides here. */
    private static final Map<String, String> TOUCHPOINT_OF = Map.of("check-in-agent", "CHECK_IN/D4", "lounge-host", "LOUNGE/L1",
            "cabin-crew", "CABIN/TP0216");

    private static Response call(Endpoint endpoint, String token, String role) {
        String touchpoint = TOUCHPOINT_OF.getOrDefault(role, "GATE/A1");
        var request = given().contentType("application/json");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.path().endsWith("/search")) {
            request.body("{\"familyName\":\"Desmarais\",\"justification\":\"A justification that is long enough to pass\",\"touchpoint\":\"" + touchpoint + "\",\"purpose\":\"personalised-service\"}");
        } else if (endpoint.method().equals("PUT")) {
            request.body("{\"staffSubject\":\"subject-matrix\",\"touchpoint\":\"GATE/A1\",\"from\":\"2026-01-01T06:00:00Z\",\"until\":\"2026-01-01T14:00:00Z\"}");
        } else if (endpoint.method().equals("POST")) {
            request.body("{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"TP1\"},\"touchpoint\":\"" + touchpoint + "\",\"purpose\":\"personalised-service\"}");
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
