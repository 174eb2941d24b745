package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Superuser;
import io.touchpoint.gateway.support.TrailClient;
import io.touchpoint.trail.TrailIntegrator;
import io.touchpoint.trail.TrailProofs;
import io.touchpoint.trail.TrailStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does the integrator keep up? The floor is measured in the same run on the same machine: the rate at which
 * the access log itself can be written (8 writers, one record per transaction, as cards write). The integrator
 * must integrate at least as fast, or the queue would grow without bound under the heaviest load this machine
 * can produce. Also prints proof and re-verification costs. Not part of the test run: ./touchpoint benchmark.
 */
@Tag("benchmark")
@GatewayTest
@TestProfile(TrailBenchmark.OwnDatabase.class)
class TrailBenchmark {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final int RECORDS = Integer.getInteger("trail.benchmark.records", 20_000);
    private static final int WRITERS = 8;

    @Inject
    AccessLog log;

    @Inject
    TrailIntegrator integrator;

    @Inject
    TrailProofs proofs;

    @Inject
    TrailStore store;

    /** Writes records as cards do, from parallel writers, one per transaction; returns the seconds taken. */
    private double write(int count, String requestId, List<UUID> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < count / WRITERS; i++) {
                    ids.add(QuarkusTransaction.requiringNew().call(() -> log.record(new AccessLog.Entry(requestId, "staff-bench",
                            "gate-agent", "tablet-1", "GATE/A1", UUID.randomUUID(), "personalised-service", "v",
                            List.of("greeting", "tier"), List.of(), "SERVED", null, true)).id));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void theIntegratorKeepsUpWithTheFastestTheLogCanBeWritten() throws Exception {
        // What the queue trigger costs the card path: the same writes without it, then removed again.
        List<UUID> untracked = java.util.Collections.synchronizedList(new ArrayList<>());
        Superuser.run("ALTER TABLE access_record DISABLE TRIGGER access_record_enqueue");
        write(RECORDS / 2, "bench-untracked", new ArrayList<>()); // warm-up: JIT, pool, caches
        double withoutTrail = write(RECORDS / 2, "bench-untracked", untracked);
        Superuser.run("ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_enqueue",
                "ALTER TABLE access_record DISABLE TRIGGER access_record_no_update_delete",
                "DELETE FROM access_record WHERE request_id = 'bench-untracked'",
                "ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_update_delete");

        List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        double writeSeconds = write(RECORDS, "bench", ids);

        long integrateStart = System.nanoTime();
        TrailClient.drain(integrator);
        double integrateSeconds = (System.nanoTime() - integrateStart) / 1e9;

        Random random = new Random(1);
        long proofStart = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            assertThat(QuarkusTransaction.requiringNew().call(() -> proofs.inclusion(id, true))).isPresent();
        }
        double proofMillis = (System.nanoTime() - proofStart) / 1e6 / 1000;

        String tree = QuarkusTransaction.requiringNew().call(() -> store.leafOf(ids.getFirst()).orElseThrow().tree());
        long verifyStart = System.nanoTime();
        given().auth().oauth2(TrailClient.auditor()).when().post("/api/trail/trees/" + tree + "/verification")
                .then().statusCode(200).body("intact", org.hamcrest.Matchers.is(true));
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;

        double writeRate = ids.size() / writeSeconds;
        double integrateRate = ids.size() / integrateSeconds;
        System.out.printf("%n[trail benchmark] %d records%n"
                        + "  without the trail's queue trigger: %.0f records/s%n"
                        + "  floor: written by %d writers at %.0f records/s (%.1f s)%n"
                        + "  integrated at %.0f records/s (%.1f s): %.1fx the floor%n"
                        + "  inclusion proof (with entry): %.2f ms each, 1000 sequential%n"
                        + "  re-verification of the whole tree: %.1f s (%.0f records/s)%n%n",
                ids.size(), untracked.size() / withoutTrail, WRITERS, writeRate, writeSeconds, integrateRate, integrateSeconds, integrateRate / writeRate,
                proofMillis, verifySeconds, ids.size() / verifySeconds);
        assertThat(integrateRate).as("the integrator must keep up with the write floor").isGreaterThanOrEqualTo(writeRate);
    }
}
