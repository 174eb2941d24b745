package io.touchpoint.recognition.consent;

import io.touchpoint.recognition.consent.ConsentEvaluation.Asking;
import io.touchpoint.recognition.consent.ConsentEvaluation.Disclosure;
import io.touchpoint.recognition.consent.ConsentEvaluation.Kind;
import io.touchpoint.recognition.consent.ConsentEvaluation.LedgerEntry;
import io.touchpoint.recognition.consent.ConsentEvaluation.Preference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentEvaluationTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Set<String> SPECIAL = Set.of("assistance-sharing");
    private static final Preference SEAT = new Preference("seat.position", "seat", false, "aisle");
    private static final Preference MEAL = new Preference("meal.dietary", "meal", false, "vegan");
    private static final Preference MOBILITY = new Preference("assistance.mobility", "assistance", true, "wheelchair-to-gate");
    private static final List<Preference> ALL = List.of(SEAT, MEAL, MOBILITY);

    private long sequence;

    private LedgerEntry entry(UUID consentId, Kind kind, String purpose, Set<String> categories, Set<String> roles,
                              Set<String> touchpointTypes, Instant at, Instant expires) {
        return new LedgerEntry(UUID.randomUUID(), ++sequence, consentId, kind, purpose, categories, roles,
                touchpointTypes, at, expires);
    }

    private LedgerEntry grant(UUID consentId, String purpose, Set<String> categories, Set<String> roles, Set<String> touchpoints) {
        return entry(consentId, Kind.GRANT, purpose, categories, roles, touchpoints, T0, T0.plus(Duration.ofDays(730)));
    }

    private static Asking asking(String role, String touchpointType, Instant at, String... purposes) {
        return new Asking(Set.of(purposes), role, touchpointType, at);
    }

    private static List<String> keys(List<Disclosure> disclosed) {
        return disclosed.stream().map(Disclosure::key).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // purpose, categories, roles, touchpoint types, asking role, asking touchpoint, asked purposes, expected keys
                Arguments.of("personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of(), "gate-agent", "GATE",
                        Set.of("personalised-service"), List.of("seat.position")),
                Arguments.of("personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of(), "lounge-host", "LOUNGE",
                        Set.of("personalised-service"), List.of()),
                Arguments.of("personalised-service", Set.of("seat"), Set.of(), Set.of("LOUNGE"), "lounge-host", "LOUNGE",
                        Set.of("personalised-service"), List.of("seat.position")),
                Arguments.of("personalised-service", Set.of("seat", "meal"), Set.of("cabin-crew"), Set.of(), "cabin-crew", "CABIN",
                        Set.of("personalised-service"), List.of("seat.position", "meal.dietary")),
                Arguments.of("personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of(), "gate-agent", "GATE",
                        Set.of("proactive-contact"), List.of()),
                // Special-category data never under an ordinary purpose, even if the scope names its category.
                Arguments.of("personalised-service", Set.of("assistance"), Set.of("gate-agent"), Set.of(), "gate-agent", "GATE",
                        Set.of("personalised-service"), List.of()),
                Arguments.of("assistance-sharing", Set.of("assistance"), Set.of("gate-agent"), Set.of(), "gate-agent", "GATE",
                        Set.of("personalised-service", "assistance-sharing"), List.of("assistance.mobility")),
                Arguments.of("assistance-sharing", Set.of("assistance"), Set.of("gate-agent"), Set.of(), "gate-agent", "GATE",
                        Set.of("personalised-service"), List.of()));
    }

    @ParameterizedTest(name = "{0} {1} for {2}/{3}, asked by {4} at {5} for {6}")
    @MethodSource("cases")
    void disclosesOnlyWhatAnActiveConsentCoversForThisPurposeAndRoleOrTouchpoint(
            String purpose, Set<String> categories, Set<String> roles, Set<String> touchpoints,
            String role, String touchpointType, Set<String> purposes, List<String> expected) {
        List<LedgerEntry> ledger = List.of(grant(UUID.randomUUID(), purpose, categories, roles, touchpoints));

        List<Disclosure> disclosed = ConsentEvaluation.disclose(ledger, ALL, SPECIAL,
                new Asking(purposes, role, touchpointType, T0.plusSeconds(60)));

        assertThat(keys(disclosed)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aWithdrawalCountsAsSoonAsItIsInTheLedgerEvenIfAnotherClockDatesItLater() {
        UUID consent = UUID.randomUUID();
        LedgerEntry granted = grant(consent, "personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of());
        Instant withdrawnAt = T0.plus(Duration.ofDays(3));
        LedgerEntry withdrawn = entry(consent, Kind.WITHDRAW, "personalised-service", Set.of("seat"), Set.of("gate-agent"),
                Set.of(), withdrawnAt, null);

        assertThat(ConsentEvaluation.disclose(List.of(granted), ALL, SPECIAL, asking("gate-agent", "GATE", withdrawnAt.minusMillis(1), "personalised-service")))
                .extracting(Disclosure::receiptId).containsExactly(granted.receiptId());
        assertThat(ConsentEvaluation.disclose(List.of(granted, withdrawn), ALL, SPECIAL, asking("gate-agent", "GATE", withdrawnAt.minusMillis(1), "personalised-service")))
                .isEmpty();
    }

    @Test
    void anExpiredConsentCountsAsAbsentAndARenewalRestoresItWithItsOwnReceipt() {
        UUID consent = UUID.randomUUID();
        Instant expires = T0.plus(Duration.ofDays(30));
        LedgerEntry granted = entry(consent, Kind.GRANT, "personalised-service", Set.of("seat"), Set.of("gate-agent"),
                Set.of(), T0, expires);

        assertThat(ConsentEvaluation.disclose(List.of(granted), ALL, SPECIAL, asking("gate-agent", "GATE", expires, "personalised-service")))
                .isEmpty();

        LedgerEntry renewed = entry(consent, Kind.RENEW, "personalised-service", Set.of("seat"), Set.of("gate-agent"),
                Set.of(), expires.minus(Duration.ofDays(1)), expires.plus(Duration.ofDays(700)));
        assertThat(ConsentEvaluation.disclose(List.of(granted, renewed), ALL, SPECIAL, asking("gate-agent", "GATE", expires, "personalised-service")))
                .extracting(Disclosure::receiptId).containsExactly(renewed.receiptId());
    }

    @Test
    void aRenewalCannotReviveAWithdrawnConsent() {
        UUID consent = UUID.randomUUID();
        List<LedgerEntry> ledger = List.of(
                grant(consent, "personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of()),
                entry(consent, Kind.WITHDRAW, "personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of(), T0.plusSeconds(10), null),
                entry(consent, Kind.RENEW, "personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of(), T0.plusSeconds(20),
                        T0.plus(Duration.ofDays(700))));

        assertThat(ConsentEvaluation.disclose(ledger, ALL, SPECIAL, asking("gate-agent", "GATE", T0.plusSeconds(30), "personalised-service")))
                .isEmpty();
        assertThat(ConsentEvaluation.consents(ledger, T0.plusSeconds(30))).singleElement()
                .extracting(ConsentEvaluation.Consent::state).isEqualTo(ConsentEvaluation.State.WITHDRAWN);
    }

    @Test
    void entriesRecordedAfterTheMomentAskedAreIgnored() {
        LedgerEntry future = entry(UUID.randomUUID(), Kind.GRANT, "personalised-service", Set.of("seat"), Set.of("gate-agent"),
                Set.of(), T0.plusSeconds(100), T0.plus(Duration.ofDays(700)));

        assertThat(ConsentEvaluation.disclose(List.of(future), ALL, SPECIAL, asking("gate-agent", "GATE", T0, "personalised-service")))
                .isEmpty();
    }

    @Test
    void aWithdrawalOrRenewalWithoutAGrantGrantsNothing() {
        UUID consent = UUID.randomUUID();
        List<LedgerEntry> ledger = List.of(entry(consent, Kind.RENEW, "personalised-service", Set.of("seat"),
                Set.of("gate-agent"), Set.of(), T0, T0.plus(Duration.ofDays(700))));

        assertThat(ConsentEvaluation.disclose(ledger, ALL, SPECIAL, asking("gate-agent", "GATE", T0.plusSeconds(1), "personalised-service")))
                .isEmpty();
    }

    /**
     * Property, over seeded random histories: whatever sequence of grants, renewals, withdrawals and expiries,
     * every disclosed preference is covered, at that moment, by a consent that an independent replay of the
     * ledger finds granted, unwithdrawn and unexpired, for the asked purpose, the preference's category and
     * the asking role or touchpoint type, and special-category data only under a special purpose.
     */
    @Test
    void noUnconsentedPreferenceIsEverDisclosed() {
        Random random = new Random(20261123L);
        List<String> purposes = List.of("personalised-service", "assistance-sharing", "proactive-contact");
        List<String> categories = List.of("seat", "meal", "assistance");
        List<String> roles = List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");
        List<String> touchpoints = List.of("GATE", "LOUNGE", "CABIN", "CHECK_IN");
        int disclosures = 0;
        for (int history = 0; history < 2000; history++) {
            List<LedgerEntry> ledger = new ArrayList<>();
            List<UUID> consentIds = new ArrayList<>();
            Instant clock = T0;
            for (int step = 0; step < 1 + random.nextInt(12); step++) {
                clock = clock.plus(Duration.ofHours(1 + random.nextInt(24 * 60)));
                int action = random.nextInt(4);
                if (action <= 1 || consentIds.isEmpty()) {
                    UUID id = UUID.randomUUID();
                    consentIds.add(id);
                    ledger.add(entry(id, Kind.GRANT, pick(random, purposes), subset(random, categories), subset(random, roles),
                            subset(random, touchpoints), clock, clock.plus(Duration.ofDays(1 + random.nextInt(120)))));
                } else {
                    UUID id = consentIds.get(random.nextInt(consentIds.size()));
                    LedgerEntry terms = ledger.stream().filter(e -> e.consentId().equals(id)).reduce((a, b) -> b).orElseThrow();
                    Kind kind = action == 2 ? Kind.RENEW : Kind.WITHDRAW;
                    ledger.add(entry(id, kind, terms.purpose(), terms.categories(), terms.roles(), terms.touchpointTypes(), clock,
                            kind == Kind.RENEW ? clock.plus(Duration.ofDays(1 + random.nextInt(120))) : null));
                }
            }
            for (int probe = 0; probe < 10; probe++) {
                Instant at = T0.plus(Duration.ofHours(random.nextInt(24 * 60 * 14)));
                Asking asking = new Asking(subset(random, purposes), pick(random, roles), pick(random, touchpoints), at);
                for (Disclosure d : ConsentEvaluation.disclose(ledger, ALL, SPECIAL, asking)) {
                    disclosures++;
                    Preference preference = ALL.stream().filter(p -> p.key().equals(d.key())).findFirst().orElseThrow();
                    assertThat(coveredByReplay(ledger, preference, asking, d.receiptId()))
                            .as("history %d: %s disclosed to %s without a covering consent", history, d.key(), asking)
                            .isTrue();
                }
            }
        }
        assertThat(disclosures).as("the generator produces disclosures to check").isGreaterThan(500);
    }

    /**
     * An independent, deliberately naive replay: the receipt's terms are the newest granted or renewed up to
     * the moment asked, and the consent has no withdrawal anywhere in the ledger.
     */
    private static boolean coveredByReplay(List<LedgerEntry> ledger, Preference preference, Asking asking, UUID receiptId) {
        Map<UUID, List<LedgerEntry>> seen = new HashMap<>();
        for (LedgerEntry e : ledger) {
            if (e.kind() == Kind.WITHDRAW || !e.recordedAt().isAfter(asking.at())) {
                seen.computeIfAbsent(e.consentId(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<LedgerEntry> history : seen.values()) {
            boolean granted = history.stream().anyMatch(e -> e.kind() == Kind.GRANT);
            boolean withdrawn = history.stream().anyMatch(e -> e.kind() == Kind.WITHDRAW);
            LedgerEntry newestTerms = history.stream().filter(e -> e.kind() != Kind.WITHDRAW).reduce((a, b) -> b).orElse(null);
            if (!granted || withdrawn || newestTerms == null || !newestTerms.receiptId().equals(receiptId)) {
                continue;
            }
            boolean unexpired = newestTerms.expiresAt().isAfter(asking.at());
            boolean forPurpose = asking.purposes().contains(newestTerms.purpose());
            boolean forCategory = newestTerms.categories().contains(preference.category());
            boolean forAsker = newestTerms.roles().contains(asking.role()) || newestTerms.touchpointTypes().contains(asking.touchpointType());
            boolean specialOk = !preference.specialCategory() || SPECIAL.contains(newestTerms.purpose());
            if (unexpired && forPurpose && forCategory && forAsker && specialOk) {
                return true;
            }
        }
        return false;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Set<String> subset(Random random, List<String> values) {
        Set<String> subset = new java.util.LinkedHashSet<>();
        for (String value : values) {
            if (random.nextBoolean()) {
                subset.add(value);
            }
        }
        return subset;
    }

    @Test
    void eachDisclosureNamesThePurposeOfTheConsentThatAllowsIt() {
        List<LedgerEntry> ledger = List.of(
                grant(UUID.randomUUID(), "personalised-service", Set.of("seat"), Set.of("gate-agent"), Set.of()),
                grant(UUID.randomUUID(), "assistance-sharing", Set.of("assistance"), Set.of("gate-agent"), Set.of()));

        List<Disclosure> disclosed = ConsentEvaluation.disclose(ledger, ALL, SPECIAL,
                asking("gate-agent", "GATE", T0.plusSeconds(1), "personalised-service", "assistance-sharing"));

        assertThat(disclosed).extracting(Disclosure::key, Disclosure::purpose).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("seat.position", "personalised-service"),
                org.assertj.core.api.Assertions.tuple("assistance.mobility", "assistance-sharing"));
    }

    @Test
    void proactiveContactIsConsentedOnlyForTheRolesOrTouchpointsItNamesWhileActive() {
        UUID consent = UUID.randomUUID();
        List<LedgerEntry> ledger = new ArrayList<>(List.of(
                grant(consent, "proactive-contact", Set.of(), Set.of("gate-agent"), Set.of("LOUNGE"))));
        Instant now = T0.plusSeconds(1);

        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("gate-agent", "GATE", now, "personalised-service", "proactive-contact")))
                .containsExactly("proactive-contact");
        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("lounge-host", "LOUNGE", now, "proactive-contact")))
                .containsExactly("proactive-contact");
        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("cabin-crew", "CABIN", now, "proactive-contact")))
                .as("neither the role nor the touchpoint type is named").isEmpty();
        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("gate-agent", "GATE", now, "personalised-service")))
                .as("not asked").isEmpty();
        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("gate-agent", "GATE", T0.plus(Duration.ofDays(731)), "proactive-contact")))
                .as("expired").isEmpty();

        ledger.add(entry(consent, Kind.WITHDRAW, "proactive-contact", Set.of(), Set.of("gate-agent"), Set.of("LOUNGE"),
                T0.plus(Duration.ofDays(1)), null));
        assertThat(ConsentEvaluation.consentedPurposes(ledger, asking("gate-agent", "GATE", T0.plus(Duration.ofDays(2)), "proactive-contact")))
                .as("withdrawn").isEmpty();
    }
}
