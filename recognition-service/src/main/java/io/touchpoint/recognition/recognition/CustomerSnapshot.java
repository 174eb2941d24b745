package io.touchpoint.recognition.recognition;

import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.web.Lists;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything an evaluation needs about one customer, read in one indexed query: the ledger, the
 * preferences with their catalogue categories, whether a photo exists, and which purposes may disclose
 * special-category data. Read fresh on every call; nothing is cached.
 */
public record CustomerSnapshot(List<ConsentEvaluation.LedgerEntry> ledger,
                               List<ConsentEvaluation.Preference> preferences,
                               Set<String> specialPurposes) {

    /** The photo takes part in evaluation like a preference of category "photo", without a value. */
    public static final String PHOTO_KEY = "photo";

    private static final String QUERY = """
            SELECT 'L', e.id, e.sequence, e.consent_id, e.kind, e.purpose_key, e.categories, e.roles,
                   e.touchpoint_types, e.recorded_at, e.expires_at, CAST(NULL AS varchar), CAST(NULL AS boolean)
              FROM consent_event e WHERE e.customer_id = :customer
            UNION ALL
            SELECT 'P', NULL, NULL, NULL, NULL, p.key, d.category, p.value, NULL, NULL, NULL, NULL, d.special_category
              FROM customer_preference p JOIN preference_definition d ON d.key = p.key WHERE p.customer_id = :customer
            UNION ALL
            SELECT 'F', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM customer_photo f WHERE f.customer_id = :customer
            UNION ALL
            SELECT 'S', NULL, NULL, NULL, NULL, s.key, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM purpose s WHERE s.special_category
            """;

    @SuppressWarnings("unchecked")
    public static CustomerSnapshot load(EntityManager em, UUID customerId) {
        List<Object[]> rows = em.createNativeQuery(QUERY).setParameter("customer", customerId).getResultList();
        List<ConsentEvaluation.LedgerEntry> ledger = new ArrayList<>();
        List<ConsentEvaluation.Preference> preferences = new ArrayList<>();
        Set<String> specialPurposes = new HashSet<>();
        for (Object[] row : rows) {
            switch ((String) row[0]) {
                case "L" -> ledger.add(new ConsentEvaluation.LedgerEntry((UUID) row[1], ((Number) row[2]).longValue(),
                        (UUID) row[3], ConsentEvaluation.Kind.valueOf((String) row[4]), (String) row[5],
                        Lists.parse((String) row[6]), Lists.parse((String) row[7]), Lists.parse((String) row[8]),
                        instant(row[9]), instant(row[10])));
                case "P" -> preferences.add(new ConsentEvaluation.Preference((String) row[5], (String) row[6],
                        Boolean.TRUE.equals(row[12]), (String) row[7]));
                case "F" -> preferences.add(new ConsentEvaluation.Preference(PHOTO_KEY, PHOTO_KEY, false, null));
                case "S" -> specialPurposes.add((String) row[5]);
                default -> throw new IllegalStateException("unexpected row kind");
            }
        }
        return new CustomerSnapshot(ledger, preferences, specialPurposes);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
        };
    }
}
