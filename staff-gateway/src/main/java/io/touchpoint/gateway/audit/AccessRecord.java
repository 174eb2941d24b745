package io.touchpoint.gateway.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One look at one card (or one refused attempt). Written once; the database refuses any change. */
@Entity
@Immutable
@Table(name = "access_record")
public class AccessRecord extends PanacheEntityBase {

    /** Shown in place of a justification whose text went with the customer's erasure (no quote: it sits in SQL). */
    public static final String REDACTED = "[removed when the customer asked for erasure]";
    /** Shown in place of a justification on a record that names no customer: only its SHA-256 is kept (gateway V9). */
    public static final String NOT_KEPT = "[not kept for a look that showed no customer]";
    /**
     * Shown when a customer's record has lost its text though they never asked for erasure: before gateway V9 a text
     * shared with another customer went with that customer's erasure; since, only the database owner could remove it.
     */
    public static final String MISSING = "[missing, and the customer asked for no erasure]";

    @Id
    public UUID id;
    public Instant recordedAt;
    public String requestId;
    public String staffSubject;
    public String role;
    public String device;
    public String touchpoint;
    public UUID customerId;
    public String purpose;
    public String policyVersion;
    /** Field names disclosed, comma-separated; never their values. */
    public String fields;
    public String receipts;
    public String outcome;
    /** A v1 record's justification, inline and covered by its hash; always null from v2 on. */
    @Column(name = "break_glass_justification")
    public String inlineJustification;
    /** What a v2 record commits to: the SHA-256 of the justification, whose text is kept apart (erasable). */
    public byte[] justificationSha256;
    /** The canonical form this record was hashed in (1 before gateway migration V6, then 2). */
    public short canonicalVersion;
    /**
     * The justification as a reader sees it, wherever it is kept; a marker where no text is kept (a record that names
     * no customer) or where an erasure removed it. Null when the look was no break-glass look.
     */
    @Formula("(CASE WHEN justification_sha256 IS NULL THEN break_glass_justification"
            + " WHEN customer_id IS NULL THEN '" + NOT_KEPT + "'"
            + " ELSE coalesce((SELECT j.justification FROM access_record_justification j WHERE j.record_id = id),"
            + " CASE WHEN EXISTS (SELECT 1 FROM erasure_request e WHERE e.customer_id = customer_id)"
            + " THEN '" + REDACTED + "' ELSE '" + MISSING + "' END) END)")
    public String breakGlassJustification;
    public byte[] recordHash;
    /** Whether the customer had a flight in today's window; null when unknown (a miss, a search). */
    public Boolean flightToday;

    /** The content the record was hashed over, in its own canonical version; never needs an erased text. */
    public CanonicalRecord.Content content() {
        return new CanonicalRecord.Content(id, recordedAt, requestId, staffSubject, role, device, touchpoint, customerId,
                purpose, policyVersion, split(fields), split(receipts), outcome, inlineJustification, flightToday,
                justificationSha256, canonicalVersion);
    }

    public boolean isBreakGlass() {
        return inlineJustification != null || justificationSha256 != null;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
