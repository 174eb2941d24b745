package io.touchpoint.profile.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customer_identifier")
public class CustomerIdentifier extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public IdentifierType type;
    public String value;

    public static CustomerIdentifier of(UUID customerId, IdentifierType type, String value) {
        CustomerIdentifier identifier = new CustomerIdentifier();
        identifier.id = UUID.randomUUID();
        identifier.customerId = customerId;
        identifier.type = type;
        identifier.value = value;
        return identifier;
    }

    public static List<CustomerIdentifier> findByValue(IdentifierType type, String value) {
        return list("type = ?1 and value = ?2", type, value);
    }

    public static List<CustomerIdentifier> findByCustomer(UUID customerId) {
        return list("customerId = ?1 order by type, value", customerId);
    }
}
