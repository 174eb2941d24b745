package io.touchpoint.gateway.audit;

import io.touchpoint.gateway.support.GatewayTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway migration V9 on a database that already holds justifications as V6 kept them (one row per distinct text):
 * each text moves to the records that name a customer who never asked for erasure, and goes from everywhere else.
 * A database of its own, migrated to V8, filled, then migrated on.
 */
@GatewayTest
class JustificationMigrationTest {

    private static final String SHARED = "Passenger collapsed at gate B7; two travellers named Okafor on the list";
    private static final String NOBODY = "Searching for a passenger who left a bag at gate B7, nobody by that name";
    private static final String ERASED = "Passenger Eve Erasedson fainted at the gate; the medics need her booking";

    @Test
    void eachTextMovesToTheRecordsOfCustomersWhoNeverAskedForErasureAndNowhereElse() throws SQLException {
        String database = "v9_" + UUID.randomUUID().toString().replace("-", "");
        String owner = ConfigProvider.getConfig().getValue("quarkus.flyway.jdbc-url", String.class);
        String url = owner.substring(0, owner.lastIndexOf('/') + 1) + database;
        try (Connection c = DriverManager.getConnection(owner, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        migrate(url, "8");
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), erased = UUID.randomUUID();
        UUID ofA = UUID.randomUUID(), ofB = UUID.randomUUID(), ofNobody = UUID.randomUUID(), ofErased = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String text : new String[]{SHARED, NOBODY, ERASED}) {
                s.execute("INSERT INTO break_glass_justification VALUES (" + sha256(text) + ", '" + text + "')");
            }
            s.execute(record(ofA, a, SHARED));
            s.execute(record(ofB, b, SHARED));
            s.execute(record(ofNobody, null, NOBODY));
            s.execute(record(ofErased, erased, ERASED));
            s.execute("INSERT INTO erasure_request (id, customer_id, requested_at) VALUES (gen_random_uuid(), '" + erased + "', now())");
        }

        migrate(url, "latest");

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            Map<String, String> kept = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT record_id, justification FROM access_record_justification ORDER BY justification, record_id")) {
                while (rs.next()) {
                    kept.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(kept).as("one copy per record of a customer who never asked for erasure")
                    .containsOnly(Map.entry(ofA.toString(), SHARED), Map.entry(ofB.toString(), SHARED));
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('public.break_glass_justification') IS NULL")) {
                assertThat(rs.next() && rs.getBoolean(1)).as("the table of texts by hash is gone, with the texts kept for nobody").isTrue();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM access_record WHERE justification_sha256 IS NOT NULL")) {
                assertThat(rs.next() ? rs.getLong(1) : 0).as("every record still commits to its justification's hash").isEqualTo(4);
            }
        }
    }

    private static String record(UUID id, UUID customer, String justification) {
        return "INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, customer_id, purpose, "
                + "policy_version, fields, receipts, outcome, justification_sha256, record_hash) VALUES ('" + id + "', now(), 'r', "
                + "'staff-9', 'supervisor', 'GATE/B7', " + (customer == null ? "NULL" : "'" + customer + "'") + ", "
                + "'personalised-service', 'v', '', '', 'SERVED', " + sha256(justification) + ", decode(repeat('00', 32), 'hex'))";
    }

    private static String sha256(String text) {
        return "sha256(convert_to('" + text + "', 'UTF8'))";
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/trail").outOfOrder(true).target(target)
                .placeholders(Map.of("appRole", "gateway_app", "integratorRole", "gateway_integrator",
                        "auditorRole", "gateway_auditor", "trailEntryTable", "access_record"))
                .load().migrate();
    }
}
