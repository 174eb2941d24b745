package io.touchpoint.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every column of every table of a service's database, as the owner, for traces of one customer: so that
 * a table added later is checked without anyone remembering to (docs/erasure.md). Partitions are read through
 * their parent table.
 */
public final class ErasureSweep {

    /** Where a trace was found: {@code table.column}, and which of the customer's values it is. */
    public record Trace(String column, String what) {
        @Override
        public String toString() {
            return what + " in " + column;
        }
    }

    /** What identifies the customer: texts (case-insensitive), byte strings (photos) and the pseudonymous id. */
    public record Needles(Map<String, String> texts, Map<String, byte[]> bytes, UUID pseudonym) {
    }

    private ErasureSweep() {
    }

    /** Every table the sweep reads (partitioned tables once, not each partition). */
    public static List<String> tables() {
        try (Connection db = connect()) {
            return tables(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Every column holding one of the needles. The pseudonym counts as a trace wherever it appears, also inside
     * text (a receipt naming it); callers compare the result with the documented survivors.
     */
    public static List<Trace> traces(Needles needles) {
        List<Trace> found = new ArrayList<>();
        try (Connection db = connect()) {
            for (String table : tables(db)) {
                for (Map.Entry<String, String> column : columns(db, table).entrySet()) {
                    String name = column.getKey();
                    boolean bytea = "bytea".equals(column.getValue());
                    String qualified = table + "." + name;
                    // Every column read as text: a value hidden in a number, a list, JSON or an array is still found.
                    String asText = "lower(CAST(\"" + name + "\" AS text))";
                    for (Map.Entry<String, String> text : needles.texts().entrySet()) {
                        if (any(db, "SELECT 1 FROM \"" + table + "\" WHERE strpos(" + asText + ", lower(?)) > 0 LIMIT 1", text.getValue())) {
                            found.add(new Trace(qualified, text.getKey()));
                        }
                    }
                    if (needles.pseudonym() != null
                            && any(db, "SELECT 1 FROM \"" + table + "\" WHERE strpos(" + asText + ", ?) > 0 LIMIT 1", needles.pseudonym().toString())) {
                        found.add(new Trace(qualified, "pseudonymous id"));
                    }
                    if (bytea) {
                        for (Map.Entry<String, byte[]> bytes : needles.bytes().entrySet()) {
                            if (any(db, "SELECT 1 FROM \"" + table + "\" WHERE position(? IN \"" + name + "\") > 0 LIMIT 1", bytes.getValue())) {
                                found.add(new Trace(qualified, bytes.getKey()));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return found;
    }

    /**
     * The columns docs/erasure.md lists as surviving an erasure in one service: rows of its survivor table whose
     * first cell is the service and whose second names {@code table.column} in backticks.
     */
    public static Set<String> documentedSurvivors(String service) {
        Path doc = Path.of("../docs/erasure.md");
        Set<String> columns = new LinkedHashSet<>();
        Pattern row = Pattern.compile("^\\|\\s*" + Pattern.quote(service) + "\\s*\\|\\s*`([a-z_]+\\.[a-z_0-9]+)`");
        try {
            for (String line : Files.readAllLines(doc)) {
                Matcher m = row.matcher(line);
                if (m.find()) {
                    columns.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns;
    }

    private static boolean any(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("""
                SELECT t.table_name FROM information_schema.tables t
                JOIN pg_class c ON c.relname = t.table_name
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = t.table_schema
                WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND NOT c.relispartition
                ORDER BY t.table_name""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, String> columns(Connection db, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = db.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }

    private static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.flyway.jdbc-url", String.class);
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
