package io.touchpoint.gateway.audit;

import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the access log newest first with keyset pagination: each page continues after the last record of
 * the previous one (time, then id), so deep pages cost what the first one does.
 */
@ApplicationScoped
public class AccessQuery {

    public static final int MAX_PAGE = 500;

    private final EntityManager em;

    public AccessQuery(EntityManager em) {
        this.em = em;
    }

    /** Filters, any of which may be null. */
    public record Filter(UUID customerId, String staffSubject, String touchpoint, String role, Instant from, Instant to,
                         String outcome, Boolean breakGlass) {

        public static Filter forCustomer(UUID customerId) {
            return new Filter(customerId, null, null, null, null, null, null, null);
        }
    }

    public record Page(List<AccessRecord> records, String next) {
    }

    public Page page(Filter filter, String cursor, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE);
        List<AccessRecord> records = query(filter, decode(cursor), size + 1);
        String next = null;
        if (records.size() > size) {
            records = records.subList(0, size);
            AccessRecord last = records.getLast();
            next = encode(last.recordedAt, last.id);
        }
        return new Page(records, next);
    }

    /** Whether more than {@code max} records match: reads one row past the first {@code max}, never counts them all. */
    public boolean exceeds(Filter filter, int max) {
        StringBuilder jpql = new StringBuilder("select r.id from AccessRecord r where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(jpql, parameters, filter);
        TypedQuery<UUID> query = em.createQuery(jpql.toString(), UUID.class).setFirstResult(max).setMaxResults(1);
        parameters.forEach(query::setParameter);
        return !query.getResultList().isEmpty();
    }

    private record Position(Instant at, UUID id) {
    }

    List<AccessRecord> query(Filter f, Position after, int max) {
        StringBuilder jpql = new StringBuilder("select r from AccessRecord r where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(jpql, parameters, f);
        if (after != null) {
            jpql.append(" and (r.recordedAt < :afterAt or (r.recordedAt = :afterAt and r.id < :afterId))");
            parameters.put("afterAt", after.at());
            parameters.put("afterId", after.id());
        }
        jpql.append(" order by r.recordedAt desc, r.id desc");
        TypedQuery<AccessRecord> query = em.createQuery(jpql.toString(), AccessRecord.class).setMaxResults(max);
        parameters.forEach(query::setParameter);
        return new ArrayList<>(query.getResultList());
    }

    private static void where(StringBuilder jpql, Map<String, Object> parameters, Filter f) {
        condition(jpql, parameters, "r.customerId = :customerId", "customerId", f.customerId());
        condition(jpql, parameters, "r.staffSubject = :staffSubject", "staffSubject", f.staffSubject());
        condition(jpql, parameters, "r.touchpoint = :touchpoint", "touchpoint", f.touchpoint());
        condition(jpql, parameters, "r.role = :role", "role", f.role());
        condition(jpql, parameters, "r.recordedAt >= :from", "from", f.from());
        condition(jpql, parameters, "r.recordedAt < :to", "to", f.to());
        condition(jpql, parameters, "r.outcome = :outcome", "outcome", f.outcome());
        if (Boolean.TRUE.equals(f.breakGlass())) {
            jpql.append(" and (r.justificationSha256 is not null or r.inlineJustification is not null)");
        } else if (Boolean.FALSE.equals(f.breakGlass())) {
            jpql.append(" and r.justificationSha256 is null and r.inlineJustification is null");
        }
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    static String encode(Instant at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant at = Instant.parse(parts[0]);
            // A forged cursor must not reach the database with a time it cannot hold (a 500 otherwise).
            if (at.isBefore(ComplianceFilter.EARLIEST) || at.isAfter(ComplianceFilter.LATEST)) {
                throw new IllegalArgumentException("cursor time out of range");
            }
            return new Position(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw Problems.badRequest("invalid-cursor", "Invalid cursor", "cursor: use the 'next' value of the previous page unchanged");
        }
    }
}
