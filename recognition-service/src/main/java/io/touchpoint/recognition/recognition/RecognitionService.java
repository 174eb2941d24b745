package io.touchpoint.recognition.recognition;

import io.quarkus.hibernate.orm.panache.Panache;
import io.touchpoint.recognition.consent.ConsentEvaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Recognition and the customer's preview share this: one snapshot, one evaluation. */
@ApplicationScoped
public class RecognitionService {

    private final Clock clock;

    public RecognitionService(Clock clock) {
        this.clock = clock;
    }

    public record Recognised(UUID customerId, Instant evaluatedAt, List<ConsentEvaluation.Disclosure> preferences,
                             ConsentEvaluation.Disclosure photo) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Recognised recognise(UUID customerId, Set<String> purposes, String role, String touchpointType) {
        CustomerSnapshot snapshot = CustomerSnapshot.load(Panache.getEntityManager(), customerId);
        Instant now = clock.instant(); // after the read: nothing the snapshot holds lies in "the future"
        return evaluate(customerId, snapshot, new ConsentEvaluation.Asking(purposes, role, touchpointType, now));
    }

    /** One snapshot, evaluated for each role and its touchpoint type. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Recognised> preview(UUID customerId, Set<String> purposes, Map<String, String> touchpointOfRole) {
        CustomerSnapshot snapshot = CustomerSnapshot.load(Panache.getEntityManager(), customerId);
        Instant now = clock.instant();
        Map<String, Recognised> byRole = new LinkedHashMap<>();
        touchpointOfRole.forEach((role, touchpointType) -> byRole.put(role,
                evaluate(customerId, snapshot, new ConsentEvaluation.Asking(purposes, role, touchpointType, now))));
        return byRole;
    }

    private static Recognised evaluate(UUID customerId, CustomerSnapshot snapshot, ConsentEvaluation.Asking asking) {
        List<ConsentEvaluation.Disclosure> disclosed = ConsentEvaluation.disclose(snapshot.ledger(),
                snapshot.preferences(), snapshot.specialPurposes(), asking);
        return new Recognised(customerId, asking.at(),
                disclosed.stream().filter(d -> !d.key().equals(CustomerSnapshot.PHOTO_KEY)).toList(),
                disclosed.stream().filter(d -> d.key().equals(CustomerSnapshot.PHOTO_KEY)).findFirst().orElse(null));
    }
}
