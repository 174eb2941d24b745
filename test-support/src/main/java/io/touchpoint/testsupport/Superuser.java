package io.touchpoint.testsupport;

import java.sql.Connection;
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

    /** The owner's login (local password = role name, like every role of the test database). */
    private static final String OWNER = "postgres";

    /** Runs the statements in one transaction. */
    public static void run(String... statements) {
        AsRole.run(OWNER, statements);
    }

    /** The first column of the first row. */
    public static Object value(String sql) {
        try (Connection connection = AsRole.connect(OWNER); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
