package io.touchpoint.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test database as one of a service's own login roles (the service's, the trail integrator's, the auditor's;
 * local password = role name): what someone holding that role's credentials can do, grants and triggers included.
 */
public final class AsRole {

    private AsRole() {
    }

    public static Connection connect(String role) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.flyway.jdbc-url", String.class);
        return DriverManager.getConnection(url, role, role);
    }

    /**
     * Tries one statement in a transaction that is then rolled back, so a write that is wrongly allowed leaves nothing
     * behind. Returns the SQL state it was refused with, or null when it went through.
     */
    public static String attempt(String role, String sql) {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                return null;
            } catch (SQLException refused) {
                return refused.getSQLState();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect as " + role + ": " + e.getMessage(), e);
        }
    }

    /** Runs the statements in one committed transaction. */
    public static void run(String role, String... statements) {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
