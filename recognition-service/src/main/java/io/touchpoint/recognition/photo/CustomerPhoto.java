package io.touchpoint.recognition.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The one photo a customer uploaded themselves, without metadata. Never sourced from anywhere else. */
@Entity
@Table(name = "customer_photo")
public class CustomerPhoto extends PanacheEntityBase {

    @Id
    public UUID customerId;
    public String mediaType;
    public int width;
    public int height;
    public byte[] content;
    public Instant uploadedAt;
}
