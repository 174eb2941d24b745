package io.touchpoint.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, from one table per service (architecture rule: every endpoint × every role): each row is an
 * endpoint and the roles allowed on it; every other role of the realm must get 403, and every token a service must
 * refuse must get 401, both as problem+json. A service's {@code SecurityMatrixTest} holds only its table, the token
 * each role holds there and how a request reaches it; the rows are run and judged here, the same way everywhere.
 */
public final class SecurityMatrix {

    /** Display name of a role row: {@code POST /api/cards as lounge-host}. */
    public static final String ROLE_ROW = "{0} as {1}";
    /** Display name of a refused-token row: {@code POST /api/cards with expired}. */
    public static final String TOKEN_ROW = "{0} with {1}";

    /** The staff roles: they act at a touchpoint, so their requests carry an acting role. */
    public static final Set<String> STAFF = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");

    /** Every role of the realm (deploy/keycloak/touchpoint-realm.json): each is tried on every endpoint. */
    public static final List<String> EVERY_ROLE = List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew",
            "supervisor", "customer", "compliance-auditor", "ops-import", "gateway-service");

    /** One row: an endpoint, the request body it is sent (null for none), and the roles allowed past security. */
    public record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {

        public static Endpoint of(String method, String path, Set<String> allowed) {
            return new Endpoint(method, path, null, null, allowed);
        }

        public static Endpoint json(String method, String path, String body, Set<String> allowed) {
            return new Endpoint(method, path, "application/json", body, allowed);
        }

        /** A role that would be let through with a valid token: the refused tokens are made for it. */
        public String anAllowedRole() {
            return allowed.iterator().next();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** How a request reaches the service under test: the row, the bearer token (null for none), the acting role. */
    @FunctionalInterface
    public interface Call {
        Response send(Endpoint endpoint, String token, String role);
    }

    private final List<Endpoint> endpoints;
    private final Function<String, String> tokenOf;
    private final Call call;

    private SecurityMatrix(List<Endpoint> endpoints, Function<String, String> tokenOf, Call call) {
        this.endpoints = List.copyOf(endpoints);
        this.tokenOf = tokenOf;
        this.call = call;
    }

    /**
     * @param tokenOf the valid token a caller in a role holds when it reaches this service
     * @param call    how one request is sent to this service
     */
    public static SecurityMatrix of(List<Endpoint> endpoints, Function<String, String> tokenOf, Call call) {
        return new SecurityMatrix(endpoints, tokenOf, call);
    }

    /** The rows for {@link #onlyTheAllowedRolesGetPastSecurity}: (endpoint, role) for every role of the realm. */
    public Stream<Arguments> everyRoleOnEveryEndpoint() {
        return endpoints.stream().flatMap(endpoint -> EVERY_ROLE.stream().map(role -> Arguments.of(endpoint, role)));
    }

    /** The rows for {@link #anythingButAValidTokenIsUnauthorized}: (endpoint, token) for every kind of refused token. */
    public Stream<Arguments> everyRefusedTokenOnEveryEndpoint() {
        return endpoints.stream().flatMap(endpoint -> Tokens.refused(endpoint.anAllowedRole()).stream()
                .map(token -> Arguments.of(endpoint, token)));
    }

    /** An allowed role gets past security (and no 5xx); any other role is refused with a 403 problem. */
    public void onlyTheAllowedRolesGetPastSecurity(Endpoint endpoint, String role) {
        Response response = call.send(endpoint, tokenOf.apply(role), role);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as("allowed role").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("wrong role").isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    /** No token, or one that is not valid here, is a 401 problem that asks for a bearer token and names no exception. */
    public void anythingButAValidTokenIsUnauthorized(Endpoint endpoint, String token) {
        Response response = call.send(endpoint, token, endpoint.anAllowedRole());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.asString()).doesNotContain("Exception");
    }

    /** The token a caller in this role presents to the gateway: their own (a customer's with a fresh customer id). */
    public static String tokenAtTheGateway(String role) {
        return role.equals("customer") ? Tokens.customer(UUID.randomUUID()) : Tokens.withRoles("subject-" + role, role);
    }

    /**
     * The token a caller in this role holds on reaching a service behind the gateway (ADR 0015): a person's own token
     * exchanged by the gateway, the gateway's own client token, any other service's own token.
     */
    public static String tokenBehindTheGateway(String role) {
        if (role.equals("customer")) {
            return Tokens.relayedCustomer(UUID.randomUUID());
        }
        if (role.equals("gateway-service")) {
            return Tokens.gateway();
        }
        return STAFF.contains(role) ? Tokens.relayedStaff("subject-" + role, role) : Tokens.withRoles("subject-" + role, role);
    }

    /**
     * A request as the gateway relays it to a service behind it (ADR 0015): the acting headers (a staff caller's
     * own role, a gate agent's for anyone else, so that only the token decides) and the row's body.
     */
    public static Response relayedByTheGateway(Endpoint endpoint, String token, String role) {
        RequestSpecification request = given()
                .header("X-Acting-Role", STAFF.contains(role) ? role : "gate-agent")
                .header("X-Touchpoint", "GATE/A1").header("X-Purpose", "personalised-service");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.contentType(endpoint.contentType()).body(endpoint.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}
