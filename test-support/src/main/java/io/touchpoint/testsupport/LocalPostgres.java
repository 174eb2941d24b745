package io.touchpoint.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The database of the local run: a real PostgreSQL server from Maven artifacts on a persistent data
 * directory, so data survives restarts. Creates one database per service and runs until stopped.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> <port> <database>[,<database>...]}
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalPostgres <data-dir> <port> <database>[,<database>...]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args[2].split(","));
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        for (String database : databases) {
            Databases.createIfMissing(postgres.getPostgresDatabase(), database);
            // The roles a service connects as where its migrations restrict it (local password = role name): the
            // service's own, the trail integrator's, and the read-only trail auditor's (ADR 0012).
            for (String role : List.of(database + "_app", database + "_integrator", database + "_auditor")) {
                Databases.createRoleIfMissing(postgres.getPostgresDatabase(), role, role);
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + dataDirectory + ")");
        stopped.await();
    }
}
