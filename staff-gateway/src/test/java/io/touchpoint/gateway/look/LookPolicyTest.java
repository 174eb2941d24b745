package io.touchpoint.gateway.look;

import io.touchpoint.support.touchpoint.TouchpointType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookPolicyTest {

    private static final LookPolicy POLICY = LookPolicy.load(LookPolicyTest.class.getResourceAsStream("/look-policy.yaml"));
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String SERVICE = "personalised-service";

    /** The intended matrix, written out: which role may act at which touchpoint type. */
    private static final Map<String, Set<String>> WHERE = Map.of(
            "gate-agent", Set.of("GATE"), "check-in-agent", Set.of("CHECK_IN"), "lounge-host", Set.of("LOUNGE"),
            "cabin-crew", Set.of("CABIN"), "supervisor", Set.of("GATE", "CHECK_IN", "LOUNGE", "CABIN"));

    private static Optional<LookPolicy.Refusal> refusal(String role, String touchpoint, String purpose, LookPolicy.Assignment... assigned) {
        return POLICY.refusal(role, touchpoint, purpose, List.of(assigned), NOW);
    }

    static Stream<Arguments> everyRoleAtEveryTouchpointType() {
        return WHERE.keySet().stream().flatMap(role -> TouchpointType.names().stream().map(type -> Arguments.of(role, type)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("everyRoleAtEveryTouchpointType")
    void aRoleLooksOnlyFromTheTouchpointTypesThePolicyGivesIt(String role, String type) {
        Optional<LookPolicy.Refusal> refused = refusal(role, type + "/X1", SERVICE);

        if (WHERE.get(role).contains(type)) {
            assertThat(refused).isEmpty();
            assertThat(POLICY.mayActAt(role, type + "/X1")).isTrue();
        } else {
            assertThat(refused).get().satisfies(r -> {
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.type()).isEqualTo("touchpoint-not-allowed");
            });
            assertThat(POLICY.mayActAt(role, type + "/X1")).isFalse();
        }
    }

    @Test
    void aGateAgentDeclaringALoungeIsRefused() {
        assertThat(refusal("gate-agent", "LOUNGE/X", SERVICE)).get().extracting(LookPolicy.Refusal::status).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUPERVISOR_DESK/1", "CHECKIN/D4", "gate/a1", "GATEX/A1", "LOUNGE", ""})
    void anUnknownTouchpointTypeIsBadInput(String touchpoint) {
        assertThat(refusal("supervisor", touchpoint, SERVICE)).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.type()).isEqualTo("unknown-touchpoint-type");
        });
        assertThat(POLICY.mayActAt("supervisor", touchpoint)).isFalse();
    }

    @Test
    void aPurposeOutsideTheCatalogueIsBadInputAndOneTheRoleMayNotUseIsForbidden() {
        assertThat(refusal("gate-agent", "GATE/A1", "marketing")).get()
                .extracting(LookPolicy.Refusal::status, LookPolicy.Refusal::type).containsExactly(400, "unknown-purpose");
        assertThat(refusal("cabin-crew", "CABIN/TP1", "recognition-by-photo")).get()
                .extracting(LookPolicy.Refusal::status, LookPolicy.Refusal::type).containsExactly(403, "purpose-not-allowed");
        assertThat(refusal("gate-agent", "GATE/A1", "recognition-by-photo")).isEmpty();
    }

    @Test
    void aCurrentAssignmentBindsTheTouchpoint() {
        LookPolicy.Assignment b7 = new LookPolicy.Assignment("GATE/B7", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(7)));

        assertThat(refusal("gate-agent", "GATE/B7", SERVICE, b7)).isEmpty();
        assertThat(refusal("gate-agent", "GATE/A12", SERVICE, b7)).get()
                .extracting(LookPolicy.Refusal::status, LookPolicy.Refusal::type).containsExactly(403, "not-your-assignment");
        assertThat(refusal("supervisor", "LOUNGE/L1", SERVICE, b7)).as("a supervisor's assignment binds too").isPresent();
    }

    @Test
    void onlyACurrentAssignmentBinds() {
        LookPolicy.Assignment ended = new LookPolicy.Assignment("GATE/B7", NOW.minus(Duration.ofHours(9)), NOW);
        LookPolicy.Assignment later = new LookPolicy.Assignment("GATE/B7", NOW.plusSeconds(1), NOW.plus(Duration.ofHours(8)));
        LookPolicy.Assignment c3 = new LookPolicy.Assignment("GATE/C3", NOW, NOW.plus(Duration.ofHours(8)));

        assertThat(refusal("gate-agent", "GATE/A12", SERVICE, ended, later)).as("none current: the role decides").isEmpty();
        assertThat(refusal("gate-agent", "GATE/C3", SERVICE, ended, later, c3)).as("from is inclusive").isEmpty();
        assertThat(refusal("gate-agent", "GATE/B7", SERVICE, ended, later, c3)).isPresent();
    }

    @Test
    void twoCurrentAssignmentsAllowEitherTouchpoint() {
        LookPolicy.Assignment b7 = new LookPolicy.Assignment("GATE/B7", NOW.minusSeconds(60), NOW.plusSeconds(60));
        LookPolicy.Assignment b8 = new LookPolicy.Assignment("GATE/B8", NOW.minusSeconds(60), NOW.plusSeconds(60));

        assertThat(refusal("gate-agent", "GATE/B8", SERVICE, b7, b8)).isEmpty();
        assertThat(refusal("gate-agent", "GATE/B9", SERVICE, b7, b8)).get().extracting(LookPolicy.Refusal::detail).asString()
                .contains("GATE/B7, GATE/B8");
    }

    @Test
    void aRoleUnknownToThePolicyMayDoNothing() {
        assertThat(refusal("compliance-auditor", "GATE/A1", SERVICE)).isPresent();
        assertThat(POLICY.touchpointTypesFor("customer")).isEmpty();
        assertThat(POLICY.purposesFor("customer")).isEmpty();
    }

    @Test
    void theCardAsksOnlyForPurposesTheRoleMayUseNamedOneFirst() {
        assertThat(POLICY.cardPurposes("gate-agent", SERVICE))
                .containsExactly(SERVICE, "assistance-sharing", "recognition-by-photo", "proactive-contact");
        assertThat(POLICY.cardPurposes("cabin-crew", SERVICE)).containsExactly(SERVICE, "assistance-sharing", "proactive-contact");
        assertThat(POLICY.cardPurposes("gate-agent", "assistance-sharing"))
                .containsExactly("assistance-sharing", "recognition-by-photo", "proactive-contact");
    }

    private static LookPolicy load(String yaml) {
        return LookPolicy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String ROLES_OK = """
              gate-agent: {touchpoint-types: [GATE], purposes: [personalised-service]}
              check-in-agent: {touchpoint-types: [CHECK_IN], purposes: [personalised-service]}
              lounge-host: {touchpoint-types: [LOUNGE], purposes: [personalised-service]}
              cabin-crew: {touchpoint-types: [CABIN], purposes: [personalised-service]}
            """;

    @Test
    void aMinimalValidDocumentLoads() {
        LookPolicy policy = load("version: v1\npurposes: {personalised-service: x}\ncard-adds: []\nroles:\n" + ROLES_OK
                + "  supervisor: {touchpoint-types: [GATE], purposes: [personalised-service]}\n");
        assertThat(policy.version()).isEqualTo("v1");
        assertThat(policy.cardPurposes("supervisor", "personalised-service")).containsExactly("personalised-service");
    }

    static Stream<Arguments> invalidDocuments() {
        String head = "version: v1\npurposes: {personalised-service: x, proactive-contact: y}\ncard-adds: [proactive-contact]\nroles:\n";
        return Stream.of(
                Arguments.of("not yaml: [", "not valid YAML"),
                Arguments.of("- a list", "must be a document"),
                Arguments.of(head.replace("version: v1\n", "") + ROLES_OK
                        + "  supervisor: {touchpoint-types: [GATE], purposes: [personalised-service]}\n", "version is missing"),
                Arguments.of(head + ROLES_OK, "role 'supervisor' is missing"),
                Arguments.of(head + ROLES_OK + "  supervisor: {touchpoint-types: [DESK], purposes: [personalised-service]}\n",
                        "unknown touchpoint type 'DESK'"),
                Arguments.of(head + ROLES_OK + "  supervisor: {touchpoint-types: [GATE], purposes: [marketing]}\n",
                        "unknown purpose 'marketing'"),
                Arguments.of(head + ROLES_OK + "  supervisor: {touchpoint-types: [], purposes: [personalised-service]}\n",
                        "touchpoint-types must be a non-empty list"),
                Arguments.of(head + ROLES_OK + "  supervisor: {touchpoint-types: [GATE, GATE], purposes: [personalised-service]}\n",
                        "names 'GATE' twice"),
                Arguments.of(head + ROLES_OK + "  supervisor: {touchpoint-types: [GATE], purposes: [personalised-service]}\n"
                        + "  admin: {touchpoint-types: [GATE], purposes: [personalised-service]}\n", "'admin' is not a staff role"),
                Arguments.of(head.replace("card-adds: [proactive-contact]", "card-adds: [photos]") + ROLES_OK
                        + "  supervisor: {touchpoint-types: [GATE], purposes: [personalised-service]}\n", "card-adds names unknown purpose"),
                Arguments.of(head.replace("purposes: {personalised-service: x, proactive-contact: y}", "purposes: {Bad_Key: x}")
                        .replace("card-adds: [proactive-contact]", "card-adds: []") + ROLES_OK
                        + "  supervisor: {touchpoint-types: [GATE], purposes: [personalised-service]}\n", "'Bad_Key' is not a purpose key"));
    }

    @ParameterizedTest
    @MethodSource("invalidDocuments")
    void anInvalidDocumentIsRefusedWithItsFaultNamed(String yaml, String fault) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(LookPolicy.InvalidPolicy.class).hasMessageContaining(fault);
    }
}
