package io.touchpoint.support.erasure;

import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A customer's erasure request as this service accepted it (table erasure_acceptance, docs/decisions/0015).
 * Only the customer's own authority starts one: the gateway relays their token, exchanged for this service, and
 * the request is written down before anything is erased. Whatever fails afterwards, the gateway's later retries
 * (its own client-credentials token, which acts for nobody) can only ask for the completion of a request
 * accepted here; they can neither start one nor name a customer.
 */
@ApplicationScoped
public class ErasureAcceptances {

    private final EntityManager entityManager;
    private final Clock clock;

    public ErasureAcceptances(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records the request in its own transaction, so it outlives a failure of the erasure itself. Idempotent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void accept(UUID requestId, UUID customerId) {
        entityManager.createNativeQuery("""
                        INSERT INTO erasure_acceptance (request_id, customer_id, accepted_at) VALUES (:id, :customer, :now)
                        ON CONFLICT (request_id) DO NOTHING""")
                .setParameter("id", requestId).setParameter("customer", customerId)
                .setParameter("now", java.sql.Timestamp.from(clock.instant())).executeUpdate();
        if (!customerId.equals(customerOf(requestId))) {
            // A request id belongs to one customer; another customer's token cannot take it over.
            throw Problems.of(409, "erasure-request-taken", "Erasure request id in use",
                    "This erasure request id belongs to another request; the gateway makes a new id for each request.");
        }
    }

    /** The customer of an accepted request: only these can be completed by the gateway on its own. */
    @Transactional
    public UUID accepted(UUID requestId) {
        UUID customer = customerOf(requestId);
        if (customer == null) {
            throw Problems.of(404, "erasure-request-unknown", "No such erasure request",
                    "This service never accepted this erasure request; only the customer's own request can start one.");
        }
        return customer;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completed(UUID requestId) {
        entityManager.createNativeQuery("UPDATE erasure_acceptance SET completed_at = coalesce(completed_at, :now) WHERE request_id = :id")
                .setParameter("id", requestId).setParameter("now", java.sql.Timestamp.from(clock.instant())).executeUpdate();
    }

    private UUID customerOf(UUID requestId) {
        List<?> rows = entityManager.createNativeQuery("SELECT customer_id FROM erasure_acceptance WHERE request_id = :id")
                .setParameter("id", requestId).getResultList();
        return rows.isEmpty() ? null : (UUID) rows.getFirst();
    }
}
