package io.touchpoint.profile.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Something that happened to the customer: a disruption, a complaint, a compliment, a recovery action. */
@Entity
@Table(name = "service_event")
public class ServiceEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    public String externalId;
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public ServiceEventType type;
    public String category;
    public String summary;
    @Enumerated(EnumType.STRING)
    public ServiceEventStatus status;
    public Instant occurredAt;
    public UUID segmentId;
    public Instant createdAt;
    public Instant updatedAt;

    public static Optional<ServiceEvent> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }
}
