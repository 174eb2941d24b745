package io.touchpoint.recognition.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.touchpoint.recognition.web.Lists;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;

/** Why data may be used; its notices are versioned plain-language texts. */
@Entity
@Table(name = "purpose")
public class Purpose extends PanacheEntityBase {

    @Id
    public String key;
    /** The preference categories a consent for this purpose may cover. */
    public String categories;
    /** Whether it may disclose special-category (health) data. */
    public boolean specialCategory;
    public int maxDurationMonths;

    public Set<String> coverable() {
        return Lists.parse(categories);
    }
}
