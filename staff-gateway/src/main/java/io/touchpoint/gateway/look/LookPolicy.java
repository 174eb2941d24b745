package io.touchpoint.gateway.look;

import com.fasterxml.jackson.databind.JsonNode;
import io.touchpoint.gateway.policy.PolicyYaml;
import io.touchpoint.support.touchpoint.TouchpointType;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and why a staff member may look: which touchpoint types each role may act at, which catalogue purposes it
 * may use, and that a current staff assignment binds the touchpoint. A versioned document, validated as a whole when
 * loaded. The one place that decides whether a look may happen; pure: no framework types, no clock, no database.
 */
public final class LookPolicy {

    /** The staff roles of the design; the policy must say where each of them may act. */
    public static final Set<String> STAFF_ROLES = Set.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");
    private static final Pattern PURPOSE_KEY = Pattern.compile("[a-z][a-z0-9-]{1,49}");

    /** Operations' word that this staff member works at this touchpoint in this interval (from inclusive). */
    public record Assignment(String touchpoint, Instant from, Instant until) {

        public boolean isCurrent(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    /** Why a look is refused, as the problem the caller gets. */
    public record Refusal(int status, String type, String title, String detail) {
    }

    private record RoleRules(Set<String> touchpointTypes, Set<String> purposes) {
    }

    private final String version;
    private final Set<String> purposes;
    private final List<String> cardAdds;
    private final Map<String, RoleRules> roles;

    private LookPolicy(String version, Set<String> purposes, List<String> cardAdds, Map<String, RoleRules> roles) {
        this.version = version;
        this.purposes = purposes;
        this.cardAdds = cardAdds;
        this.roles = roles;
    }

    public static class InvalidPolicy extends RuntimeException {
        InvalidPolicy(String message) {
            super("The look policy is invalid: " + message);
        }
    }

    /** Reads and validates a policy; every fault found is named in one message. */
    public static LookPolicy load(InputStream yaml) {
        JsonNode root = PolicyYaml.read(yaml, "version, purposes, card-adds and roles", InvalidPolicy::new);
        List<String> faults = new ArrayList<>();
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            faults.add("version is missing");
        }
        Set<String> purposes = new LinkedHashSet<>();
        if (!root.path("purposes").isObject() || root.path("purposes").isEmpty()) {
            faults.add("purposes must list the catalogue purposes with a description each");
        } else {
            root.path("purposes").properties().forEach(e -> {
                if (!PURPOSE_KEY.matcher(e.getKey()).matches()) {
                    faults.add("purpose '" + e.getKey() + "' is not a purpose key");
                }
                purposes.add(e.getKey());
            });
        }
        List<String> cardAdds = new ArrayList<>();
        if (!root.path("card-adds").isArray()) {
            faults.add("card-adds must be a list of purposes (it may be [])");
        } else {
            root.path("card-adds").forEach(p -> {
                if (!purposes.contains(p.asText())) {
                    faults.add("card-adds names unknown purpose '" + p.asText() + "'");
                }
                cardAdds.add(p.asText());
            });
        }
        Map<String, RoleRules> roles = new LinkedHashMap<>();
        if (!root.path("roles").isObject()) {
            faults.add("roles must give each staff role its touchpoint-types and purposes");
        } else {
            root.path("roles").properties().forEach(e -> {
                String role = e.getKey();
                if (!STAFF_ROLES.contains(role)) {
                    faults.add("role '" + role + "' is not a staff role " + sorted(STAFF_ROLES));
                }
                Set<String> types = list(e.getValue().path("touchpoint-types"), "role '" + role + "' touchpoint-types", faults);
                types.stream().filter(t -> !TouchpointType.names().contains(t)).forEach(t ->
                        faults.add("role '" + role + "' names unknown touchpoint type '" + t + "' (known: " + TouchpointType.names() + ")"));
                Set<String> allowed = list(e.getValue().path("purposes"), "role '" + role + "' purposes", faults);
                allowed.stream().filter(p -> !purposes.contains(p)).forEach(p ->
                        faults.add("role '" + role + "' names unknown purpose '" + p + "'"));
                roles.put(role, new RoleRules(Collections.unmodifiableSet(types), Collections.unmodifiableSet(allowed)));
            });
            for (String role : sorted(STAFF_ROLES)) {
                if (!roles.containsKey(role)) {
                    faults.add("role '" + role + "' is missing");
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidPolicy(String.join("; ", faults));
        }
        return new LookPolicy(version, Collections.unmodifiableSet(purposes), List.copyOf(cardAdds), Collections.unmodifiableMap(roles));
    }

    private static Set<String> list(JsonNode node, String what, List<String> faults) {
        Set<String> values = new LinkedHashSet<>();
        if (!node.isArray() || node.isEmpty()) {
            faults.add(what + " must be a non-empty list");
            return values;
        }
        node.forEach(v -> {
            if (!values.add(v.asText())) {
                faults.add(what + " names '" + v.asText() + "' twice");
            }
        });
        return values;
    }

    public String version() {
        return version;
    }

    /** The touchpoint types a role may act at; none for a role the policy does not know. */
    public Set<String> touchpointTypesFor(String role) {
        RoleRules rules = roles.get(role);
        return rules == null ? Set.of() : rules.touchpointTypes();
    }

    /** The purposes a role may use; none for a role the policy does not know. */
    public Set<String> purposesFor(String role) {
        RoleRules rules = roles.get(role);
        return rules == null ? Set.of() : rules.purposes();
    }

    /** The purposes a card asks recognition for: the named one first, then those the card adds that the role may use. */
    public List<String> cardPurposes(String role, String named) {
        Set<String> asked = new LinkedHashSet<>();
        asked.add(named);
        cardAdds.stream().filter(purposesFor(role)::contains).forEach(asked::add);
        return List.copyOf(asked);
    }

    /**
     * Why this look may not happen, or empty when it may: the purpose must be a catalogue purpose the role may
     * use, the touchpoint's type one the role may act at, and where the staff member has current assignments,
     * the touchpoint one of theirs.
     */
    public Optional<Refusal> refusal(String role, String touchpoint, String purpose, List<Assignment> assignments, Instant at) {
        if (!purposes.contains(purpose)) {
            return Optional.of(new Refusal(400, "unknown-purpose", "Unknown purpose",
                    "purpose: must be one of " + sorted(purposes)));
        }
        if (!purposesFor(role).contains(purpose)) {
            return Optional.of(new Refusal(403, "purpose-not-allowed", "Purpose not allowed for this role",
                    "A " + role + " may look only for " + sorted(purposesFor(role)) + "."));
        }
        Optional<String> type = TouchpointType.of(touchpoint).map(Enum::name);
        if (type.isEmpty() || !touchpoint.startsWith(type.get() + "/")) {
            return Optional.of(new Refusal(400, "unknown-touchpoint-type", "Unknown touchpoint type",
                    "touchpoint: must be TYPE/ID with TYPE one of " + TouchpointType.names()));
        }
        if (!touchpointTypesFor(role).contains(type.get())) {
            return Optional.of(new Refusal(403, "touchpoint-not-allowed", "Not a touchpoint for this role",
                    "A " + role + " acts only at " + sorted(touchpointTypesFor(role)) + " touchpoints."));
        }
        List<String> assigned = assignments.stream().filter(a -> a.isCurrent(at)).map(Assignment::touchpoint).distinct().sorted().toList();
        if (!assigned.isEmpty() && !assigned.contains(touchpoint)) {
            return Optional.of(new Refusal(403, "not-your-assignment", "Not your assigned touchpoint",
                    "You are assigned to " + String.join(", ", assigned) + " now; look from there."));
        }
        return Optional.empty();
    }

    /** Whether a role may stand at a touchpoint at all, before any assignment: what the tablet offers. */
    public boolean mayActAt(String role, String touchpoint) {
        return TouchpointType.of(touchpoint).map(t -> touchpoint.startsWith(t.name() + "/")
                && touchpointTypesFor(role).contains(t.name())).orElse(false);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
