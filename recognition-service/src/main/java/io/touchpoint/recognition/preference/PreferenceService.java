package io.touchpoint.recognition.preference;

import io.touchpoint.recognition.catalogue.PreferenceDefinition;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PreferenceService {

    private final Clock clock;

    public PreferenceService(Clock clock) {
        this.clock = clock;
    }

    public record PreferenceView(
            @Schema(example = "seat.position") String key,
            @Schema(example = "seat") String category,
            @Schema(example = "Seat position") String label,
            @Schema(example = "aisle") String value,
            @Schema(example = "PORTAL") CustomerPreference.Source source,
            @Schema(example = "2026-11-23T10:00:00Z") Instant updatedAt,
            @Schema(description = "Health or similar data: shown only under the assistance-sharing purpose") boolean specialCategory) {
    }

    @Transactional
    public List<PreferenceView> list(UUID customerId) {
        Map<String, PreferenceDefinition> catalogue = catalogue();
        return CustomerPreference.of(customerId).stream()
                .map(p -> view(p, catalogue.get(p.key)))
                .toList();
    }

    /**
     * Sets the given preferences (others stay as they are); a null value removes one. All or nothing: one
     * unknown key or invalid value refuses the whole request, naming every key at fault.
     */
    @Transactional
    public List<PreferenceView> update(UUID customerId, Map<String, String> values, CustomerPreference.Source source) {
        Map<String, PreferenceDefinition> catalogue = catalogue();
        List<String> problems = new ArrayList<>();
        values.forEach((key, value) -> {
            PreferenceDefinition definition = catalogue.get(key);
            if (definition == null) {
                problems.add(key + ": is not in the preference catalogue");
            } else if (value != null) {
                PreferenceRules.problem(key, definition.isEnum(), definition.allowed(), definition.maxLength, value)
                        .ifPresent(problems::add);
            }
        });
        if (!problems.isEmpty()) {
            throw Problems.badRequest("invalid-preference", "Invalid preference", String.join("; ", problems.stream().sorted().toList()));
        }
        Instant now = clock.instant();
        Map<String, CustomerPreference> stored = CustomerPreference.of(customerId).stream()
                .collect(Collectors.toMap(p -> p.key, Function.identity()));
        values.forEach((key, value) -> {
            CustomerPreference existing = stored.get(key);
            if (value == null) {
                if (existing != null) {
                    existing.delete();
                }
                return;
            }
            CustomerPreference preference = existing != null ? existing : new CustomerPreference();
            preference.customerId = customerId;
            preference.key = key;
            preference.value = value;
            preference.source = source;
            preference.updatedAt = now;
            preference.persist();
        });
        return list(customerId);
    }

    private static Map<String, PreferenceDefinition> catalogue() {
        return PreferenceDefinition.<PreferenceDefinition>listAll().stream()
                .collect(Collectors.toMap(d -> d.key, Function.identity()));
    }

    private static PreferenceView view(CustomerPreference p, PreferenceDefinition d) {
        return new PreferenceView(p.key, d.category, d.label, p.value, p.source, p.updatedAt, d.specialCategory);
    }
}
