package io.touchpoint.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database owner, for tests that play an attacker (or an operator) with full access: it bypasses the
 * service role's grants, as a compromised superuser would.
 */
public final class Superuser {

    private Superuser() {
    }

    private static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.flyway.jdbc-url", String.class);
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** Runs the statements in one transaction. */
    public static void run(String... statements) {
        try (Connection connection = connect()) {
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

    /** The first column of the first row. */
    public static Object value(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
