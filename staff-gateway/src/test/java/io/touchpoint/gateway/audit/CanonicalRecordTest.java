package io.touchpoint.gateway.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRecordTest {

    private static final CanonicalRecord.Content RECORD = new CanonicalRecord.Content(
            UUID.fromString("7d3c1b2a-0000-4000-8000-000000000001"), Instant.parse("2026-11-23T10:15:30.123456Z"),
            "req-1", "staff-4711", "gate-agent", "tablet-17", "GATE/A12",
            UUID.fromString("3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e"), "personalised-service", "2026-11-23.1",
            List.of("tier", "greeting", "preference-seat"),
            List.of("b0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000001"),
            "SERVED", null, true, null, 1);

    /** The documented version 1 form (docs/access-log.md), written out by hand: records before migration V6. */
    private static final String EXPECTED = "{\"breakGlassJustification\":null,"
            + "\"customerId\":\"3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e\",\"device\":\"tablet-17\","
            + "\"fields\":[\"greeting\",\"preference-seat\",\"tier\"],\"flightToday\":true,"
            + "\"id\":\"7d3c1b2a-0000-4000-8000-000000000001\","
            + "\"outcome\":\"SERVED\",\"policyVersion\":\"2026-11-23.1\",\"purpose\":\"personalised-service\","
            + "\"receipts\":[\"a0000000-0000-4000-8000-000000000001\",\"b0000000-0000-4000-8000-000000000002\"],"
            + "\"recordedAt\":\"2026-11-23T10:15:30.123456Z\",\"requestId\":\"req-1\",\"role\":\"gate-agent\","
            + "\"staffSubject\":\"staff-4711\",\"touchpoint\":\"GATE/A12\",\"v\":1}";

    @Test
    void theCanonicalFormIsExactlyTheDocumentedOne() {
        assertThat(CanonicalRecord.json(RECORD)).isEqualTo(EXPECTED);
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalUtf8Bytes() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(EXPECTED.getBytes(StandardCharsets.UTF_8));

        assertThat(CanonicalRecord.sha256(RECORD)).isEqualTo(expected);
    }

    @Test
    void theOrderOfFieldsAndReceiptsDoesNotChangeTheHash() {
        CanonicalRecord.Content shuffled = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), RECORD.role(), RECORD.device(), RECORD.touchpoint(), RECORD.customerId(),
                RECORD.purpose(), RECORD.policyVersion(), List.of("preference-seat", "tier", "greeting"),
                List.of(RECORD.receipts().get(1), RECORD.receipts().get(0)), RECORD.outcome(), null, true, null, 1);

        assertThat(CanonicalRecord.sha256(shuffled)).isEqualTo(CanonicalRecord.sha256(RECORD));
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        CanonicalRecord.Content changed = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), "supervisor", RECORD.device(), RECORD.touchpoint(), RECORD.customerId(),
                RECORD.purpose(), RECORD.policyVersion(), RECORD.fields(), RECORD.receipts(), RECORD.outcome(), null, true, null, 1);

        assertThat(CanonicalRecord.sha256(changed)).isNotEqualTo(CanonicalRecord.sha256(RECORD));
    }

    @Test
    void stringsAreEscapedOnlyWhereJsonRequires() {
        CanonicalRecord.Content breakGlass = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), "supervisor", null, RECORD.touchpoint(), null, RECORD.purpose(),
                RECORD.policyVersion(), List.of(), List.of(), "SERVED", "Passenger \"unwell\"\\\n\tlé\u0001", null, null, 1);

        assertThat(CanonicalRecord.json(breakGlass))
                .startsWith("{\"breakGlassJustification\":\"Passenger \\\"unwell\\\"\\\\\\n\\tlé\\u0001\",\"customerId\":null,\"device\":null,\"fields\":[]");
    }

    /** The documented version 2 form: the justification only as the SHA-256 of its UTF-8 bytes, in lowercase hex. */
    private static final String EXPECTED_V2 = "{\"breakGlassJustificationSha256\":"
            + "\"6d5a24732496beb4ecc30c2ffa8bfbd06109d15015f7ec231afca7f0dc4c8e6b\","
            + "\"customerId\":null,\"device\":null,\"fields\":[],\"flightToday\":null,"
            + "\"id\":\"7d3c1b2a-0000-4000-8000-000000000001\",\"outcome\":\"SERVED\",\"policyVersion\":\"2026-11-23.1\","
            + "\"purpose\":\"personalised-service\",\"receipts\":[],\"recordedAt\":\"2026-11-23T10:15:30.123456Z\","
            + "\"requestId\":\"req-1\",\"role\":\"supervisor\",\"staffSubject\":\"staff-4711\",\"touchpoint\":\"GATE/A12\",\"v\":2}";

    @Test
    void versionTwoCommitsToTheJustificationsHashNotItsText() {
        String text = "Passenger collapsed at gate B7; the medical team needs to identify him";
        CanonicalRecord.Content breakGlass = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), "supervisor", null, RECORD.touchpoint(), null, RECORD.purpose(),
                RECORD.policyVersion(), List.of(), List.of(), "SERVED", text, null);

        assertThat(breakGlass.version()).isEqualTo(CanonicalRecord.VERSION).isEqualTo(2);
        assertThat(CanonicalRecord.json(breakGlass)).doesNotContain("collapsed")
                .isEqualTo(EXPECTED_V2);
    }

    @Test
    void theSameRecordWithoutItsTextStillHashesTheSame() {
        String text = "Passenger collapsed at gate B7; the medical team needs to identify him";
        CanonicalRecord.Content written = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), "supervisor", null, RECORD.touchpoint(), null, RECORD.purpose(),
                RECORD.policyVersion(), List.of(), List.of(), "SERVED", text, null);
        CanonicalRecord.Content erased = new CanonicalRecord.Content(RECORD.id(), RECORD.recordedAt(), RECORD.requestId(),
                RECORD.staffSubject(), "supervisor", null, RECORD.touchpoint(), null, RECORD.purpose(),
                RECORD.policyVersion(), List.of(), List.of(), "SERVED", null, null, written.justificationSha256(), 2);

        assertThat(CanonicalRecord.sha256(erased)).isEqualTo(CanonicalRecord.sha256(written));
    }
}
