package io.touchpoint.support.secrets;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service holding a published secret refuses to start outside the local stack, and says which setting. */
class FailClosedSecretsTest {

    private static final String REAL_SESSION_SECRET = "k9Qv2x7LmP4rT8wZ1sB6nH3jF5dG0cYa";
    private static final String REAL_KEY = "PRIVATE+KEY+airline.example/access-log+5e4b1c9a+AQ1Bx4eXVqkK9P3m2Jd8Wc7zT0yRnUaLhGfE6sIoDvbM";
    private static final String DEV_KEY = "PRIVATE+KEY+touchpoint.dev/access-log+22a16224+AXSKU5xy2qvzjSkOEMjw4feBDP5ImmdZw2+yhD+Rds/2";

    @TempDir
    Path dir;

    /** A gateway as configured for production: every secret its own, from the environment or a file. */
    private Map<String, String> production() throws IOException {
        Path key = Files.writeString(dir.resolve("access-log.signer"), REAL_KEY + "\n");
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.username", "gateway_app");
        settings.put("quarkus.datasource.password", "Vf3#pq81-hL0zz");
        settings.put("quarkus.datasource.trail.username", "gateway_integrator");
        settings.put("quarkus.datasource.trail.password", "Rt5#mw20-Yk8pq");
        settings.put("quarkus.flyway.username", "touchpoint_owner");
        settings.put("quarkus.flyway.password", "n7!Wc2kR9qe4");
        settings.put("quarkus.oidc-client.client-id", "staff-gateway");
        settings.put("quarkus.oidc-client.credentials.secret", "hV0c7Jm1Qx9r2Lp8");
        settings.put("quarkus.oidc.application-type", "service");
        settings.put("quarkus.oidc.tablet.application-type", "web-app");
        settings.put("quarkus.oidc.tablet.token-state-manager.encryption-secret", REAL_SESSION_SECRET);
        settings.put("touchpoint.trail.origin", "airline.example/access-log");
        settings.put("touchpoint.trail.signing-key-file", key.toString());
        return settings;
    }

