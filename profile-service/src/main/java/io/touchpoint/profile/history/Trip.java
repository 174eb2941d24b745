package io.touchpoint.profile.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One booking's journey; its flights are {@link Segment}s. */
@Entity
@Table(name = "trip")
public class Trip extends PanacheEntityBase {

    @Id
    public UUID id;
    public String externalId;
    public UUID customerId;
    public String bookingReference;
    public Instant createdAt;
    public Instant updatedAt;

    public static Optional<Trip> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }
}
