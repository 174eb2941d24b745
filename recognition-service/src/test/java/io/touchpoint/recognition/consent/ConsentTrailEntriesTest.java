package io.touchpoint.recognition.consent;

import io.touchpoint.merkle.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the canonical form of a ledger entry: changing it silently would break every proof already handed out. */
class ConsentTrailEntriesTest {

    @Test
    void aLedgerEntryHasOneExactCanonicalForm() {
        ConsentEvent event = new ConsentEvent();
        event.id = UUID.fromString("a0000000-0000-4000-8000-000000000001");
        event.sequence = 42L;
        event.customerId = UUID.fromString("3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e");
        event.consentId = UUID.fromString("c0000000-0000-4000-8000-000000000003");
        event.kind = ConsentEvaluation.Kind.GRANT;
        event.purposeKey = "personalised-service";
        event.noticeVersion = 2;
        event.categories = "seat,meal";
        event.roles = "gate-agent";
        event.touchpointTypes = "";
        event.recordedAt = Instant.parse("2026-11-23T10:15:30.123456Z");
        event.expiresAt = Instant.parse("2027-11-23T10:15:30.123456Z");
        event.channel = ConsentEvent.Channel.PORTAL;

        assertThat(CanonicalJson.write(ConsentTrailEntries.members(event))).isEqualTo("{\"categories\":[\"seat\",\"meal\"],"
                + "\"channel\":\"PORTAL\",\"consentId\":\"c0000000-0000-4000-8000-000000000003\","
                + "\"customerId\":\"3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e\",\"expiresAt\":\"2027-11-23T10:15:30.123456Z\","
                + "\"id\":\"a0000000-0000-4000-8000-000000000001\",\"kind\":\"GRANT\",\"noticeVersion\":2,"
                + "\"purposeKey\":\"personalised-service\",\"recordedAt\":\"2026-11-23T10:15:30.123456Z\",\"roles\":[\"gate-agent\"],"
                + "\"sequence\":42,\"touchpointTypes\":[],\"v\":1}");
    }
}
