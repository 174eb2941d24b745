package io.touchpoint.gateway.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.touchpoint.gateway.audit.AccessLog;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import io.touchpoint.gateway.downstream.ExchangeConfig;
import io.touchpoint.gateway.downstream.TokenExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import org.hibernate.LockOptions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One erasure request reaches every service that holds the customer's data. Each service's part is offered at
 * once with the customer's own authority: their token, exchanged for that service (ADR 0015), with which the
 * service durably accepts the request before erasing. While a part is not confirmed it is retried with growing
 * pauses (15 s doubling to an hour), but a retry carries only the gateway's own token, which can ask a service
 * to complete a request it accepted and nothing else. A part no service accepted (it was unreachable while the
 * customer asked) waits for the customer: their next request offers it again. Never silently partial; the
 * customer sees each part's status. The access trail stays, under the pseudonymous id.
 */
@ApplicationScoped
public class ErasureService {

    static final String PROFILE = "profile-service";
    static final String RECOGNITION = "recognition-service";
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(15);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ErasureClients.Profile profile;
    private final ErasureClients.Recognition recognition;
    private final ErasureClients.ProfileCompletion profileCompletion;
    private final ErasureClients.RecognitionCompletion recognitionCompletion;
    private final TokenExchange exchange;
    private final ExchangeConfig exchangeConfig;
    private final Clock clock;
    private final AccessLog accessLog;

    public ErasureService(@RestClient ErasureClients.Profile profile, @RestClient ErasureClients.Recognition recognition,
                          @RestClient ErasureClients.ProfileCompletion profileCompletion,
                          @RestClient ErasureClients.RecognitionCompletion recognitionCompletion,
                          TokenExchange exchange, ExchangeConfig exchangeConfig, Clock clock, AccessLog accessLog) {
        this.profile = profile;
        this.recognition = recognition;
        this.profileCompletion = profileCompletion;
        this.recognitionCompletion = recognitionCompletion;
        this.exchange = exchange;
        this.exchangeConfig = exchangeConfig;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * The customer asks, with their own token. One request is open per customer (ADR 0017): while one is open it
     * is answered instead of a new one, and its unconfirmed parts are offered again with this token (a service
     * that was unreachable can only accept with the customer's authority; accepting twice is harmless). Parts a
     * service confirmed are never asked again.
     */
    public UUID request(UUID customerId, String customerToken) {
        UUID id = open(customerId).orElseGet(() -> record(customerId));
        offer(id, customerToken);
        return id;
    }

    private Optional<UUID> open(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ErasureRequest.<ErasureRequest>find("openFor", customerId).firstResultOptional().map(r -> r.id));
    }

    private UUID record(UUID customerId) {
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ErasureRequest request = new ErasureRequest();
                request.id = id;
                request.customerId = customerId;
                request.requestedAt = clock.instant();
                request.openFor = customerId;
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
        } catch (RuntimeException raced) {
            // Another request for this customer committed first (the unique open_for): answer with that one.
            return open(customerId).orElseThrow(() -> raced);
        }
        return id;
    }

