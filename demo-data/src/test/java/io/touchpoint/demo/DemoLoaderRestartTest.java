package io.touchpoint.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./touchpoint up loads the demo data on every start. Whatever a demo customer did to their data in the portal
 * (here: erased it, as the services do), the next start must neither fail nor bring the data back. Runs on a real
 * PostgreSQL migrated by the services' own Flyway scripts and placeholders.
 */
class DemoLoaderRestartTest {

    private static final int CUSTOMERS = 20;
    private static final UUID ADA = DemoCustomers.ALL.getFirst().id();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migratedDatabases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        migrate("profile", "profile-service");
        migrate("recognition", "recognition-service");
        migrate("gateway", "staff-gateway");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    /** Creates the database and migrates it as the service would: its locations, its placeholders, its roles. */
    private static void migrate(String database, String module) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("..", module, "src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("quarkus.flyway.placeholders.")) {
                placeholders.put(key.substring("quarkus.flyway.placeholders.".length()), defaultOf(properties.getProperty(key)));
            }
        }
        List<String> locations = new ArrayList<>();
        for (String location : properties.getProperty("quarkus.flyway.locations", "db/migration").split(",")) {
            Path own = Path.of("..", module, "src/main/resources", location.strip());
            Path shared = Path.of("../service-trail/src/main/resources", location.strip());
            locations.add("filesystem:" + (Files.isDirectory(own) ? own : shared));
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                if (placeholder.getKey().endsWith("Role")) {
                    statement.execute("DO $$ BEGIN CREATE ROLE " + placeholder.getValue() + " LOGIN; "
                            + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
                }
            }
        }
        Flyway.configure().dataSource(url(database), "postgres", "postgres")
                .locations(locations.toArray(String[]::new)).placeholders(placeholders).load().migrate();
    }

    private static String defaultOf(String value) {
        return value.startsWith("${") && value.contains(":") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres&password=postgres";
    }

    private static Connection connect(String database) throws SQLException {
        return java.sql.DriverManager.getConnection(url(database));
    }

    private static boolean load() throws Exception {
        try (Connection profile = connect("profile"); Connection recognition = connect("recognition"); Connection gateway = connect("gateway")) {
            DemoLoader loader = new DemoLoader(new DemoGenerator(1, Instant.now()), new PrintStream(OutputStream.nullOutputStream()));
            loader.history(gateway, 2);
            return loader.load(profile, recognition, CUSTOMERS);
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(String database, String... statements) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** What the services' erasure leaves of Ada (profile SelfService.erase, recognition Erasure.erase), in SQL. */
    private static void adaErasesHerData() throws SQLException {
        run("profile",
                "UPDATE customer SET given_name = NULL, family_name = NULL, preferred_address = NULL, name_pronunciation = NULL, "
                        + "tier = 'NONE', erased_external_id_sha256 = sha256(convert_to(external_id, 'UTF8')), external_id = NULL, "
                        + "status = 'ERASED', erased_at = now(), created_at = now(), updated_at = now() WHERE id = '" + ADA + "'",
                "DELETE FROM customer_identifier WHERE customer_id = '" + ADA + "'",
                "DELETE FROM service_event WHERE customer_id = '" + ADA + "'",
                "DELETE FROM segment WHERE customer_id = '" + ADA + "'",
                "DELETE FROM trip WHERE customer_id = '" + ADA + "'");
        run("recognition",
                "DELETE FROM customer_preference WHERE customer_id = '" + ADA + "'",
                "DELETE FROM customer_photo WHERE customer_id = '" + ADA + "'");
    }

    @Test
    void aRestartAfterADemoCustomerErasedTheirDataStartsAndDoesNotBringThemBack() throws Exception {
        assertThat(load()).isTrue();
        assertThat(count("profile", "SELECT count(*) FROM customer")).isEqualTo(CUSTOMERS);
        assertThat(count("recognition", "SELECT count(*) FROM customer_preference WHERE customer_id = '" + ADA + "'")).isPositive();

        adaErasesHerData();

        assertThat(load()).as("nothing to load: the markers say so, whatever Ada did").isFalse();
        assertThat(load()).isFalse();
        assertThat(count("profile", "SELECT count(*) FROM customer")).isEqualTo(CUSTOMERS);
        assertThat(count("profile", "SELECT count(*) FROM customer WHERE id = '" + ADA + "' AND status = 'ERASED' AND family_name IS NULL"))
                .isOne();
        assertThat(count("profile", "SELECT count(*) FROM customer_identifier WHERE customer_id = '" + ADA + "'")).isZero();
        assertThat(count("profile", "SELECT count(*) FROM trip WHERE customer_id = '" + ADA + "'")).isZero();
        assertThat(count("recognition", "SELECT count(*) FROM customer_preference WHERE customer_id = '" + ADA + "'")).isZero();
        assertThat(count("profile", "SELECT count(*) FROM " + DemoLoader.MARKER)).isOne();
        assertThat(count("gateway", "SELECT count(*) FROM " + DemoLoader.MARKER)).isOne();

        // A stack loaded before the markers existed is recognised by what an erasure keeps, and marked.
        for (String database : List.of("profile", "recognition", "gateway")) {
            run(database, "DROP TABLE " + DemoLoader.MARKER);
        }
        assertThat(load()).isFalse();
        assertThat(count("recognition", "SELECT count(*) FROM " + DemoLoader.MARKER)).isOne();
        assertThat(count("profile", "SELECT count(*) FROM customer")).isEqualTo(CUSTOMERS);
    }
}
