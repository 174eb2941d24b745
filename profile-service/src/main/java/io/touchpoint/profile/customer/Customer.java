package io.touchpoint.profile.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The operational system's key; makes imports idempotent. */
    public String externalId;
    public String givenName;
    public String familyName;
    /** How the customer likes to be addressed, e.g. "Dr" or "Ms". */
    public String preferredAddress;
    public String namePronunciation;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    @Enumerated(EnumType.STRING)
    public CustomerStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant erasedAt;
    /** After erasure, the SHA-256 of the external id it had: refuses a re-import, names nobody. */
    public byte[] erasedExternalIdSha256;

    public static Optional<Customer> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /**
     * Locks the row until the transaction ends, so an import and an erasure of the same customer run one
     * after the other and an import can never write back what an erasure removed.
     */
    public static Optional<Customer> findByExternalIdForUpdate(String externalId) {
        return find("externalId", externalId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Whether a customer imported under this external id was erased (its key is kept only as a hash). */
    public static boolean wasErased(String externalId) {
        return count("erasedExternalIdSha256", sha256(externalId)) > 0;
    }

    public static byte[] sha256(String externalId) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static Optional<Customer> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Optional<Customer> findActive(UUID id) {
        return Customer.<Customer>findByIdOptional(id).filter(Customer::isActive);
    }

    public boolean isActive() {
        return status == CustomerStatus.ACTIVE;
    }
}
