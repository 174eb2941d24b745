package io.touchpoint.gateway.look;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Operations' word that a staff member works at a touchpoint in an interval, keyed by operations' own id. */
@Entity
@Table(name = "staff_assignment")
public class StaffAssignment extends PanacheEntityBase {

    @Id
    public String externalId;
    public String staffSubject;
    public String touchpoint;
    public Instant startsAt;
    public Instant endsAt;
    public Instant updatedAt;
}
