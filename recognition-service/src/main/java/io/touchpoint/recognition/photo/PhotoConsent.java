package io.touchpoint.recognition.photo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.consent.ConsentEvent;
import io.touchpoint.recognition.consent.ConsentWithdrawn;
import io.touchpoint.recognition.recognition.CustomerSnapshot;
import io.touchpoint.support.web.Problems;
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
 * <p>
 * Storing, deleting-unless-consented and erasing each first take the customer's photo lock (a transaction-scoped
 * PostgreSQL advisory lock), so they run one after the other per customer: an upload whose consent check passed
 * commits before a withdrawal looks for the photo to delete, and an upload that starts after a withdrawal waits
 * for it and then sees it. Without the lock a photo could be stored just after the withdrawal committed.
 */
@ApplicationScoped
public class PhotoConsent {

    public static final String PURPOSE = "recognition-by-photo";
    private static final int SWEEP_BATCH = 500;
    /** The advisory-lock key space of customers' photos (two-key locks never meet the one-key ones). */
    private static final int PHOTO_LOCKS = 0x70686f74; // "phot"
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

    /**
     * Stores the customer's (sanitised) photo, replacing theirs, if a current consent covers it now; otherwise 409
     * and nothing is stored.
     */
    @Transactional
    public CustomerPhoto store(UUID customerId, PhotoSanitiser.Clean clean) {
        lockPhotoOf(customerId);
        if (!current(customerId)) {
            throw Problems.of(409, "photo-consent-required", "No consent to recognition by photo",
                    "A photo is kept only while you consent to being recognised from it (purpose " + PURPOSE
                            + "). Give that consent first, then upload.");
        }
        CustomerPhoto photo = CustomerPhoto.<CustomerPhoto>findByIdOptional(customerId).orElseGet(CustomerPhoto::new);
        photo.customerId = customerId;
        photo.mediaType = clean.mediaType();
        photo.width = clean.width();
        photo.height = clean.height();
        photo.content = clean.content();
        photo.uploadedAt = clock.instant();
        photo.persist();
        return photo;
    }

    /** Deletes the customer's photo unless a current consent covers it; true if one was deleted. */
    @Transactional
    public boolean dropUnlessConsented(UUID customerId) {
        lockPhotoOf(customerId);
        return !current(customerId) && CustomerPhoto.deleteById(customerId);
    }

    /** Deletes the customer's photo whatever their consents (erasure), after any upload in flight. */
    @Transactional
    public void erase(UUID customerId) {
        lockPhotoOf(customerId);
        CustomerPhoto.delete("customerId", customerId); // without loading the image first
    }

    /**
     * Waits for, then holds until this transaction ends, the customer's photo lock. Taken before anything is read,
     * so what follows sees everything the previous holder committed (each statement reads afresh under PostgreSQL's
     * read committed). Two customers whose ids hash alike merely wait for each other.
     */
    private void lockPhotoOf(UUID customerId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:customer))")
                .setParameter("space", PHOTO_LOCKS).setParameter("customer", customerId.toString()).getSingleResult();
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
