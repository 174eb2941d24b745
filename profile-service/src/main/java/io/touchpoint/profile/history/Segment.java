package io.touchpoint.profile.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One flight of a trip, with what was booked for it. */
@Entity
@Table(name = "segment")
public class Segment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tripId;
    public UUID customerId;
    public int position;
    public String carrier;
    public String flightNumber;
    public String origin;
    public String destination;
    public Instant scheduledDeparture;
    public String cabin;
    public String seat;
    /** IATA special service request code of a booked meal, e.g. VGML. */
    public String specialMeal;
    /** IATA special service request code of booked assistance, e.g. WCHR. */
    public String assistance;
}
