package io.touchpoint.gateway.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.touchpoint.gateway.audit.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import org.hibernate.LockOptions;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One erasure request reaches every service that holds the customer's data. Each service's part is tried at
 * once and, while it fails, again with growing pauses (15 s doubling to an hour) until it succeeds: never
 * silently partial, and the customer sees each part's status. The access trail stays, under the pseudonymous id.
 */
@ApplicationScoped
public class ErasureService {

    static final String PROFILE = "profile-service";
    static final String RECOGNITION = "recognition-service";
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(15);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final ErasureClients.Profile profile;
    private final ErasureClients.Recognition recognition;
    private final Clock clock;
    private final AccessLog accessLog;

    public ErasureService(@RestClient ErasureClients.Profile profile, @RestClient ErasureClients.Recognition recognition, Clock clock,
                          AccessLog accessLog) {
        this.profile = profile;
        this.recognition = recognition;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /** Records the request, tries every service once, and returns where it stands. */
    public UUID request(UUID customerId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ErasureRequest request = new ErasureRequest();
            request.id = id;
            request.customerId = customerId;
            request.requestedAt = clock.instant();
            request.persist();
            for (String service : List.of(PROFILE, RECOGNITION)) {
                ErasureStep step = new ErasureStep();
                step.requestId = id;
                step.service = service;
                step.status = "PENDING";
                // The request tries every part itself; the scheduler takes over only if that fails.
                step.nextAttemptAt = request.requestedAt.plus(FIRST_PAUSE);
                step.persist();
            }
            // The gateway's own part, in the same transaction as the request: justification texts that may name
            // the customer go; the access records keep their hashes, so the trail still verifies.
            ErasureRequest.flush();
            accessLog.redactJustificationsOf(customerId);
        });
        attemptDue(clock.instant(), id);
        return id;
    }

    @Scheduled(every = "${touchpoint.erasure.retry-every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        attemptDue(clock.instant(), null);
    }

    /** Tries every pending part due by {@code now} (of one request, or of all). Package-visible for tests. */
    void attemptDue(Instant now, UUID onlyRequest) {
        // Claim the due parts (rows another instance holds are skipped) by moving their next attempt on, so that
        // no part is tried twice at once, whatever the number of gateway instances.
        List<ErasureStep.Key> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<ErasureStep> due = (onlyRequest == null
                    ? ErasureStep.<ErasureStep>find("status = 'PENDING' and nextAttemptAt <= ?1", now)
                    : ErasureStep.<ErasureStep>find("status = 'PENDING' and requestId = ?1", onlyRequest))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                    .list();
            due.forEach(step -> step.nextAttemptAt = clock.instant().plus(LONGEST_PAUSE));
            return due.stream().map(ErasureStep::key).toList();
        });
        for (ErasureStep.Key key : claimed) {
            UUID customerId = QuarkusTransaction.requiringNew().call(() -> ErasureRequest.<ErasureRequest>findById(key.requestId).customerId);
            attempt(key.requestId, key.service, customerId);
        }
    }

    private void attempt(UUID requestId, String service, UUID customerId) {
        Function<UUID, JsonNode> call = PROFILE.equals(service) ? profile::erase : recognition::erase;
        String receipt = null;
        String error = null;
        try {
            receipt = call.apply(customerId).toString();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 && saysCustomerNotFound(e)) {
                receipt = "{\"nothingHeld\":true}"; // the service never had this customer: nothing to erase
            } else {
                error = service + " answered " + e.getResponse().getStatus();
            }
        } catch (RuntimeException e) {
            error = service + " unreachable (" + e.getClass().getSimpleName() + ")";
        }
        String outcome = receipt;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            ErasureStep.Key key = new ErasureStep.Key();
            key.requestId = requestId;
            key.service = service;
            ErasureStep step = ErasureStep.findById(key);
            step.attempts++;
            Instant now = clock.instant();
            if (outcome != null) {
                step.status = "DONE";
                step.receipt = outcome;
                step.completedAt = now;
                step.lastError = null;
            } else {
                step.lastError = failure;
                long pause = Math.min(LONGEST_PAUSE.toSeconds(), FIRST_PAUSE.toSeconds() << Math.min(step.attempts - 1, 20));
                step.nextAttemptAt = now.plusSeconds(pause);
                LOG.warnf("erasure: %s (attempt %d), retrying in %d s", failure, step.attempts, pause);
            }
        });
    }

    /** Only the service's own "no such customer" problem counts: a 404 from a wrong route or proxy is a failure. */
    private static boolean saysCustomerNotFound(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class).contains("urn:touchpoint:problem:customer-not-found");
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    public Optional<ErasureRequest> request(UUID customerId, UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ErasureRequest.<ErasureRequest>findByIdOptional(requestId)
                .filter(r -> r.customerId.equals(customerId)));
    }

    public Optional<ErasureRequest> latest(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ErasureRequest.<ErasureRequest>find("customerId = ?1 order by requestedAt desc", customerId).firstResultOptional());
    }

    public List<ErasureStep> steps(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ErasureStep.<ErasureStep>list("requestId = ?1 order by service", requestId));
    }
}
