package io.touchpoint.recognition.consent;

import io.touchpoint.merkle.CanonicalJson;
import io.touchpoint.recognition.web.Lists;
import io.touchpoint.trail.TrailEntries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The consent ledger as the trail sees it. A ledger entry's leaf data is its canonical form: every column,
 * RFC 8785 JSON, times in UTC with microseconds, lists as stored (docs/audit-trail.md). Pure but for the read.
 */
@ApplicationScoped
public class ConsentTrailEntries implements TrailEntries {

    public static final int VERSION = 1;

    @Override
    public String table() {
        return "consent_event";
    }

    @Override
    public Map<UUID, byte[]> canonical(Collection<Ref> refs) {
        Map<UUID, byte[]> found = new HashMap<>();
        List<UUID> ids = refs.stream().map(Ref::id).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            ConsentEvent.<ConsentEvent>list("id in ?1", ids).forEach(event -> {
                found.put(event.id, CanonicalJson.bytes(members(event)));
                ConsentEvent.getEntityManager().detach(event); // a verification reads millions: keep the session small
            });
        }
        return found;
    }

    public static Map<String, Object> members(ConsentEvent event) {
        Map<String, Object> members = new HashMap<>();
        members.put("categories", List.copyOf(Lists.parse(event.categories)));
        members.put("channel", event.channel.name());
        members.put("consentId", event.consentId.toString());
        members.put("customerId", event.customerId.toString());
        members.put("expiresAt", CanonicalJson.time(event.expiresAt));
        members.put("id", event.id.toString());
        members.put("kind", event.kind.name());
        members.put("noticeVersion", event.noticeVersion);
        members.put("purposeKey", event.purposeKey);
        members.put("recordedAt", CanonicalJson.time(event.recordedAt));
        members.put("roles", List.copyOf(Lists.parse(event.roles)));
        members.put("sequence", event.sequence);
        members.put("touchpointTypes", List.copyOf(Lists.parse(event.touchpointTypes)));
        members.put("v", VERSION);
        return members;
    }
}
