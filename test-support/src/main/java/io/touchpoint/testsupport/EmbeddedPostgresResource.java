package io.touchpoint.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real PostgreSQL server (binaries from Maven Central) for a Quarkus test run and points the
 * default datasource at a fresh database in it. One server per test JVM; Flyway creates the schema.
 *
 * <p>With the init argument {@code app-role}, the service connects as that (created, non-owner) role and
 * Flyway migrates as the owner, as in production: what the migrations grant is exactly what the service
 * can do. With {@code integrator-role} (and {@code auditor-role}) too, those roles are created as well, the
 * named datasource {@code trail} connects as the integrator, and the trail migration grants to them (ADR 0012).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "touchpoint";

    private EmbeddedPostgres postgres;
    private String appRole;
    private String integratorRole;
    private String auditorRole;

    @Override
    public void init(Map<String, String> initArgs) {
        appRole = initArgs.get("app-role");
        integratorRole = initArgs.get("integrator-role");
        auditorRole = initArgs.get("auditor-role");
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
        Databases.createIfMissing(postgres.getPostgresDatabase(), DATABASE);
        // Built here rather than by the library, whose URL names the superuser and would override the role.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        if (appRole == null) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        }
        Databases.createRoleIfMissing(postgres.getPostgresDatabase(), appRole, appRole);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", appRole,
                "quarkus.datasource.password", appRole,
                // Quarkus' Flyway uses its own credentials only together with its own URL.
                "quarkus.flyway.jdbc-url", url,
                "quarkus.flyway.username", "postgres",
                "quarkus.flyway.password", "postgres",
                "quarkus.flyway.placeholders.appRole", appRole));
        if (integratorRole != null) {
            Databases.createRoleIfMissing(postgres.getPostgresDatabase(), integratorRole, integratorRole);
            config.putAll(Map.of(
                    "quarkus.datasource.trail.jdbc.url", url,
                    "quarkus.datasource.trail.username", integratorRole,
                    "quarkus.datasource.trail.password", integratorRole,
                    "quarkus.flyway.placeholders.integratorRole", integratorRole));
        }
        if (auditorRole != null) {
            Databases.createRoleIfMissing(postgres.getPostgresDatabase(), auditorRole, auditorRole);
            config.put("quarkus.flyway.placeholders.auditorRole", auditorRole);
        }
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
