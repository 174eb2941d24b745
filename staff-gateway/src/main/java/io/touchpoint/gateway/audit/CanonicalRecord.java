package io.touchpoint.gateway.audit;

import io.touchpoint.merkle.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;

/**
 * The canonical byte form of an access record, and its SHA-256. The form is RFC 8785 (JSON Canonicalization
 * Scheme) applied to a fixed set of members: keys sorted, no whitespace, UTF-8, strings escaped only where
 * JSON requires, lists sorted, absent values as null, times as UTC ISO-8601 with microseconds. Anyone can
 * recompute the hash from a record's columns (docs/access-log.md). Pure.
 */
public final class CanonicalRecord {

    public static final int VERSION = 1;

    private CanonicalRecord() {
    }

    public record Content(UUID id, Instant recordedAt, String requestId, String staffSubject, String role, String device,
                          String touchpoint, UUID customerId, String purpose, String policyVersion, List<String> fields,
                          List<String> receipts, String outcome, String breakGlassJustification, Boolean flightToday) {
    }

    public static String json(Content c) {
        Map<String, Object> members = new HashMap<>(); // CanonicalJson sorts the members
        members.put("breakGlassJustification", c.breakGlassJustification());
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
        members.put("v", VERSION);
        return CanonicalJson.write(members);
    }

    public static byte[] bytes(Content content) {
        return json(content).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sha256(Content content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
