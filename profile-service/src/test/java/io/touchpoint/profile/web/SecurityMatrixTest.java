package io.touchpoint.profile.web;

import io.touchpoint.profile.support.ProfileServiceTest;
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

/** Every endpoint, every role: one table says who may call what; everyone else gets 401 or 403. */
@ProfileServiceTest
class SecurityMatrixTest {

    private static final List<Endpoint> ENDPOINTS = List.of(
            // Staff reach card projections only with their own token exchanged by the gateway (ADR 0015).
            Endpoint.json("POST", "/api/card-projections", "{}", STAFF),
            Endpoint.json("POST", "/api/card-projections/search", "{}", STAFF),
            Endpoint.json("PUT", "/api/ingest/customers/crm-1", "{}", Set.of("ops-import")),
            Endpoint.json("PUT", "/api/ingest/trips/trip-1", "{}", Set.of("ops-import")),
            Endpoint.json("PUT", "/api/ingest/service-events/case-1", "{}", Set.of("ops-import")),
            new Endpoint("POST", "/api/ingest/imports", "application/x-ndjson", "", Set.of("ops-import")),
            Endpoint.of("GET", "/api/me/export", Set.of("customer")),
            // A customer starts a relayed erasure; the gateway's own token may only complete an accepted one.
            Endpoint.of("PUT", "/api/erasures/" + UUID.randomUUID(), Set.of("customer")),
            Endpoint.of("POST", "/api/erasures/" + UUID.randomUUID() + "/completion", Set.of("gateway-service")),
            // Only the gateway's own account lists the reads it reconciles (ADR 0018).
            Endpoint.of("GET", "/api/relayed-reads", Set.of("gateway-service")));

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
