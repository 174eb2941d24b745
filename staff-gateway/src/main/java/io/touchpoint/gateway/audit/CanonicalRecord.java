package io.touchpoint.gateway.audit;

import io.touchpoint.merkle.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The canonical byte form of an access record, and its SHA-256. The form is RFC 8785 (JSON Canonicalization
 * Scheme) applied to a fixed set of members: keys sorted, no whitespace, UTF-8, strings escaped only where
 * JSON requires, lists sorted, absent values as null, times as UTC ISO-8601 with microseconds. Anyone can
 * recompute the hash from a record's columns (docs/access-log.md). Pure.
 *
 * <p>Version 2 (every record since gateway migration V6) carries the SHA-256 of a break-glass justification
 * instead of its text, so that erasure can delete the text and the record still verifies. Version 1 records
 * (written before) carry the text and keep being recomputed as version 1.
 */
public final class CanonicalRecord {

    public static final int VERSION = 2;

    private CanonicalRecord() {
    }

    /**
     * A record's content. {@code breakGlassJustification} is the text where known (a v1 record's, or a new
     * record's before it is stored); {@code justificationSha256} is what v2 commits to.
     */
    public record Content(UUID id, Instant recordedAt, String requestId, String staffSubject, String role, String device,
                          String touchpoint, UUID customerId, String purpose, String policyVersion, List<String> fields,
                          List<String> receipts, String outcome, String breakGlassJustification, Boolean flightToday,
                          byte[] justificationSha256, int version) {

        /** A new record, in the current version: the justification's hash is computed from its text. */
        public Content(UUID id, Instant recordedAt, String requestId, String staffSubject, String role, String device,
                       String touchpoint, UUID customerId, String purpose, String policyVersion, List<String> fields,
                       List<String> receipts, String outcome, String breakGlassJustification, Boolean flightToday) {
            this(id, recordedAt, requestId, staffSubject, role, device, touchpoint, customerId, purpose, policyVersion,
                    fields, receipts, outcome, breakGlassJustification, flightToday,
                    breakGlassJustification == null ? null : CanonicalRecord.justificationSha256(breakGlassJustification), VERSION);
        }
    }

    public static String json(Content c) {
        Map<String, Object> members = new HashMap<>(); // CanonicalJson sorts the members
        switch (c.version()) {
            case 1 -> members.put("breakGlassJustification", c.breakGlassJustification());
            case 2 -> members.put("breakGlassJustificationSha256",
                    c.justificationSha256() == null ? null : HexFormat.of().formatHex(c.justificationSha256()));
            default -> throw new IllegalArgumentException("unknown canonical version " + c.version());
        }
        members.put("customerId", c.customerId() == null ? null : c.customerId().toString());
        members.put("device", c.device());
        members.put("fields", c.fields().stream().sorted().toList());
        members.put("flightToday", c.flightToday());
        members.put("id", c.id().toString());
        members.put("outcome", c.outcome());
        members.put("policyVersion", c.policyVersion());
        members.put("purpose", c.purpose());
        members.put("receipts", c.receipts().stream().sorted().toList());
        members.put("recordedAt", CanonicalJson.time(c.recordedAt()));
        members.put("requestId", c.requestId());
        members.put("role", c.role());
        members.put("staffSubject", c.staffSubject());
        members.put("touchpoint", c.touchpoint());
        members.put("v", c.version());
        return CanonicalJson.write(members);
    }

    public static byte[] bytes(Content content) {
        return json(content).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sha256(Content content) {
        return sha256(bytes(content));
    }

    /** SHA-256 of the justification's UTF-8 bytes, as recorded (trimmed, {@code Justifications}): what a v2 record commits to. */
    public static byte[] justificationSha256(String justification) {
        return sha256(justification.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
