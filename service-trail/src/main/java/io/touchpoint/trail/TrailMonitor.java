package io.touchpoint.trail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the trail's completeness where an alert helps: the open months (not yet closed into the epochs tree).
 * Set-wise, as the service's read-only role: how long the oldest queued entry has waited, how many entries are
 * neither queued nor a leaf of a signed tree (hidden from the queue, or written around it), and how many leaves
 * have no entry; and any tree whose latest checkpoint does not verify. Published as gauges and as the health group {@code trail} ({@code /q/health/group/trail}).
 */
@ApplicationScoped
public class TrailMonitor {

    /** What a look found; counts only, never an entry's content. */
    public record State(long queued, Duration oldestQueuedAge, long stalled, long unintegrated, long leavesWithoutEntry,
                        long unverifiedCheckpoints, Instant checkedSince, Instant checkedAt) {

        /** True when integration keeps up, nothing escaped it, and every tree's latest checkpoint is the signer's. */
        public boolean healthy() {
            return stalled == 0 && unintegrated == 0 && leavesWithoutEntry == 0 && unverifiedCheckpoints == 0;
        }
    }

    private final TrailStore store;
    private final TrailEntries entries;
    private final TrailConfig config;
    private final TrailVerification verification;
    private final Clock clock;
    private final AtomicReference<State> last = new AtomicReference<>();

    public TrailMonitor(TrailStore store, TrailEntries entries, TrailConfig config, TrailVerification verification, Clock clock,
                        MeterRegistry registry) {
        this.store = store;
        this.entries = entries;
        this.config = config;
        this.verification = verification;
        this.clock = clock;
        gauge(registry, "touchpoint.trail.queue.entries", "Entries waiting for the integrator", null, s -> s.queued());
        gauge(registry, "touchpoint.trail.queue.oldest.age", "How long the oldest queued entry has waited", "seconds",
                s -> s.oldestQueuedAge().toMillis() / 1000.0);
        gauge(registry, "touchpoint.trail.queue.stalled", "Queued entries older than the lag", null, s -> s.stalled());
        gauge(registry, "touchpoint.trail.unintegrated", "Entries of open months neither queued nor a leaf of a signed tree",
                null, s -> s.unintegrated());
        gauge(registry, "touchpoint.trail.leaves.without.entry", "Leaves of open months whose entry does not exist", null,
                s -> s.leavesWithoutEntry());
        gauge(registry, "touchpoint.trail.checkpoints.unverified", "Trees whose latest checkpoint does not verify with the signer's key",
                null, s -> s.unverifiedCheckpoints());
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       java.util.function.ToDoubleFunction<State> value) {
        Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description).baseUnit(unit).register(registry);
    }

    @Scheduled(every = "${touchpoint.trail.monitor-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /** Looks now, and publishes what it found. */
    @Transactional
    public State check() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(config.lag());
        // The open months: from the first month after the newest closed one (the verification API covers closed ones).
        Instant since = store.newestClosedEpoch()
                .map(epoch -> YearMonth.parse(epoch).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.EPOCH);
        Instant until = now.plus(Duration.ofDays(366)); // entries dated ahead are checked too
        TrailStore.QueueState queue = store.queue(staleBefore);
        long unintegrated = store.uncovered(entries.table(), since, until, 1).count();
        long withoutEntry = 0;
        long unverified = 0;
        for (TrailStore.StoredCheckpoint tree : store.latestCheckpoints()) {
            if (!verification.signatureValid(tree.tree(), tree)) {
                unverified++;
            }
            if (!tree.tree().equals(TrailIntegrator.EPOCHS_TREE) && store.epoch(tree.tree()).isEmpty()) {
                withoutEntry += store.leavesWithoutEntry(entries.table(), tree.tree(), 1).count();
            }
        }
        Duration age = queue.oldest() == null ? Duration.ZERO : Duration.between(queue.oldest(), now);
        State state = new State(queue.entries(), age.isNegative() ? Duration.ZERO : age, queue.stale(), unintegrated, withoutEntry, unverified, since, now);
        last.set(state);
        return state;
    }
}
