package io.touchpoint.gateway.audit;

import io.touchpoint.gateway.support.GatewayTest;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the compliance API and the console both read: views per hour from real records, and the same bounds for both. */
@GatewayTest
class ComplianceServiceTest {

    @Inject
    AccessLog log;

    @Inject
    ComplianceService compliance;

    private void look(String touchpoint, String outcome) {
        log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), "staff-views", "gate-agent", "tablet-1", touchpoint,
                UUID.randomUUID(), "personalised-service", "2026-11-23.1", List.of("greeting"), List.of(), outcome, null, true));
    }

    private List<ComplianceService.HourlyViews> viewsAt(String touchpoint, Instant from, Instant to) {
        return compliance.viewsPerHour(from, to).stream().filter(v -> v.touchpoint().equals(touchpoint)).toList();
    }

    @Test
    void viewsPerHourCountServedCardsByTouchpointInWholeHours() {
        String gate = "GATE/V" + Math.abs(UUID.randomUUID().hashCode() % 10000);
        String lounge = gate.replace("GATE", "LOUNGE");
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        look(gate, "SERVED");
        look(gate, "SERVED");
        look(gate, "SERVED_WITHOUT_PREFERENCES");
        look(gate, "NOT_FOUND");
        look(gate, "DENIED");
        look(lounge, "SERVED");
        Instant after = Instant.now().plus(1, ChronoUnit.HOURS);

        List<ComplianceService.HourlyViews> atGate = viewsAt(gate, before, after);

        // A miss or a refusal showed nothing, so it is no view.
        assertThat(atGate.stream().mapToLong(ComplianceService.HourlyViews::views).sum()).isEqualTo(3);
        assertThat(atGate).allSatisfy(v -> assertThat(v.hour()).isEqualTo(v.hour().truncatedTo(ChronoUnit.HOURS)));
        assertThat(viewsAt(lounge, before, after)).extracting(ComplianceService.HourlyViews::views).containsExactly(1L);
    }

    @Test
    void viewsOutsideThePeriodAreNotCounted() {
        String gate = "GATE/W" + Math.abs(UUID.randomUUID().hashCode() % 10000);
        look(gate, "SERVED");

        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        assertThat(viewsAt(gate, later, later.plus(1, ChronoUnit.HOURS))).isEmpty();
    }

    @Test
    void aFilterTheApiWouldRefuseIsRefusedWhenThePageAsksToo() {
        ComplianceFilter filter = new ComplianceFilter();
        filter.customerId = "not-a-uuid";
        filter.role = "hacker";

        assertThatThrownBy(() -> compliance.search(filter, null, 25)).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> compliance.export(filter)).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void theUnusualAccessPeriodIsBoundedWhoeverAsks() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> compliance.unusualAccess(now.minus(40, ChronoUnit.DAYS), now))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> compliance.unusualAccess(now, now))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.getStatusCode()).isEqualTo(400));
        Instant farFuture = Instant.parse("+200000-01-01T00:00:00Z");
        assertThatThrownBy(() -> compliance.unusualAccess(farFuture.minus(1, ChronoUnit.DAYS), farFuture))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.getStatusCode()).isEqualTo(400));
    }
}
