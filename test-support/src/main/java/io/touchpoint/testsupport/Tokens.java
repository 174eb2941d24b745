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

    public static String gateway() {
        return withRoles("service-account-staff-gateway", "gateway-service");
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
