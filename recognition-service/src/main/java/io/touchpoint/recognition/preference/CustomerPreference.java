package io.touchpoint.recognition.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The current value of one preference of one customer. */
@Entity
@Table(name = "customer_preference")
@IdClass(CustomerPreference.Key.class)
public class CustomerPreference extends PanacheEntityBase {

    public enum Source { PORTAL, STAFF_CONFIRMED }

    public static class Key implements Serializable {
        public UUID customerId;
        public String key;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(customerId, k.customerId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, key);
        }
    }

    @Id
    public UUID customerId;
    @Id
    public String key;
    public String value;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source source;
    public Instant updatedAt;

    public static List<CustomerPreference> of(UUID customerId) {
        return list("customerId = ?1 order by key", customerId);
    }
}
