package io.touchpoint.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns in the trail that a reviewer should look at, each explained in plain words. They point at a
 * staff member's behaviour, never at a customer's data. Thresholds are deliberately simple and documented
 * (docs/access-log.md).
 */
@ApplicationScoped
public class UnusualAccess {

    /** Card views at least this many times the staff member's own daily average over the previous 30 days. */
    static final int RATE_FACTOR = 3;
    /** ...and at least this many views, so that a quiet week does not flag one extra card. */
    static final int RATE_MINIMUM = 20;
    static final int BREAK_GLASS_REPEATS = 3;
    static final int NOT_FOUND_REPEATS = 10;
    static final int NO_FLIGHT_REPEATS = 5;

    private final EntityManager em;

    public UnusualAccess(EntityManager em) {
        this.em = em;
    }

    public record Finding(
            @Schema(example = "repeated-break-glass") String rule,
            @Schema(example = "0b8c6f0e-staff") String staffSubject,
            @Schema(example = "4") long count,
            @Schema(example = "In this period 0b8c6f0e-staff made 4 break-glass name searches; each bypasses the rule that staff find customers only from what they present.") String explanation) {
    }

    public List<Finding> report(Instant from, Instant to) {
        List<Finding> findings = new ArrayList<>();
        double days = Math.max(Duration.between(from, to).toMinutes() / 1440.0, 1.0 / 24);
        for (Object[] row : rows("""
                WITH window_views AS (
                    SELECT staff_subject, count(*) AS views FROM access_record
                    WHERE recorded_at >= :from AND recorded_at < :to AND outcome IN ('SERVED', 'SERVED_WITHOUT_PREFERENCES')
                    GROUP BY staff_subject),
                usual AS (
                    SELECT staff_subject, count(*) / 30.0 AS per_day FROM access_record
                    WHERE recorded_at >= CAST(:from AS timestamptz) - interval '30 days' AND recorded_at < :from
                      AND outcome IN ('SERVED', 'SERVED_WITHOUT_PREFERENCES')
                    GROUP BY staff_subject)
                SELECT w.staff_subject, w.views, coalesce(u.per_day, 0) FROM window_views w
                LEFT JOIN usual u ON u.staff_subject = w.staff_subject
                WHERE w.views >= :minimum ORDER BY w.views DESC""", from, to, RATE_MINIMUM)) {
            long views = ((Number) row[1]).longValue();
            double usual = ((Number) row[2]).doubleValue() * days;
            if (views > RATE_FACTOR * usual) {
                findings.add(new Finding("high-rate", (String) row[0], views, String.format(
                        "%s opened %d cards in this period, against about %.0f usually for a period this long "
                                + "(their own average over the previous 30 days).", row[0], views, usual)));
            }
        }
        for (Object[] row : rows("""
                SELECT staff_subject, count(*) FROM access_record
                WHERE recorded_at >= :from AND recorded_at < :to AND (justification_sha256 IS NOT NULL OR break_glass_justification IS NOT NULL)
                GROUP BY staff_subject HAVING count(DISTINCT request_id) >= :minimum ORDER BY count(*) DESC""",
                from, to, BREAK_GLASS_REPEATS)) {
            findings.add(new Finding("repeated-break-glass", (String) row[0], ((Number) row[1]).longValue(), String.format(
                    "In this period %s made break-glass name searches that showed %d customers; each bypasses the rule "
                            + "that staff find customers only from what they present. Read the justifications.",
                    row[0], ((Number) row[1]).longValue())));
        }
        for (Object[] row : rows("""
                SELECT staff_subject, count(*) FROM access_record
                WHERE recorded_at >= :from AND recorded_at < :to AND outcome = 'NOT_FOUND'
                GROUP BY staff_subject HAVING count(*) >= :minimum ORDER BY count(*) DESC""",
                from, to, NOT_FOUND_REPEATS)) {
            findings.add(new Finding("many-misses", (String) row[0], ((Number) row[1]).longValue(), String.format(
                    "%s presented %d identifiers that matched nobody in this period. Many misses can mean guessing "
                            + "booking references or loyalty numbers to find someone.", row[0], ((Number) row[1]).longValue())));
        }
        for (Object[] row : rows("""
                SELECT staff_subject, count(*) FROM access_record
                WHERE recorded_at >= :from AND recorded_at < :to AND flight_today = false AND role <> 'supervisor'
                GROUP BY staff_subject HAVING count(*) >= :minimum ORDER BY count(*) DESC""",
                from, to, NO_FLIGHT_REPEATS)) {
            findings.add(new Finding("no-flight-today", (String) row[0], ((Number) row[1]).longValue(), String.format(
                    "%s opened %d cards of customers with no flight today. Frontline staff serve travellers in front of "
                            + "them; cards of people who are not travelling suggest looking people up.",
                    row[0], ((Number) row[1]).longValue())));
        }
        for (Object[] row : rows("""
                SELECT staff_subject, count(*) FROM unrecorded_relayed_read
                WHERE read_at >= :from AND read_at < :to
                GROUP BY staff_subject HAVING count(*) >= :minimum ORDER BY count(*) DESC""", from, to, 1)) {
            findings.add(new Finding("read-around-the-gateway", (String) row[0], ((Number) row[1]).longValue(), String.format(
                    "profile-service or recognition-service showed %d customers to %s's sign-in in this period without an "
                            + "access record here: the token was used around the gateway, by someone who also holds the "
                            + "gateway's client secret, or the gateway failed after the read. End that sign-in's sessions "
                            + "and rotate the gateway's client secret (docs/operations.md).",
                    ((Number) row[1]).longValue(), row[0])));
        }
        return findings;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to, int minimum) {
        return em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to)
                .setParameter("minimum", minimum).getResultList();
    }
}
