package io.touchpoint.gateway.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
    public String breakGlassJustification;
    public byte[] recordHash;
    /** Whether the customer had a flight in today's window; null when unknown (a miss, a search). */
    public Boolean flightToday;

    public CanonicalRecord.Content content() {
        return new CanonicalRecord.Content(id, recordedAt, requestId, staffSubject, role, device, touchpoint, customerId,
                purpose, policyVersion, split(fields), split(receipts), outcome, breakGlassJustification, flightToday);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
