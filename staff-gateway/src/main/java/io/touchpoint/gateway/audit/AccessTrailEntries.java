package io.touchpoint.gateway.audit;

import io.touchpoint.trail.TrailEntries;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The access log as the trail sees it: each record's leaf data is its canonical form (docs/access-log.md). */
@ApplicationScoped
public class AccessTrailEntries implements TrailEntries {

    @Override
    public String table() {
        return "access_record";
    }

    @Override
    public Map<UUID, byte[]> canonical(Collection<Ref> refs) {
        Map<UUID, byte[]> found = new HashMap<>();
        List<Ref> dated = refs.stream().filter(ref -> ref.id() != null && ref.recordedAt() != null).toList();
        if (dated.isEmpty()) {
            return found;
        }
        // The time bounds let PostgreSQL read only the partitions involved.
        Instant first = dated.stream().map(Ref::recordedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = dated.stream().map(Ref::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<AccessRecord> records = AccessRecord.list("id in ?1 and recordedAt between ?2 and ?3",
                dated.stream().map(Ref::id).toList(), first, last);
        records.forEach(record -> {
            found.put(record.id, CanonicalRecord.bytes(record.content()));
            AccessRecord.getEntityManager().detach(record); // a verification reads millions: keep the session small
        });
        return found;
    }
}
