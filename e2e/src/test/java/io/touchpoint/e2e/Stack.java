package io.touchpoint.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The whole system, started by the README's run command ({@code ./touchpoint up}) on its own ports and state
 * directory under e2e/target, with the jars this build just made. Started once per test JVM, stopped (with
 * everything it started) when the JVM exits. What the run command started, and when it is ready, come from the
 * state file it writes ({@code state.properties}, docs/operations.md), never from the text it prints.
 */
final class Stack {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /**
     * {@code -De2e.stack=running}: use the stack a developer already started with {@code ./touchpoint up} on the
     * default ports, instead of starting one (for working on a scenario; CI always starts its own).
     */
    static final boolean ALREADY_RUNNING = "running".equals(System.getProperty("e2e.stack"));
    static final Path HOME = ALREADY_RUNNING ? ROOT.resolve(".touchpoint") : ROOT.resolve("e2e/target/stack");
    static final int GATEWAY = ALREADY_RUNNING ? 8080 : 18080;
    static final int PROFILE = ALREADY_RUNNING ? 8081 : 18081;
    static final int RECOGNITION = ALREADY_RUNNING ? 8082 : 18082;
    static final int KEYCLOAK = ALREADY_RUNNING ? 8180 : 18180;
    static final int POSTGRES = ALREADY_RUNNING ? 55432 : 56432;
    static final String PASSWORD = "local-demo-only";

    private static Process process;
    /** Services this suite stopped and started again itself, which the run command no longer tracks. */
    private static final Map<String, Process> restarted = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the run command started, written as it goes (docs/operations.md): {@code <name>.pid}, {@code <name>.port}, {@code ready}. */
    private static final Path STATE = HOME.resolve("state.properties");
    private static final Map<String, String> DATABASE = Map.of("profile-service", "profile", "recognition-service", "recognition");

    private Stack() {
    }

    static synchronized void start() {
        if (process != null || ALREADY_RUNNING) {
            return;
        }
        try {
            Files.createDirectories(HOME);
            // Fresh data every run (the downloaded and unpacked Keycloak is kept): scenarios change it.
            deleteRecursively(HOME.resolve("data"));
            Path log = HOME.resolve("up.log");
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("touchpoint").toString(), "up")
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("TOUCHPOINT_HOME", HOME.toString());
            env.put("TOUCHPOINT_SKIP_BUILD", "1");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("TOUCHPOINT_GATEWAY_PORT", String.valueOf(GATEWAY));
            env.put("TOUCHPOINT_PROFILE_PORT", String.valueOf(PROFILE));
            env.put("TOUCHPOINT_RECOGNITION_PORT", String.valueOf(RECOGNITION));
            env.put("TOUCHPOINT_KEYCLOAK_PORT", String.valueOf(KEYCLOAK));
            env.put("TOUCHPOINT_PG_PORT", String.valueOf(POSTGRES));
            env.put("TOUCHPOINT_DEMO_CUSTOMERS", "2000");
            // Reads around the gateway are reconciled within seconds here, not the two minutes a real run waits.
            env.put("TOUCHPOINT_RELAYED_READS_SETTLED", "PT2S");
            env.put("TOUCHPOINT_RELAYED_READS_RECONCILE_EVERY", "2s");
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            while (!isReady()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    String output = Files.exists(log) ? Files.readString(log) : "";
                    throw new IllegalStateException("./touchpoint up did not bring the stack up; its output:\n" + output
                            + "\nlogs in " + HOME.resolve("logs"));
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ready once this run (not one a killed JVM left behind) has written its ready marker. */
    private static boolean isReady() throws IOException {
        Properties state = state();
        return String.valueOf(process.pid()).equals(state.getProperty("up.pid")) && "true".equals(state.getProperty("ready"));
    }

    /** One service's entry in the state file, e.g. {@code stateOf("profile-service", "port")}. */
    private static String stateOf(String service, String key) {
        try {
            String value = state().getProperty(service + "." + key);
            if (value == null) {
                throw new IllegalStateException("no " + service + "." + key + " in " + STATE);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties state() throws IOException {
        Properties state = new Properties();
        if (Files.exists(STATE)) {
            try (var reader = Files.newBufferedReader(STATE)) {
                state.load(reader);
            }
        }
        return state;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Stops one service (SIGTERM) and waits until it is gone. */
    static synchronized void kill(String service) {
        Process own = restarted.remove(service);
        ProcessHandle handle = own != null ? own.toHandle()
                : ProcessHandle.of(Long.parseLong(stateOf(service, "pid")))
                        .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        handle.destroy();
        handle.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Starts a stopped service again as the run command does, and waits until it is ready. */
    static synchronized void restart(String service) {
        String port = stateOf(service, "port");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true).redirectOutput(HOME.resolve("logs/" + service + "-restarted.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", port);
            env.put("TOUCHPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:" + POSTGRES + "/" + DATABASE.get(service));
            env.put("TOUCHPOINT_OIDC_URL", "http://127.0.0.1:" + KEYCLOAK + "/realms/touchpoint");
            env.put("TOUCHPOINT_LOCAL_STACK", "true"); // as the run command does: the demo secrets are accepted here only
            if (service.equals("recognition-service")) {
                env.put("TOUCHPOINT_TRAIL_SIGNING_KEY_FILE", ROOT.resolve("deploy/dev-keys/consent-ledger.signer").toString());
            }
            restarted.put(service, builder.start());
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                try {
                    int status = http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(service + " did not come back; see " + HOME.resolve("logs/" + service + "-restarted.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to the run command, whose trap stops everything it started, by process id. */
    static synchronized void stop() {
        restarted.values().forEach(Process::destroy);
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The demo customers' boarding passes the run command wrote, by username. */
    static String boardingPass(String username) {
        try {
            List<String> lines = Files.readAllLines(HOME.resolve("demo-boarding-passes.txt"));
            return lines.stream().filter(l -> l.startsWith(username + "\t")).map(l -> l.split("\t", 2)[1]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no boarding pass for " + username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
