package io.touchpoint.gateway.erasure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "erasure_request")
public class ErasureRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID customerId;
    public Instant requestedAt;
    /** The customer's id while some service has not confirmed, else null: at most one open request each (V7). */
    public UUID openFor;
}
