package io.touchpoint.recognition.photo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.consent.ConsentEvent;
import io.touchpoint.recognition.consent.ConsentWithdrawn;
import io.touchpoint.recognition.recognition.CustomerSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Rule 5's one place: a photo exists only while the customer holds a current {@code recognition-by-photo}
 * consent. Uploading needs one; withdrawing the last one deletes the photo in the same transaction; one that
 * expired is never served (recognition evaluates consent on every call) and the sweep deletes the photo.
 */
@ApplicationScoped
public class PhotoConsent {

    public static final String PURPOSE = "recognition-by-photo";
    private static final int SWEEP_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(PhotoConsent.class);

    private final Clock clock;
    private final EntityManager em;

    public PhotoConsent(Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
    }

    /** Whether, now, some unexpired and unwithdrawn recognition-by-photo consent covers the photo. */
    @Transactional
    public boolean current(UUID customerId) {
        List<ConsentEvaluation.LedgerEntry> ledger = ConsentEvent.ledgerOf(customerId).stream().map(ConsentEvent::toEntry).toList();
        return ConsentEvaluation.consents(ledger, clock.instant()).stream()
                .anyMatch(c -> c.state() == ConsentEvaluation.State.ACTIVE && PURPOSE.equals(c.purpose())
                        && c.categories().contains(CustomerSnapshot.PHOTO_KEY));
    }

    /** Deletes the customer's photo unless a current consent covers it; true if one was deleted. */
    @Transactional
    public boolean dropUnlessConsented(UUID customerId) {
        return !current(customerId) && CustomerPhoto.deleteById(customerId);
    }

    void onWithdrawal(@Observes ConsentWithdrawn withdrawal) {
        if (PURPOSE.equals(withdrawal.purpose())) {
            dropUnlessConsented(withdrawal.customerId());
        }
    }

    @Scheduled(every = "${touchpoint.photo.expiry-sweep:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepExpired() {
        sweep();
    }

    /** Deletes every photo whose consents have all expired (or were withdrawn); returns how many went. */
    public int sweep() {
        int deleted = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's order too
        while (true) {
            UUID from = after;
            // Only ids are read; each customer is decided in a transaction of its own, by the same rule as above.
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select p.customerId from CustomerPhoto p where p.customerId > :after order by p.customerId", UUID.class)
                    .setParameter("after", from).setMaxResults(SWEEP_BATCH).getResultList());
            for (UUID customerId : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> dropUnlessConsented(customerId))) {
                    deleted++;
                }
            }
            if (batch.size() < SWEEP_BATCH) {
                break;
            }
            after = batch.getLast();
        }
        if (deleted > 0) {
            LOG.infof("photo sweep: %d photos deleted, their recognition-by-photo consent having ended", deleted);
        }
        return deleted;
    }
}
