package io.touchpoint.recognition.web;

import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.SecurityMatrix;
import io.touchpoint.testsupport.SecurityMatrix.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.touchpoint.testsupport.SecurityMatrix.STAFF;

/** Every endpoint, every role, from one table. */
@RecognitionServiceTest
class SecurityMatrixTest {

    private static final String CONSENT = UUID.randomUUID().toString();
    private static final List<Endpoint> ENDPOINTS = List.of(
            // Staff reach recognition only with their own token exchanged by the gateway (ADR 0015).
            Endpoint.json("POST", "/api/recognitions", "{\"customerId\":\"" + UUID.randomUUID() + "\"}", STAFF),
            Endpoint.of("GET", "/api/catalogue", Set.of("customer", "gateway-service")),
            Endpoint.of("GET", "/api/me/preferences", Set.of("customer")),
            Endpoint.json("PATCH", "/api/me/preferences", "{\"preferences\":{\"seat.position\":\"aisle\"}}", Set.of("customer")),
            Endpoint.of("GET", "/api/me/consents", Set.of("customer")),
            Endpoint.json("POST", "/api/me/consents", "{\"purpose\":\"personalised-service\",\"noticeVersion\":1,\"categories\":[\"seat\"],\"roles\":[\"gate-agent\"]}", Set.of("customer")),
            Endpoint.of("POST", "/api/me/consents/" + CONSENT + "/withdrawal", Set.of("customer")),
            Endpoint.json("POST", "/api/me/consents/" + CONSENT + "/renewal", "{\"noticeVersion\":1}", Set.of("customer")),
            Endpoint.of("GET", "/api/me/receipts/" + CONSENT, Set.of("customer")),
            Endpoint.of("GET", "/api/me/preview", Set.of("customer")),
            // A customer starts a relayed erasure; the gateway's own token may only complete an accepted one.
            Endpoint.of("PUT", "/api/erasures/" + UUID.randomUUID(), Set.of("customer")),
            Endpoint.of("POST", "/api/erasures/" + UUID.randomUUID() + "/completion", Set.of("gateway-service")),
            // Only the gateway's own account lists the reads it reconciles (ADR 0018).
            Endpoint.of("GET", "/api/relayed-reads", Set.of("gateway-service")),
            Endpoint.of("GET", "/api/me/receipts/" + CONSENT + "/proof", Set.of("customer")),
            Endpoint.of("GET", "/api/trail", Set.of("compliance-auditor")),
            Endpoint.of("GET", "/api/me/photo", Set.of("customer")),
            Endpoint.of("DELETE", "/api/me/photo", Set.of("customer")));

    private static final SecurityMatrix MATRIX = SecurityMatrix.of(ENDPOINTS, SecurityMatrix::tokenBehindTheGateway,
            SecurityMatrix::relayedByTheGateway);

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
}
