package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.gateway.support.GatewayTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs as gateway_app, the role the service uses, which may only add and read records. */
@GatewayTest
class AccessLogTest {

    @Inject
    AccessLog log;

    @Inject
    EntityManager em;

    private static AccessLog.Entry entry(String requestId) {
        return new AccessLog.Entry(requestId, "staff-4711", "gate-agent", "tablet-17", "GATE/A12", UUID.randomUUID(),
                "personalised-service", "2026-11-23.1", List.of("tier", "greeting"), List.of(UUID.randomUUID().toString()),
                "SERVED", null, true);
    }

    @Test
    void aRecordStoresTheHashOfItsOwnCanonicalForm() {
        AccessRecord written = log.record(entry("req-" + UUID.randomUUID()));

        AccessRecord stored = QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>findById(written.id));
        assertThat(stored.recordHash).hasSize(32).isEqualTo(CanonicalRecord.sha256(stored.content()));
        assertThat(stored.fields).isEqualTo("greeting,tier");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE access_record SET outcome = 'DENIED'",
            "UPDATE access_record SET fields = ''",
            "DELETE FROM access_record",
            "TRUNCATE access_record",
            "DELETE FROM access_record_default",
            "ALTER TABLE access_record DISABLE TRIGGER access_record_no_update_delete",
            "DROP TABLE access_record CASCADE"})
    void theServiceRoleCannotChangeOrRemoveRecords(String statement) {
        log.record(entry("req-" + UUID.randomUUID()));
        List<?> before = snapshot();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate()))
                .isNotNull();

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRecordBeyondTheCreatedPartitionsIsStillKept() {
        String requestId = "req-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, purpose,
                            policy_version, fields, receipts, outcome, record_hash)
                        VALUES (gen_random_uuid(), now() + interval '5 years', :request, 's', 'gate-agent', 'GATE/A1',
                            'personalised-service', 'v', '', '', 'SERVED', decode(repeat('00', 32), 'hex'))""")
                .setParameter("request", requestId).executeUpdate());

        Object partition = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT tableoid::regclass::text FROM access_record WHERE request_id = :request")
                .setParameter("request", requestId).getSingleResult());
        assertThat(partition).isEqualTo("access_record_default");
    }

    @Test
    void theServiceCanCreateUpcomingMonthlyPartitions() {
        log.createUpcomingPartitions();
        String next = LocalDate.now(ZoneOffset.UTC).plusMonths(2).withDayOfMonth(1).toString().substring(0, 7).replace('-', '_');

        Object exists = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT to_regclass('access_record_" + next + "')::text").getSingleResult());
        assertThat(exists).isEqualTo("access_record_" + next);
    }

    @Test
    void aConcurrentBurstKeepsEveryRecord() throws Exception {
        String burst = "burst-" + UUID.randomUUID() + "-";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String requestId = burst + i;
            done.add(pool.submit(() -> log.record(entry(requestId))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        Object count = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(DISTINCT request_id) FROM access_record WHERE request_id LIKE :burst")
                .setParameter("burst", burst + "%").getSingleResult());
        assertThat(((Number) count).longValue()).isEqualTo(400);
    }

    private List<?> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, outcome, fields, encode(record_hash, 'hex') FROM access_record ORDER BY id").getResultList()
                .stream().map(row -> java.util.Arrays.asList((Object[]) row)).toList());
    }
}
