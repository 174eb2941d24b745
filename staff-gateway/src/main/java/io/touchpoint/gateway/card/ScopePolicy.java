package io.touchpoint.gateway.card;

import com.fasterxml.jackson.databind.JsonNode;
import io.touchpoint.gateway.policy.PolicyYaml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which card fields each staff role may see: a versioned document, validated as a whole when loaded. The one
 * place that filters a card's fields. Pure: no framework types.
 */
public final class ScopePolicy {

    /** The staff roles of the design; the policy must say what each of them sees. */
    public static final Set<String> STAFF_ROLES = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");

    private final String version;
    private final Map<String, String> fields;
    private final Map<String, Set<String>> visibleByRole;
    private final Set<String> needProactiveContact;

    /** The catalogue purpose that lets staff approach a customer about a past issue (rule 11). */
    public static final String PROACTIVE_CONTACT = "proactive-contact";

    private ScopePolicy(String version, Map<String, String> fields, Map<String, Set<String>> visibleByRole,
                        Set<String> needProactiveContact) {
        this.version = version;
        this.fields = fields;
        this.visibleByRole = visibleByRole;
        this.needProactiveContact = needProactiveContact;
    }

    public static class InvalidPolicy extends RuntimeException {
        InvalidPolicy(String message) {
            super("The scope policy is invalid: " + message);
        }
    }

    /** Reads and validates a policy; every fault found is named in one message. */
    public static ScopePolicy load(InputStream yaml) {
        JsonNode root = PolicyYaml.read(yaml, "version, fields and roles", InvalidPolicy::new);
        List<String> faults = new ArrayList<>();
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            faults.add("version is missing");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (!root.path("fields").isObject() || root.path("fields").isEmpty()) {
            faults.add("fields must list the card fields with a description each");
        } else {
            root.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        if (!root.path("roles").isObject()) {
            faults.add("roles must map each staff role to its list of fields");
        } else {
            root.path("roles").properties().forEach(e -> {
                String role = e.getKey();
                if (!STAFF_ROLES.contains(role)) {
                    faults.add("role '" + role + "' is not a staff role " + sorted(STAFF_ROLES));
                }
                if (!e.getValue().isArray()) {
                    faults.add("role '" + role + "' must have a list of fields");
                    return;
                }
                Set<String> visible = new LinkedHashSet<>();
                e.getValue().forEach(field -> {
                    if (!fields.containsKey(field.asText())) {
                        faults.add("role '" + role + "' names unknown field '" + field.asText() + "'");
                    }
                    if (!visible.add(field.asText())) {
                        faults.add("role '" + role + "' names field '" + field.asText() + "' twice");
                    }
                });
                roles.put(role, Collections.unmodifiableSet(visible));
            });
            for (String role : sorted(STAFF_ROLES)) {
                if (!roles.containsKey(role)) {
                    faults.add("role '" + role + "' is missing (a role with no fields must say so with [])");
                }
            }
        }
        // Rule 11: which roles see an open issue's categories only under a proactive-contact consent. Absent means
        // every role: the safe reading of a policy that does not say.
        Set<String> needProactiveContact = new LinkedHashSet<>(STAFF_ROLES);
        JsonNode proactive = root.path("recovery-categories-need-proactive-contact");
        if (!proactive.isMissingNode()) {
            needProactiveContact.clear();
            if (!proactive.isArray()) {
                faults.add("recovery-categories-need-proactive-contact must be a list of staff roles");
            }
            proactive.forEach(r -> {
                if (!STAFF_ROLES.contains(r.asText())) {
                    faults.add("recovery-categories-need-proactive-contact names '" + r.asText() + "', not a staff role");
                }
                needProactiveContact.add(r.asText());
            });
        }
        if (!faults.isEmpty()) {
            throw new InvalidPolicy(String.join("; ", faults));
        }
        return new ScopePolicy(version, Collections.unmodifiableMap(fields), Collections.unmodifiableMap(roles),
                Collections.unmodifiableSet(needProactiveContact));
    }

    public String version() {
        return version;
    }

    public Set<String> fields() {
        return fields.keySet();
    }

    /** The fields a role sees; nothing for a role the policy does not know. */
    public Set<String> visibleTo(String role) {
        return visibleByRole.getOrDefault(role, Set.of());
    }

    /**
     * Rule 11, the one place it is decided: whether this role's card may name the categories of an open service
     * issue. A role the policy lists needs a current proactive-contact consent for it; without one, the card says
     * only that an issue is open, so staff let the customer raise it.
     */
    public boolean showsRecoveryCategories(String role, Set<String> consentedPurposes) {
        return !needProactiveContact.contains(role) || consentedPurposes.contains(PROACTIVE_CONTACT);
    }

    /** Whether showing recovery categories to this role rests on the proactive-contact consent. */
    public boolean needsProactiveContact(String role) {
        return needProactiveContact.contains(role);
    }

    /** Keeps only the entries of a card whose field the role may see; the others are absent, not null. */
    public <T> Map<String, T> filter(String role, Map<String, T> card) {
        Set<String> visible = visibleTo(role);
        Map<String, T> shown = new LinkedHashMap<>();
        card.forEach((field, value) -> {
            if (visible.contains(field)) {
                shown.put(field, value);
            }
        });
        return shown;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
