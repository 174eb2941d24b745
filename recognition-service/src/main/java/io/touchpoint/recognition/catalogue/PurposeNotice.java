package io.touchpoint.recognition.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

@Entity
@Table(name = "purpose_notice")
@IdClass(PurposeNotice.Key.class)
public class PurposeNotice extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String purposeKey;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(purposeKey, k.purposeKey) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(purposeKey, version);
        }
    }

    @Id
    public String purposeKey;
    @Id
    public int version;
    public String language;
    public String title;
    public String text;
    public Instant publishedAt;

    /** The notice a customer must be shown now: the latest published version. */
    public static Optional<PurposeNotice> current(String purposeKey) {
        return find("purposeKey = ?1 order by version desc", purposeKey).firstResultOptional();
    }
}
