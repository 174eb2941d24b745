package io.touchpoint.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@GatewayTest
class UnusualAccessTest {

    @Inject
    EntityManager em;

    /** Records at chosen times, as the log would have written them then. */
    private void records(String staff, int count, Instant from, Duration spread, String outcome, String justification) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                em.createNativeQuery("""
                                INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, customer_id,
                                    purpose, policy_version, fields, receipts, outcome, justification_sha256, record_hash)
                                VALUES (gen_random_uuid(), :at, :request, :staff, 'gate-agent', 'GATE/A1', gen_random_uuid(),
                                    'personalised-service', 'v', 'greeting', '', :outcome,
                                    sha256(convert_to(CAST(:why AS text), 'UTF8')), decode(repeat('00', 32), 'hex'))""")
                        .setParameter("at", from.plus(spread.multipliedBy(i).dividedBy(Math.max(count, 1))))
                        .setParameter("request", "req-" + UUID.randomUUID())
                        .setParameter("staff", staff).setParameter("outcome", outcome).setParameter("why", justification)
                        .executeUpdate();
            }
        });
    }

    private static String report(Instant from, Instant to) {
        return given().auth().oauth2(Tokens.withRoles("auditor", "compliance-auditor"))
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/compliance/access-records/unusual").then().statusCode(200).extract().asString();
    }

    @Test
    void aStaffMemberFarAboveTheirOwnUsualRateIsFlaggedAndASteadyOneIsNot() {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        String busy = "busy-" + UUID.randomUUID();
        String steady = "steady-" + UUID.randomUUID();
        records(busy, 30, day.minus(Duration.ofDays(30)), Duration.ofDays(30), "SERVED", null);   // ~1 a day usually
        records(busy, 40, day, Duration.ofHours(20), "SERVED", null);                             // 40 in one day
        records(steady, 30 * 40, day.minus(Duration.ofDays(30)), Duration.ofDays(30), "SERVED", null); // ~40 a day usually
        records(steady, 40, day, Duration.ofHours(20), "SERVED", null);

        String findings = report(day, day.plus(Duration.ofDays(1)));

        org.hamcrest.MatcherAssert.assertThat(findings, containsString("\"rule\":\"high-rate\",\"staffSubject\":\"" + busy));
        org.hamcrest.MatcherAssert.assertThat(findings, not(containsString(steady)));
        org.hamcrest.MatcherAssert.assertThat(findings, containsString("opened 40 cards in this period, against about 1 usually"));
    }

    @Test
    void repeatedBreakGlassSearchesAndManyMissesAreFlaggedWithAPlainExplanation() {
        Instant start = Instant.now().minus(Duration.ofHours(12));
        String searcher = "searcher-" + UUID.randomUUID();
        String prober = "prober-" + UUID.randomUUID();
        records(searcher, 3, start, Duration.ofHours(2), "SERVED", "Passenger unwell and cannot present anything at all");
        records(prober, 12, start, Duration.ofHours(1), "NOT_FOUND", null);

        String findings = report(start.minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofMinutes(1)));

        org.hamcrest.MatcherAssert.assertThat(findings, containsString("\"rule\":\"repeated-break-glass\",\"staffSubject\":\"" + searcher));
        org.hamcrest.MatcherAssert.assertThat(findings, containsString("\"rule\":\"many-misses\",\"staffSubject\":\"" + prober));
        org.hamcrest.MatcherAssert.assertThat(findings, containsString("guessing booking references"));
    }

    @Test
    void cardsOfCustomersWithNoFlightTodayAreFlagged() {
        String peeker = "peeker-" + UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofHours(3));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 6; i++) {
                em.createNativeQuery("""
                                INSERT INTO access_record (id, recorded_at, request_id, staff_subject, role, touchpoint, customer_id,
                                    purpose, policy_version, fields, receipts, outcome, flight_today, record_hash)
                                VALUES (gen_random_uuid(), :at, :request, :staff, 'lounge-host', 'LOUNGE/T5', gen_random_uuid(),
                                    'personalised-service', 'v', 'greeting', '', 'SERVED', false, decode(repeat('00', 32), 'hex'))""")
                        .setParameter("at", start.plus(Duration.ofMinutes(i))).setParameter("request", "req-" + UUID.randomUUID())
                        .setParameter("staff", peeker).executeUpdate();
            }
        });

        String findings = report(start.minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofMinutes(1)));

        org.hamcrest.MatcherAssert.assertThat(findings, containsString("\"rule\":\"no-flight-today\",\"staffSubject\":\"" + peeker));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequest() {
        given().auth().oauth2(Tokens.withRoles("auditor", "compliance-auditor"))
                .queryParam("from", "2026-11-23T00:00:00Z").queryParam("to", "2026-11-22T00:00:00Z")
                .when().get("/api/compliance/access-records/unusual").then().statusCode(400);
        given().auth().oauth2(Tokens.withRoles("staff", "supervisor"))
                .when().get("/api/compliance/access-records/unusual").then().statusCode(403);
    }
}
