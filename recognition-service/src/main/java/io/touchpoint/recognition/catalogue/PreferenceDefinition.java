package io.touchpoint.recognition.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.touchpoint.recognition.web.Lists;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;

/** One preference a customer may state, as catalogue data: adding one is a migration, not code. */
@Entity
@Table(name = "preference_definition")
public class PreferenceDefinition extends PanacheEntityBase {

    @Id
    public String key;
    public String category;
    public String label;
    /** ENUM (one of allowedValues) or TEXT (up to maxLength characters). */
    public String valueType;
    public String allowedValues;
    public Integer maxLength;
    public boolean specialCategory;

    public Set<String> allowed() {
        return Lists.parse(allowedValues);
    }

    public boolean isEnum() {
        return "ENUM".equals(valueType);
    }
}
