package io.touchpoint.gateway.audit;

import io.touchpoint.trail.TrailProofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's access history: who looked at their card, newest first, and the proof that one look is in the trail.
 * Staff are shown by role and touchpoint, not by name (docs/decisions/0008). The API and the portal both read it here.
 */
@ApplicationScoped
public class AccessHistoryService {

    private final AccessQuery query;
    private final TrailProofs proofs;

    public AccessHistoryService(AccessQuery query, TrailProofs proofs) {
        this.query = query;
        this.proofs = proofs;
    }

    public record Look(
            @Schema(description = "The record's id, for its inclusion proof", example = "7d3c1b2a-0000-4000-8000-000000000001") UUID id,
            @Schema(example = "2026-11-23T10:15:30.123456Z") Instant at,
            @Schema(example = "GATE/A12") String touchpoint,
            @Schema(example = "gate-agent") String role,
            @Schema(example = "personalised-service") String purpose,
            @Schema(example = "[\"greeting\", \"preference-seat\"]") List<String> fieldsShown,
            @Schema(description = "A supervisor's search with a written justification") boolean breakGlass,
            @Schema(example = "SERVED") String outcome) {
    }

    public record History(List<Look> looks, @Schema(description = "Pass as cursor for the next page; absent on the last") String next) {
    }

    /** One page of the customer's looks, newest first; {@code cursor} is the previous page's {@code next}. */
    @Transactional
    public History history(UUID customerId, String cursor, int limit) {
        AccessQuery.Page page = query.page(AccessQuery.Filter.forCustomer(customerId), cursor, limit);
        return new History(page.records().stream()
                .map(r -> new Look(r.id, r.recordedAt, r.touchpoint, r.role, r.purpose,
                        r.fields.isEmpty() ? List.of() : Arrays.asList(r.fields.split(",")),
                        r.isBreakGlass(), r.outcome))
                .toList(), page.next());
    }

    /** Every look at the customer's card, page after page (for their export). */
    public List<Look> everyLook(UUID customerId) {
        List<Look> all = new ArrayList<>();
        String cursor = null;
        do {
            History page = history(customerId, cursor, AccessQuery.MAX_PAGE);
            all.addAll(page.looks());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }

    /** The inclusion proof of one look at this customer's card; empty for another customer's look or one not yet in the trail. */
    @Transactional
    public Optional<TrailProofs.InclusionProof> proof(UUID customerId, UUID lookId) {
        boolean mine = AccessRecord.count("id = ?1 and customerId = ?2", lookId, customerId) > 0;
        return mine ? proofs.inclusion(lookId, false) : Optional.empty();
    }
}
