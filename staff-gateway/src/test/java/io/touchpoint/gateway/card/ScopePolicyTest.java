package io.touchpoint.gateway.card;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopePolicyTest {

    /** The design's table (../shared/design/architecture.md), written out independently of the YAML. */
    private static final Map<String, Set<String>> DESIGN = Map.of(
            "gate-agent", Set.of("greeting", "tier", "itinerary", "preference-seat", "preference-assistance", "booked-services",
                    "service-recovery-flag", "photo"),
            "check-in-agent", Set.of("greeting", "tier", "itinerary", "preference-seat", "preference-assistance",
                    "booked-services", "service-recovery-flag", "travel-summary", "photo"),
            "lounge-host", Set.of("greeting", "tier", "itinerary", "preference-meal-drink", "preference-assistance",
                    "service-recovery-flag", "travel-summary", "photo"),
            "cabin-crew", Set.of("greeting", "tier", "itinerary", "preference-seat", "preference-meal-drink",
                    "preference-assistance", "booked-services", "service-recovery-flag"),
            "supervisor", Set.of("greeting", "tier", "itinerary", "preference-seat", "preference-meal-drink",
                    "preference-assistance", "booked-services", "service-recovery-flag", "service-recovery-details",
                    "travel-summary", "photo"));

    private static ScopePolicy shipped() {
        return ScopePolicy.load(ScopePolicyTest.class.getResourceAsStream("/scope-policy.yaml"));
    }

    static Stream<Arguments> everyRoleAndField() {
        ScopePolicy policy = shipped();
        return DESIGN.keySet().stream().flatMap(role -> policy.fields().stream().map(field -> Arguments.of(role, field)));
    }

    @ParameterizedTest(name = "{0} sees {1}: as the design says")
    @MethodSource("everyRoleAndField")
    void theShippedPolicyMatchesTheDesignForEveryRoleAndField(String role, String field) {
        assertThat(shipped().visibleTo(role).contains(field)).isEqualTo(DESIGN.get(role).contains(field));
    }

    @Test
    void filteringDropsHiddenFieldsEntirelyAndKeepsVisibleOnes() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("greeting", "Good morning, Dr Desmarais");
        card.put("preference-seat", "aisle");
        card.put("preference-meal-drink", "vegan");
        card.put("service-recovery-details", "Bag delayed");

        Map<String, Object> forLounge = shipped().filter("lounge-host", card);

        assertThat(forLounge).containsOnlyKeys("greeting", "preference-meal-drink");
    }

    @Test
    void anUnknownRoleSeesNothing() {
        assertThat(shipped().visibleTo("compliance-auditor")).isEmpty();
        assertThat(shipped().filter("customer", Map.of("greeting", "x"))).isEmpty();
    }

    static Stream<Arguments> invalidPolicies() {
        String fields = "fields:\n  greeting: g\n  tier: t\n";
        String allRoles = "roles:\n  gate-agent: [greeting]\n  check-in-agent: [greeting]\n  lounge-host: [greeting]\n"
                + "  cabin-crew: [greeting]\n  supervisor: [greeting, tier]\n";
        return Stream.of(
                Arguments.of("no version", fields + allRoles, "version is missing"),
                Arguments.of("unknown field", "version: 1\n" + fields + allRoles.replace("[greeting, tier]", "[greeting, salary]"),
                        "role 'supervisor' names unknown field 'salary'"),
                Arguments.of("unknown role", "version: 1\n" + fields + allRoles + "  janitor: [greeting]\n", "role 'janitor' is not a staff role"),
                Arguments.of("missing role", "version: 1\n" + fields + allRoles.replace("  cabin-crew: [greeting]\n", ""),
                        "role 'cabin-crew' is missing"),
                Arguments.of("fields not a list", "version: 1\n" + fields + allRoles.replace("cabin-crew: [greeting]", "cabin-crew: greeting"),
                        "role 'cabin-crew' must have a list of fields"),
                Arguments.of("duplicate field", "version: 1\n" + fields + allRoles.replace("[greeting, tier]", "[tier, tier]"),
                        "names field 'tier' twice"),
                Arguments.of("no fields", "version: 1\n" + allRoles, "fields must list"),
                Arguments.of("not YAML", "version: [1\n", "not valid YAML"),
                Arguments.of("empty", "", "must be a document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void anInvalidPolicyIsRefusedNamingTheFault(String what, String yaml, String fault) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ScopePolicy.load(in))
                .isInstanceOf(ScopePolicy.InvalidPolicy.class)
                .hasMessageContaining(fault);
    }

    @Test
    void theVersionIsReadFromTheDocument() {
        assertThat(shipped().version()).isEqualTo("2026-12-02.1");
        assertThat(List.copyOf(shipped().fields())).hasSize(11);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gate-agent", "check-in-agent", "lounge-host", "cabin-crew"})
    void frontlineRolesSeeRecoveryCategoriesOnlyUnderAProactiveContactConsent(String role) {
        assertThat(shipped().showsRecoveryCategories(role, Set.of())).isFalse();
        assertThat(shipped().showsRecoveryCategories(role, Set.of("personalised-service", "assistance-sharing"))).isFalse();
        assertThat(shipped().showsRecoveryCategories(role, Set.of("proactive-contact"))).isTrue();
    }

    @Test
    void aSupervisorResolvesIssuesRaisedWithThemAndSoSeesCategoriesWithoutTheConsent() {
        assertThat(shipped().showsRecoveryCategories("supervisor", Set.of())).isTrue();
        assertThat(shipped().needsProactiveContact("supervisor")).isFalse();
    }

    @Test
    void aPolicyThatDoesNotSayWhoNeedsProactiveContactAsksItOfEveryRole() {
        String yaml = "version: v\nfields: {greeting: g}\nroles: {gate-agent: [greeting], check-in-agent: [], lounge-host: [], "
                + "cabin-crew: [], supervisor: [greeting]}\n";
        ScopePolicy policy = ScopePolicy.load(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(policy.showsRecoveryCategories("supervisor", Set.of())).isFalse();
    }

    @Test
    void aProactiveContactListNamingAnUnknownRoleIsRefused() {
        String yaml = "version: v\nfields: {greeting: g}\nroles: {gate-agent: [greeting], check-in-agent: [], lounge-host: [], "
                + "cabin-crew: [], supervisor: [greeting]}\nrecovery-categories-need-proactive-contact: [porter]\n";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScopePolicy.load(
                        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .hasMessageContaining("'porter', not a staff role");
    }
}
