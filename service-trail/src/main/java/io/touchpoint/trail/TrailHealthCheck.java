package io.touchpoint.trail;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/trail}: DOWN when integration is stalled or an entry escaped the trail. Not a readiness
 * check: records are still taken while integration lags, and taking the service out would not bring it back.
 */
@HealthGroup("trail")
@ApplicationScoped
public class TrailHealthCheck implements HealthCheck {

    private final TrailMonitor monitor;

    public TrailHealthCheck(TrailMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        TrailMonitor.State state = monitor.check();
        return HealthCheckResponse.named("trail").status(state.healthy())
                .withData("queued", state.queued())
                .withData("oldestQueuedSeconds", state.oldestQueuedAge().toSeconds())
                .withData("stalled", state.stalled())
                .withData("unintegrated", state.unintegrated())
                .withData("leavesWithoutEntry", state.leavesWithoutEntry())
                .withData("unverifiedCheckpoints", state.unverifiedCheckpoints())
                .build();
    }
}
