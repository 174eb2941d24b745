package io.touchpoint.gateway.web;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.SecurityMatrix;
import io.touchpoint.testsupport.SecurityMatrix.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.touchpoint.testsupport.SecurityMatrix.STAFF;

/** Who may call what on the gateway, every endpoint × every role, from one table. */
@GatewayTest
class SecurityMatrixTest {

    /** Replaced by a touchpoint the look policy lets the calling role act at, so that only security decides here. */
    private static final String TOUCHPOINT = "{touchpoint}";
    private static final Map<String, String> TOUCHPOINT_OF = Map.of("check-in-agent", "CHECK_IN/D4", "lounge-host", "LOUNGE/L1",
            "cabin-crew", "CABIN/TP0216");

    private static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.json("POST", "/api/cards", "{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"TP1\"},\"touchpoint\":\""
                    + TOUCHPOINT + "\",\"purpose\":\"personalised-service\"}", STAFF),
            // Frontline roles pass security here and are refused (403, and recorded) by the resource itself.
            Endpoint.json("POST", "/api/cards/search", "{\"familyName\":\"Desmarais\",\"justification\":\"A justification that is long enough to pass\",\"touchpoint\":\""
                    + TOUCHPOINT + "\",\"purpose\":\"personalised-service\"}", Set.of("supervisor")),
            Endpoint.of("GET", "/api/me/access-history", Set.of("customer")),
            Endpoint.of("GET", "/api/compliance/access-records", Set.of("compliance-auditor")),
            Endpoint.of("GET", "/api/compliance/access-records/export.csv", Set.of("compliance-auditor")),
            Endpoint.of("GET", "/api/compliance/access-records/unusual", Set.of("compliance-auditor")),
            Endpoint.json("PUT", "/api/staff-assignments/roster-matrix-1", "{\"staffSubject\":\"subject-matrix\",\"touchpoint\":\"GATE/A1\",\"from\":\"2026-01-01T06:00:00Z\",\"until\":\"2026-01-01T14:00:00Z\"}",
                    Set.of("ops-import")));

    private static final SecurityMatrix MATRIX = SecurityMatrix.of(ENDPOINTS, SecurityMatrix::tokenAtTheGateway,
            SecurityMatrixTest::call);

    static Stream<Arguments> everyRoleOnEveryEndpoint() {
        return MATRIX.everyRoleOnEveryEndpoint();
    }

    @ParameterizedTest(name = SecurityMatrix.ROLE_ROW)
    @MethodSource("everyRoleOnEveryEndpoint")
    void onlyTheAllowedRolesGetPastSecurity(Endpoint endpoint, String role) {
        MATRIX.onlyTheAllowedRolesGetPastSecurity(endpoint, role);
    }

    static Stream<Arguments> everyRefusedTokenOnEveryEndpoint() {
        return MATRIX.everyRefusedTokenOnEveryEndpoint();
    }

    @ParameterizedTest(name = SecurityMatrix.TOKEN_ROW)
    @MethodSource("everyRefusedTokenOnEveryEndpoint")
    void anythingButAValidTokenIsUnauthorized(Endpoint endpoint, String token) {
        MATRIX.anythingButAValidTokenIsUnauthorized(endpoint, token);
    }

    /** A request as the tablet, the portal or the console sends it: the caller's own token, JSON. */
    private static Response call(Endpoint endpoint, String token, String role) {
        RequestSpecification request = given().contentType("application/json");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.body(endpoint.body().replace(TOUCHPOINT, TOUCHPOINT_OF.getOrDefault(role, "GATE/A1")));
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
