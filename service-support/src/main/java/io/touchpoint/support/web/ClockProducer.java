package io.touchpoint.support.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

public class ClockProducer {

    /**
     * UTC everywhere; a touchpoint's local day is derived where it matters (the BCBP scan date). Ticks in
     * microseconds, PostgreSQL's precision, so a time returned before and after storing is the same.
     */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
