package io.touchpoint.demo;

import org.postgresql.PGConnection;
import io.touchpoint.gateway.audit.CanonicalRecord;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Loads generated customers with COPY, in chunks, into profile-service's and recognition-service's databases,
 * connected as their owner after the services have migrated them. Prints a progress bar. Refuses to load twice.
 *
 * <pre>java io.touchpoint.demo.DemoLoader --customers 100 [--seed 1] [--db jdbc:postgresql://127.0.0.1:55432]
 *     [--user postgres --password postgres] [--passes .touchpoint/demo-boarding-passes.txt]
 *     [--keycloak http://127.0.0.1:8180/realms/touchpoint --gateway http://127.0.0.1:8080 --looks 40]</pre>
 */
public final class DemoLoader {

    private static final int CHUNK = 5_000;

    private final DemoGenerator generator;
    private final PrintStream progress;
    private Connection gateway;
    private int historyPerCustomer;

    /** Also load past staff looks into the access log (queued for the trail as imported history). */
    public void history(Connection gateway, int perCustomer) {
        this.gateway = gateway;
        this.historyPerCustomer = perCustomer;
    }

    public DemoLoader(DemoGenerator generator, PrintStream progress) {
        this.generator = generator;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        int customers = 100;
        long seed = 1;
        String db = "jdbc:postgresql://127.0.0.1:55432";
        String user = "postgres";
        String password = "postgres";
        Path passes = null;
        String keycloak = null;
        String gateway = null;
        int looks = 0;
        int history = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(require(value, "--customers"));
                case "--seed" -> seed = Long.parseLong(require(value, "--seed"));
                case "--db" -> db = require(value, "--db");
                case "--user" -> user = require(value, "--user");
                case "--password" -> password = require(value, "--password");
                case "--passes" -> passes = Path.of(require(value, "--passes"));
                case "--keycloak" -> keycloak = require(value, "--keycloak");
                case "--gateway" -> gateway = require(value, "--gateway");
                case "--looks" -> looks = Integer.parseInt(require(value, "--looks"));
                case "--history-per-customer" -> history = Integer.parseInt(require(value, "--history-per-customer"));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (customers < 1 || customers > 10_000_000) {
            usage("--customers is 1 to 10,000,000");
        }
        try (Connection profile = DriverManager.getConnection(db + "/profile", user, password);
             Connection recognition = DriverManager.getConnection(db + "/recognition", user, password);
             Connection accessLog = DriverManager.getConnection(db + "/gateway", user, password)) {
            DemoLoader loader = new DemoLoader(new DemoGenerator(seed, Instant.now()), System.err);
            loader.history(accessLog, history);
            if (!loader.load(profile, recognition, customers)) {
                System.err.println("demo data already loaded; nothing to do");
                return;
            }
            if (passes != null) {
                Files.writeString(passes, loader.boardingPasses());
                System.err.println("boarding passes of the demo customers' flights today: " + passes);
            }
            if (looks > 0 && keycloak != null && gateway != null) {
                int served = new DemoTraffic(keycloak, gateway, "local-demo-only").openCards(looks, seed);
                System.err.printf("demo traffic: staff opened %d cards of the demo customers through the gateway%n", served);
            }
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("demo data: " + problem);
        System.err.println("usage: DemoLoader --customers N [--seed S] [--db jdbc:postgresql://host:port] [--user U --password P] [--passes FILE]"
                + " [--history-per-customer N] [--keycloak REALM-URL --gateway URL --looks N]");
        System.exit(2);
    }

    /**
     * Loads customers [0, count) into each database that does not hold them yet, one transaction per database:
     * a failed load leaves nothing behind, and a rerun completes what is missing. False if all were loaded.
     *
     * <p>Whether a database holds the demo data is decided by a marker row written in the same transaction as the
     * data ({@link #MARKER}), never by looking for a customer's data: customers may erase theirs, and a restart
     * must neither fail on what their erasure left nor bring back what it removed.
     */
    public boolean load(Connection profile, Connection recognition, int count) throws SQLException, IOException {
        UUID first = DemoCustomers.ALL.getFirst().id();
        boolean toGateway = historyPerCustomer > 0 && gateway != null
                && !loaded(gateway, "access-history", "SELECT 1 FROM access_record WHERE request_id LIKE 'demo-0-%'");
        // The legacy probes look only at rows an erasure keeps (the pseudonymous profile row, the consent ledger).
        boolean toProfile = !loaded(profile, "customers", "SELECT 1 FROM customer WHERE id = '" + first + "'");
        boolean toRecognition = !loaded(recognition, "customers", "SELECT 1 FROM consent_event WHERE customer_id = '" + first + "'");
        if (!toProfile && !toRecognition && !toGateway) {
            return false;
        }
        CopyManager gatewayCopy = null;
        if (toGateway) {
            gateway.setAutoCommit(false);
            gatewayCopy = gateway.unwrap(PGConnection.class).getCopyAPI();
            try (Statement statement = gateway.createStatement()) {
                // Monthly partitions for the year of history; then the history is queued as imported, like the ledger's.
                statement.execute("SELECT ensure_access_record_partition((date_trunc('month', now()) - make_interval(months => m))::date) "
                        + "FROM generate_series(0, 13) AS m");
                statement.execute("ALTER TABLE access_record DISABLE TRIGGER access_record_enqueue");
            }
        }
        profile.setAutoCommit(false);
        recognition.setAutoCommit(false);
        CopyManager profileCopy = toProfile ? profile.unwrap(PGConnection.class).getCopyAPI() : null;
        CopyManager recognitionCopy = toRecognition ? recognition.unwrap(PGConnection.class).getCopyAPI() : null;
        if (toRecognition) {
            // The ledger history is dated in the past by design: queue it for the trail as imported (owner only),
            // so verification counts it as such instead of reporting every row as backdated.
            try (Statement statement = recognition.createStatement()) {
                statement.execute("ALTER TABLE consent_event DISABLE TRIGGER consent_event_enqueue");
            }
        }
        Progress bar = new Progress(progress, count);
        try {
            for (int start = 0; start < count; start += CHUNK) {
                Tables tables = new Tables();
                for (int i = start; i < Math.min(count, start + CHUNK); i++) {
                    DemoGenerator.Customer customer = generator.customer(i);
                    tables.add(customer);
                    if (toGateway) {
                        tables.addLooks(customer, generator.looks(customer, i, historyPerCustomer));
                    }
                }
                tables.copy(profileCopy, recognitionCopy);
                tables.copyLooks(gatewayCopy);
                bar.update(Math.min(count, start + CHUNK));
            }
            if (toRecognition) {
                try (Statement statement = recognition.createStatement()) {
                    statement.execute("ALTER TABLE consent_event ENABLE ALWAYS TRIGGER consent_event_enqueue");
                }
            }
            if (toGateway) {
                try (Statement statement = gateway.createStatement()) {
                    statement.execute("ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_enqueue");
                }
                mark(gateway, "access-history", count);
                gateway.commit();
            }
            if (toRecognition) {
                mark(recognition, "customers", count);
            }
            if (toProfile) {
                mark(profile, "customers", count);
            }
            recognition.commit();
            profile.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            if (toGateway) {
                gateway.rollback();
            }
            recognition.rollback();
            profile.rollback();
            throw e;
        }
        bar.done();
        return true;
    }

    /** Local-stack bookkeeping, in each database the loader writes to: which dataset it loaded. No customer data. */
    static final String MARKER = "demo_data_load";

    /**
     * Whether this database already holds the dataset. A database loaded before markers existed is recognised by
     * {@code legacyProbe} once and marked, so an existing stack is not loaded twice either.
     */
    private boolean loaded(Connection db, String dataset, String legacyProbe) throws SQLException {
        db.setAutoCommit(true); // the marker table and a legacy mark stand on their own; the load opens its transaction later
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + MARKER + " (dataset varchar(40) PRIMARY KEY, seed bigint NOT NULL, "
                    + "customers integer NOT NULL, loaded_at timestamptz NOT NULL)");
        }
        if (holds(db, "SELECT 1 FROM " + MARKER + " WHERE dataset = '" + dataset + "'")) {
            return true;
        }
        if (holds(db, legacyProbe)) {
            mark(db, dataset, 0);
            return true;
        }
        return false;
    }

    private void mark(Connection db, String dataset, int customers) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + MARKER + " (dataset, seed, customers, loaded_at) "
                + "VALUES (?, ?, ?, now())")) {
            insert.setString(1, dataset);
            insert.setLong(2, generator.seed());
            insert.setInt(3, customers);
            insert.executeUpdate();
        }
    }

    private static boolean holds(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }

    /** Ready-to-scan barcodes for the named demo customers' flights today. */
    public String boardingPasses() {
        StringBuilder out = new StringBuilder("# IATA BCBP barcodes of the demo customers' flights today (synthetic data)\n");
        for (int i = 0; i < DemoCustomers.ALL.size(); i++) {
            DemoGenerator.Customer customer = generator.customer(i);
            DemoGenerator.Trip trip = customer.trips().getFirst();
            out.append(DemoCustomers.ALL.get(i).username()).append('\t')
                    .append(DemoGenerator.boardingPass(customer, trip, trip.segments().getFirst())).append('\n');
        }
        return out.toString();
    }

    /** One chunk's rows, per table, as COPY CSV. */
    private static final class Tables {
        final StringBuilder customer = new StringBuilder();
        final StringBuilder identifier = new StringBuilder();
        final StringBuilder trip = new StringBuilder();
        final StringBuilder segment = new StringBuilder();
        final StringBuilder event = new StringBuilder();
        final StringBuilder preference = new StringBuilder();
        final StringBuilder consent = new StringBuilder();
        final StringBuilder queued = new StringBuilder();
        final StringBuilder looks = new StringBuilder();
        final StringBuilder looksQueued = new StringBuilder();

        void addLooks(DemoGenerator.Customer c, List<DemoGenerator.Look> generated) {
            for (DemoGenerator.Look look : generated) {
                // The access log's own canonical form and hash (staff-gateway's CanonicalRecord), so the trail agrees.
                CanonicalRecord.Content content = new CanonicalRecord.Content(look.id(), look.recordedAt(), look.requestId(),
                        look.staffSubject(), look.role(), look.device(), look.touchpoint(), c.id(), "personalised-service",
                        "2026-11-23.1", look.fields(), look.receipts(), "SERVED", null, true);
                row(looks, look.id(), look.recordedAt(), look.requestId(), look.staffSubject(), look.role(), look.device(),
                        look.touchpoint(), c.id(), "personalised-service", "2026-11-23.1",
                        String.join(",", look.fields().stream().sorted().toList()), String.join(",", look.receipts().stream().sorted().toList()),
                        "SERVED", null, "\\x" + HexFormat.of().formatHex(CanonicalRecord.sha256(content)), true);
                row(looksQueued, look.id(), look.recordedAt(), true);
            }
        }

        void copyLooks(CopyManager gateway) throws SQLException, IOException {
            if (gateway != null) {
                copy(gateway, "access_record (id, recorded_at, request_id, staff_subject, role, device, touchpoint, customer_id, purpose, "
                        + "policy_version, fields, receipts, outcome, break_glass_justification, record_hash, flight_today)", looks);
                copy(gateway, "trail_pending (entry_id, recorded_at, imported)", looksQueued);
            }
        }

        void add(DemoGenerator.Customer c) {
            Instant created = Instant.parse("2025-01-01T00:00:00Z");
            row(customer, c.id(), c.externalId(), c.givenName(), c.familyName(), c.preferredAddress(), c.pronunciation(), c.tier(),
                    "ACTIVE", created, created, null);
            row(identifier, uuid(c.id(), 0), c.id(), "LOYALTY_NUMBER", c.loyaltyNumber());
            int n = 1;
            for (DemoGenerator.Trip t : c.trips()) {
                row(identifier, uuid(c.id(), n++), c.id(), "BOOKING_REFERENCE", t.bookingReference());
                row(trip, t.id(), t.externalId(), c.id(), t.bookingReference(), created, created);
                for (DemoGenerator.Segment s : t.segments()) {
                    row(segment, s.id(), t.id(), c.id(), s.position(), s.carrier(), s.flightNumber(), s.origin(), s.destination(),
                            s.departure(), s.cabin(), s.seat(), s.specialMeal(), s.assistance());
                }
            }
            for (DemoGenerator.ServiceEvent e : c.events()) {
                row(event, e.id(), e.externalId(), c.id(), e.type(), e.category(), e.summary(), e.status(), e.occurredAt(),
                        e.segmentId(), created, created);
            }
            for (DemoGenerator.Preference p : c.preferences()) {
                row(preference, c.id(), p.key(), p.value(), "PORTAL", created);
            }
            for (DemoGenerator.ConsentStep s : c.consents()) {
                row(consent, s.id(), c.id(), s.consentId(), s.kind(), s.purpose(), 1, String.join(",", s.categories()),
                        String.join(",", s.roles()), String.join(",", s.touchpointTypes()), s.recordedAt(), s.expiresAt(), "PORTAL");
                row(queued, s.id(), s.recordedAt(), true);
            }
        }

        /** Copies into the databases given (null: already loaded, skipped). */
        void copy(CopyManager profile, CopyManager recognition) throws SQLException, IOException {
            if (profile != null) {
                copyProfile(profile);
            }
            if (recognition != null) {
                copyRecognition(recognition);
            }
        }

        private void copyProfile(CopyManager profile) throws SQLException, IOException {
            copy(profile, "customer (id, external_id, given_name, family_name, preferred_address, name_pronunciation, tier, status, created_at, updated_at, erased_at)", customer);
            copy(profile, "customer_identifier (id, customer_id, type, value)", identifier);
            copy(profile, "trip (id, external_id, customer_id, booking_reference, created_at, updated_at)", trip);
            copy(profile, "segment (id, trip_id, customer_id, position, carrier, flight_number, origin, destination, scheduled_departure, cabin, seat, special_meal, assistance)", segment);
            copy(profile, "service_event (id, external_id, customer_id, type, category, summary, status, occurred_at, segment_id, created_at, updated_at)", event);
        }

        private void copyRecognition(CopyManager recognition) throws SQLException, IOException {
            copy(recognition, "customer_preference (customer_id, key, value, source, updated_at)", preference);
            copy(recognition, "consent_event (id, customer_id, consent_id, kind, purpose_key, notice_version, categories, roles, touchpoint_types, recorded_at, expires_at, channel)", consent);
            copy(recognition, "trail_pending (entry_id, recorded_at, imported)", queued);
        }

        private static void copy(CopyManager manager, String target, StringBuilder rows) throws SQLException, IOException {
            if (!rows.isEmpty()) {
                manager.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
            }
        }

        private static void row(StringBuilder out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = values[i];
                if (value == null) {
                    continue; // unquoted empty: NULL
                }
                if (value instanceof Number || value instanceof UUID || value instanceof Instant || value instanceof Boolean) {
                    out.append(value);
                } else {
                    out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }

        /** Identifier row ids derived from the customer's, so a reload of the same seed gives the same rows. */
        private static UUID uuid(UUID customer, int n) {
            return UUID.nameUUIDFromBytes((customer + "/identifier/" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A progress bar on a terminal, a line per tenth elsewhere (CI logs). */
    private static final class Progress {
        private final PrintStream out;
        private final int total;
        private final long start = System.nanoTime();
        private final boolean terminal = System.console() != null;
        private int lastTenth = -1;

        Progress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        void update(int done) {
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            int percent = (int) (100L * done / total);
            String line = String.format("demo data [%-30s] %3d%% %,d/%,d customers, %,.0f/s", "#".repeat(percent * 30 / 100),
                    percent, done, total, done / seconds);
            if (terminal) {
                out.print("\r" + line);
            } else if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                out.println(line);
            }
        }

        void done() {
            if (terminal) {
                out.println();
            }
            out.printf("demo data: %,d customers in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
        }
    }
}
