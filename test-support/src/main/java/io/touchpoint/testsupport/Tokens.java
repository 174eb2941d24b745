package io.touchpoint.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Named;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Real signed tokens for tests, issued as the test OIDC server would (its issuer, audience and signing key),
 * so the service validates signature, issuer, audience and expiry exactly as in production.
 */
public final class Tokens {

    private static final String ISSUER = "https://server.example.com";
    private static final String AUDIENCE = "https://service.example.com";

    private Tokens() {
    }

    /** The staff-gateway's client that downstream services trust as the authorized party (azp) of relayed tokens. */
    public static final String GATEWAY_CLIENT = "staff-gateway";

    /**
     * The gateway's own client-credentials token: the gateway client's service account, as Keycloak issues it
     * (azp = the gateway's client, audience = the services). Holding the gateway's secret gives exactly this.
     */
    public static String gateway() {
        return claims("service-account-staff-gateway", Set.of("gateway-service")).claim("azp", GATEWAY_CLIENT)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /**
     * A staff member's own token as the gateway's token exchange returns it (RFC 8693): the staff member's subject
     * and roles, issued to the gateway's client (azp), with the service's audience.
     */
    public static String relayedStaff(String subject, String... roles) {
        return claims(subject, Set.of(roles)).claim("azp", GATEWAY_CLIENT).jws().keyId("1").sign("privateKey.jwk");
    }

    /**
     * As Keycloak shapes an exchanged staff token: the roles only in {@code realm_access.roles}, no {@code groups}
     * claim (quarkus-oidc reads either).
     */
    public static String relayedStaffFromKeycloak(String subject, String... roles) {
        return Jwt.preferredUserName(subject).subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .claim("jti", UUID.randomUUID().toString()).claim("azp", GATEWAY_CLIENT)
                .claim("realm_access", java.util.Map.of("roles", List.of(roles)))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** A customer's own token as the gateway's token exchange returns it. */
    public static String relayedCustomer(UUID customerId) {
        return claims("customer-" + customerId, Set.of("customer")).claim("azp", GATEWAY_CLIENT)
                .claim("customer_id", customerId.toString()).jws().keyId("1").sign("privateKey.jwk");
    }

    /** A staff member's token issued straight to the tablet client, with this service's audience: not relayed. */
    public static String staffWithoutTheGateway(String subject, String... roles) {
        return claims(subject, Set.of(roles)).claim("azp", "touchpoint-tablet").jws().keyId("1").sign("privateKey.jwk");
    }

    public static String opsImport() {
        return withRoles("crm-feed", "ops-import");
    }

    public static String customer(UUID customerId) {
        return claims("customer-" + customerId, Set.of("customer"))
                .claim("customer_id", customerId.toString())
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String withRoles(String subject, String... roles) {
        return claims(subject, Set.of(roles)).jws().keyId("1").sign("privateKey.jwk");
    }

    public static String expired(String... roles) {
        return claims("late", Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** Signed with a key the identity provider never published. */
    public static String signedByAnotherKey(String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims("forger", Set.of(roles)).jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid signature, but issued for another client. */
    public static String forAnotherAudience(String... roles) {
        return Jwt.preferredUserName("elsewhere").subject("elsewhere").groups(Set.of(roles))
                .issuer(ISSUER).audience("https://another-service.example.com")
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** A staff member's token exchanged by the gateway, but for another service's audience. */
    public static String relayedForAnotherAudience(String subject, String... roles) {
        return Jwt.preferredUserName(subject).subject(subject).groups(Set.of(roles)).claim("azp", GATEWAY_CLIENT)
                .issuer(ISSUER).audience("https://another-service.example.com")
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** Every kind of token a service must refuse with 401, each made for an otherwise allowed role. */
    public static List<Named<String>> refused(String role) {
        return List.of(
                Named.of("no token", (String) null),
                Named.of("garbage", "not-a-jwt"),
                Named.of("expired", expired(role)),
                Named.of("signed by another key", signedByAnotherKey(role)),
                Named.of("issued for another audience", forAnotherAudience(role)));
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> roles) {
        return Jwt.preferredUserName(subject).subject(subject).groups(roles)
                .issuer(ISSUER).audience(AUDIENCE)
                .claim("jti", UUID.randomUUID().toString());
    }
}