    /** Offers every unconfirmed part of a request to its service with the customer's authority. */
    private void offer(UUID requestId, String customerToken) {
        for (ErasureStep step : steps(requestId)) {
            if (!"DONE".equals(step.status)) {
                boolean toProfile = PROFILE.equals(step.service);
                attempt(requestId, step.service, () -> {
                    String bearer = exchange.bearerFor(customerToken,
                            toProfile ? exchangeConfig.profileAudience() : exchangeConfig.recognitionAudience());
                    return toProfile ? profile.accept(bearer, requestId) : recognition.accept(bearer, requestId);
                });
            }
        }
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
            // Only completion: the gateway's own token cannot start an erasure, only finish an accepted one.
            attempt(key.requestId, key.service, () -> PROFILE.equals(key.service)
                    ? profileCompletion.complete(key.requestId) : recognitionCompletion.complete(key.requestId));
        }
    }

    private void attempt(UUID requestId, String service, Supplier<JsonNode> call) {
        String receipt = null;
        String error = null;
        try {
            receipt = call.get().toString();
        } catch (WebApplicationException e) {
            String problem = problemType(e);
            if (e.getResponse().getStatus() == 404 && problem.equals("urn:touchpoint:problem:customer-not-found")) {
                receipt = "{\"nothingHeld\":true}"; // the service never had this customer: nothing to erase
            } else if (e.getResponse().getStatus() == 404 && problem.equals("urn:touchpoint:problem:erasure-request-unknown")) {
                error = service + " has not accepted the request yet: asking for erasure again offers it once more";
            } else {
                error = service + " answered " + e.getResponse().getStatus();
            }
        } catch (DownstreamRefusal e) {
            error = service + " could not be asked on your behalf (" + e.status() + "): ask for erasure again";
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
                closeIfDone(requestId);
            } else {
                step.lastError = failure;
                long pause = Math.min(LONGEST_PAUSE.toSeconds(), FIRST_PAUSE.toSeconds() << Math.min(step.attempts - 1, 20));
                step.nextAttemptAt = now.plusSeconds(pause);
                LOG.warnf("erasure: %s (attempt %d), retrying in %d s", failure, step.attempts, pause);
            }
        });
    }

    /**
     * The last part confirmed: the request is no longer open. The row lock makes two parts finishing at once agree.
     * Justifications are redacted once more: a supervisor could still open the customer's card while the profile
     * part was pending, and that look's text must not outlive the erasure either.
     */
    private void closeIfDone(UUID requestId) {
        ErasureRequest request = ErasureRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (ErasureStep.count("requestId = ?1 and status = 'PENDING'", requestId) == 0) {
            // An update of the one column: the service's role may change nothing else of a request (V7).
            ErasureRequest.update("openFor = null where id = ?1", requestId);
            accessLog.redactJustificationsOf(request.customerId);
        }
    }

    /** The service's own problem type; a 404 from a wrong route or proxy has none, and is a failure. */
    private static String problemType(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            for (String type : List.of("urn:touchpoint:problem:customer-not-found", "urn:touchpoint:problem:erasure-request-unknown")) {
                if (body != null && body.contains(type)) {
                    return type;
                }
            }
        } catch (RuntimeException unreadable) {
            // no problem body
        }
        return "";
    }

    public record ServicePart(
            @Schema(example = "profile-service") String service,
            @Schema(example = "DONE", description = "PENDING until the service confirms; retried until then") String status,
            @Schema(example = "1") int attempts,
            @Schema(example = "recognition-service unreachable (ProcessingException)") String lastError,
            @Schema(example = "2026-11-23T10:00:01Z") Instant completedAt,
            @Schema(description = "The service's own receipt: what it removed and when") JsonNode receipt) {
    }

    public record CombinedReceipt(
            @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11") UUID requestId,
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "2026-11-23T10:00:00Z") Instant requestedAt,
            @Schema(example = "true", description = "Every service has confirmed") boolean complete,
            List<ServicePart> services,
            @Schema(example = "[\"access trail: who looked at your card, under your pseudonymous id, kept as the law requires\"]") List<String> kept) {
    }

    /** The customer asks with their own token (see {@link #request(UUID, String)}); the answer is where the request stands. */
    public CombinedReceipt erase(UUID customerId, String customerToken) {
        return receipt(customerId, request(customerId, customerToken));
    }

    /** Where the customer's latest erasure request stands, service by service; empty if they never asked. */
    public Optional<CombinedReceipt> latestReceipt(UUID customerId) {
        return latest(customerId).map(r -> receipt(customerId, r.id));
    }

    private CombinedReceipt receipt(UUID customerId, UUID requestId) {
        ErasureRequest request = request(customerId, requestId).orElseThrow();
        List<ServicePart> parts = steps(requestId).stream()
                .map(s -> new ServicePart(s.service, s.status, s.attempts, s.lastError, s.completedAt, parse(s.receipt)))
                .toList();
        return new CombinedReceipt(request.id, request.customerId, request.requestedAt,
                parts.stream().allMatch(p -> "DONE".equals(p.status())), parts,
                List.of("access trail: who looked at your card, under your pseudonymous id, kept as the law requires",
                        "staff's written justifications for looking you up: the text is removed, only its fingerprint (SHA-256) stays in the trail"));
    }

    private static JsonNode parse(String receipt) {
        try {
            return receipt == null ? null : JSON.readTree(receipt);
        } catch (Exception e) {
            return null;
        }
    }

    private Optional<ErasureRequest> request(UUID customerId, UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ErasureRequest.<ErasureRequest>findByIdOptional(requestId)
                .filter(r -> r.customerId.equals(customerId)));
    }

    private Optional<ErasureRequest> latest(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ErasureRequest.<ErasureRequest>find("customerId = ?1 order by requestedAt desc", customerId).firstResultOptional());
    }

    List<ErasureStep> steps(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ErasureStep.<ErasureStep>list("requestId = ?1 order by service", requestId));
    }
}
