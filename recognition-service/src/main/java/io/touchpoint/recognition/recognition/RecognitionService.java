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
                             ConsentEvaluation.Disclosure photo, Set<String> consentedPurposes) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Recognised recognise(UUID customerId, Set<String> purposes, String role, String touchpointType) {
        CustomerSnapshot snapshot = CustomerSnapshot.load(Panache.getEntityManager(), customerId);
        Instant now = clock.instant(); // after the read: nothing the snapshot holds lies in "the future"
        return evaluate(customerId, snapshot, new ConsentEvaluation.Asking(purposes, role, touchpointType, now));
    }

    /**
     * One snapshot, evaluated for each role at each touchpoint type it works at; a role that works at several
     * (a supervisor) sees what any of them would show.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Recognised> preview(UUID customerId, Set<String> purposes, Map<String, List<String>> touchpointsOfRole) {
        CustomerSnapshot snapshot = CustomerSnapshot.load(Panache.getEntityManager(), customerId);
        Instant now = clock.instant();
        Map<String, Recognised> byRole = new LinkedHashMap<>();
        touchpointsOfRole.forEach((role, types) -> {
            Map<String, ConsentEvaluation.Disclosure> preferences = new LinkedHashMap<>();
            ConsentEvaluation.Disclosure photo = null;
            Set<String> consented = new java.util.TreeSet<>();
            for (String type : types) {
                Recognised at = evaluate(customerId, snapshot, new ConsentEvaluation.Asking(purposes, role, type, now));
                at.preferences().forEach(p -> preferences.putIfAbsent(p.key(), p));
                photo = photo == null ? at.photo() : photo;
                consented.addAll(at.consentedPurposes());
            }
            byRole.put(role, new Recognised(customerId, now, List.copyOf(preferences.values()), photo, consented));
        });
        return byRole;
    }

    private static Recognised evaluate(UUID customerId, CustomerSnapshot snapshot, ConsentEvaluation.Asking asking) {
        List<ConsentEvaluation.Disclosure> disclosed = ConsentEvaluation.disclose(snapshot.ledger(),
                snapshot.preferences(), snapshot.specialPurposes(), asking);
        return new Recognised(customerId, asking.at(),
                disclosed.stream().filter(d -> !d.key().equals(CustomerSnapshot.PHOTO_KEY)).toList(),
                disclosed.stream().filter(d -> d.key().equals(CustomerSnapshot.PHOTO_KEY)).findFirst().orElse(null),
                ConsentEvaluation.consentedPurposes(snapshot.ledger(), asking));
    }
}
