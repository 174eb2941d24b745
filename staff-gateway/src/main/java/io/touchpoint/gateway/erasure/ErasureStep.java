package io.touchpoint.gateway.erasure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One service's part of an erasure request. */
@Entity
@Table(name = "erasure_step")
@IdClass(ErasureStep.Key.class)
public class ErasureStep extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID requestId;
        public String service;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(requestId, key.requestId) && Objects.equals(service, key.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, service);
        }
    }

    @Id
    public UUID requestId;
    @Id
    public String service;
    public String status;
    public int attempts;
    public String lastError;
    public Instant nextAttemptAt;
    public Instant completedAt;
    public String receipt;

    public Key key() {
        Key key = new Key();
        key.requestId = requestId;
        key.service = service;
        return key;
    }
}
