package io.touchpoint.recognition.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.touchpoint.recognition.web.Lists;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the append-only consent ledger (a database trigger refuses UPDATE, DELETE and TRUNCATE).
 * Its id is the receipt id. Only the pseudonymous customer id identifies the customer.
 */
@Entity
@Table(name = "consent_event")
public class ConsentEvent extends PanacheEntityBase {

    public enum Channel { PORTAL, STAFF_ASSISTED, ERASURE }

    @Id
    public UUID id;
    /** Ledger order, assigned by the database on insert. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long sequence;
    public UUID customerId;
    public UUID consentId;
    @Enumerated(EnumType.STRING)
    public ConsentEvaluation.Kind kind;
    public String purposeKey;
    public int noticeVersion;
    public String categories;
    public String roles;
    public String touchpointTypes;
    public Instant recordedAt;
    public Instant expiresAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;

    public static List<ConsentEvent> ledgerOf(UUID customerId) {
        return list("customerId = ?1 order by sequence", customerId);
    }

    public ConsentEvaluation.LedgerEntry toEntry() {
        return new ConsentEvaluation.LedgerEntry(id, sequence, consentId, kind, purposeKey, Lists.parse(categories),
                Lists.parse(roles), Lists.parse(touchpointTypes), recordedAt, expiresAt);
    }
}