    private static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 100)).build();
    }

    @Test
    void realSecretsStart() throws IOException {
        assertThat(FailClosedSecrets.faults(config(production()))).isEmpty();
        new FailClosedSecrets().refuseDemoSecrets(null, config(production()));
    }

    static Stream<Arguments> publishedOrMissingSecrets() {
        return Stream.of(
                Arguments.of("the app role's password is its name", "quarkus.datasource.password", "gateway_app",
                        "quarkus.datasource.password (TOUCHPOINT_DB_PASSWORD) is a published demo value"),
                Arguments.of("no database password", "quarkus.datasource.password", null,
                        "quarkus.datasource.password (TOUCHPOINT_DB_PASSWORD) is missing"),
                Arguments.of("the trail integrator's password is its name", "quarkus.datasource.trail.password", "gateway_integrator",
                        "quarkus.datasource.trail.password (TOUCHPOINT_TRAIL_DB_PASSWORD) is a published demo value"),
                Arguments.of("no trail integrator password", "quarkus.datasource.trail.password", null,
                        "quarkus.datasource.trail.password (TOUCHPOINT_TRAIL_DB_PASSWORD) is missing"),
                Arguments.of("the owner is postgres/postgres", "quarkus.flyway.password", "postgres",
                        "quarkus.flyway.password (TOUCHPOINT_DB_OWNER_PASSWORD) is a published demo value"),
                Arguments.of("the gateway's public client secret", "quarkus.oidc-client.credentials.secret", "local-only-secret",
                        "quarkus.oidc-client.credentials.secret (TOUCHPOINT_GATEWAY_CLIENT_SECRET) is a published demo value"),
                Arguments.of("no client secret", "quarkus.oidc-client.credentials.secret", "",
                        "quarkus.oidc-client.credentials.secret (TOUCHPOINT_GATEWAY_CLIENT_SECRET) is missing"),
                Arguments.of("an empty session secret", "quarkus.oidc.tablet.token-state-manager.encryption-secret", "",
                        "quarkus.oidc.tablet.token-state-manager.encryption-secret (TOUCHPOINT_SESSION_SECRET) is missing"),
                Arguments.of("a short session secret", "quarkus.oidc.tablet.token-state-manager.encryption-secret", "short",
                        "is shorter than 32 characters"),
                Arguments.of("the development signing key inline", "touchpoint.trail.signing-key", DEV_KEY,
                        "touchpoint.trail.signing-key is a development key from deploy/dev-keys"),
                Arguments.of("no signing key", "touchpoint.trail.signing-key-file", null,
                        "touchpoint.trail.signing-key-file (TOUCHPOINT_TRAIL_SIGNING_KEY_FILE) is missing"),
                Arguments.of("another service's demo client secret", "quarkus.oidc.credentials.secret", "secret",
                        "quarkus.oidc.credentials.secret is a published demo value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedOrMissingSecrets")
    void aPublishedOrMissingSecretRefusesTheStartNamingTheSettingNotTheValue(String why, String setting, String value, String expected)
            throws IOException {
        Map<String, String> settings = production();
        if (value == null) {
            settings.remove(setting);
        } else {
            settings.put(setting, value);
        }

        assertThat(FailClosedSecrets.faults(config(settings))).singleElement().asString().contains(expected);
        assertThatThrownBy(() -> new FailClosedSecrets().refuseDemoSecrets(null, config(settings)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(setting)
                .satisfies(e -> {
                    if (value != null && value.length() > 8) { // shorter demo values ("secret") are parts of setting names
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @Test
    void aPasswordEqualToItsUserNameRefusesTheStart() throws IOException {
        Map<String, String> settings = production();
        settings.put("quarkus.datasource.username", "crew_app");
        settings.put("quarkus.datasource.password", "crew_app");

        assertThat(FailClosedSecrets.faults(config(settings)))
                .containsExactly("quarkus.datasource.password (TOUCHPOINT_DB_PASSWORD) equals the user name quarkus.datasource.username");
    }

    @Test
    void theDevelopmentKeyFileFromTheRepositoryRefusesTheStart() throws IOException {
        Map<String, String> settings = production();
        settings.put("touchpoint.trail.signing-key-file", Files.writeString(dir.resolve("dev.signer"), DEV_KEY + "\n").toString());

        assertThat(FailClosedSecrets.faults(config(settings)))
                .containsExactly("touchpoint.trail.signing-key-file (TOUCHPOINT_TRAIL_SIGNING_KEY_FILE) holds a development key from deploy/dev-keys");
    }

    @Test
    void anyKeyNamedUnderTheDevelopmentOriginIsADevelopmentKey() {
        assertThat(DemoSecrets.isDevelopmentSigningKey("PRIVATE+KEY+touchpoint.dev/other+00000000+AAAA")).isTrue();
        assertThat(DemoSecrets.isDevelopmentSigningKey(REAL_KEY)).isFalse();
    }

    @Test
    void everyFaultIsReportedAtOnce() throws IOException {
        Map<String, String> settings = production();
        settings.put("quarkus.datasource.password", "gateway_app");
        settings.put("quarkus.oidc-client.credentials.secret", "local-only-secret");
        settings.remove("quarkus.oidc.tablet.token-state-manager.encryption-secret");

        List<String> faults = FailClosedSecrets.faults(config(settings));

        assertThat(faults).hasSize(3);
    }

    @Test
    void theLocalStackFlagAcceptsTheDemoValues() throws IOException {
        Map<String, String> settings = production();
        settings.put("quarkus.datasource.password", "gateway_app");
        settings.put("quarkus.oidc-client.credentials.secret", "local-only-secret");
        settings.put("touchpoint.trail.signing-key", DEV_KEY);
        settings.put(FailClosedSecrets.LOCAL_STACK, "true");

        assertThat(FailClosedSecrets.faults(config(settings))).isEmpty();
    }

    @Test
    void theLocalStackIsNeverTheDefault() throws IOException {
        Map<String, String> settings = production();
        settings.put("quarkus.oidc-client.credentials.secret", "local-only-secret");

        assertThat(FailClosedSecrets.faults(config(settings))).hasSize(1);
        settings.put(FailClosedSecrets.LOCAL_STACK, "false");
        assertThat(FailClosedSecrets.faults(config(settings))).hasSize(1);
    }
}
