package io.touchpoint.recognition.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides what a consent ledger allows to be disclosed, at a given moment, to a given
 * role at a given touchpoint for given purposes. Pure: no clock, no database; callers pass the ledger and
 * the time. Nothing is cached, so a withdrawal counts from the very next evaluation.
 */
public final class ConsentEvaluation {

    private ConsentEvaluation() {
    }

    public enum Kind { GRANT, RENEW, WITHDRAW }

    public enum State { ACTIVE, EXPIRED, WITHDRAWN }

    /** One row of the ledger. {@code expiresAt} is null for withdrawals. */
    public record LedgerEntry(UUID receiptId, long sequence, UUID consentId, Kind kind, String purpose,
                              Set<String> categories, Set<String> roles, Set<String> touchpointTypes,
                              Instant recordedAt, Instant expiresAt) {
    }

    /** A consent as the ledger says it stands at a moment: its latest terms and its state. */
    public record Consent(UUID consentId, String purpose, Set<String> categories, Set<String> roles,
                          Set<String> touchpointTypes, Instant grantedAt, Instant expiresAt, State state,
                          UUID termsReceiptId, List<LedgerEntry> history) {

        boolean covers(Preference preference, Asking asking, Set<String> specialPurposes) {
            return state == State.ACTIVE
                    && asking.purposes().contains(purpose)
                    && categories.contains(preference.category())
                    && (roles.contains(asking.role()) || touchpointTypes.contains(asking.touchpointType()))
                    // Special-category data (health) only under a purpose made for it.
                    && (!preference.specialCategory() || specialPurposes.contains(purpose));
        }
    }

    public record Preference(String key, String category, boolean specialCategory, String value) {
    }

    public record Asking(Set<String> purposes, String role, String touchpointType, Instant at) {
    }

    /**
     * A preference that may be shown, with the receipt of the consent terms that allow it and that consent's
     * purpose, so the access record can say why it was shown.
     */
    public record Disclosure(String key, String category, String value, UUID receiptId, String purpose) {
    }

    /**
     * Every consent in the ledger as it stands at {@code at}. Grants and renewals recorded later are ignored;
     * a withdrawal counts whenever it was recorded, so neither a clock difference between instances nor a
     * withdrawal committed while a card is being built can keep a withdrawn consent alive.
     */
    public static List<Consent> consents(List<LedgerEntry> ledger, Instant at) {
        Map<UUID, List<LedgerEntry>> byConsent = new LinkedHashMap<>();
        ledger.stream()
                .filter(e -> e.kind() == Kind.WITHDRAW || !e.recordedAt().isAfter(at))
                .sorted(Comparator.comparingLong(LedgerEntry::sequence))
                .forEach(e -> byConsent.computeIfAbsent(e.consentId(), id -> new ArrayList<>()).add(e));
        List<Consent> consents = new ArrayList<>();
        for (List<LedgerEntry> history : byConsent.values()) {
            standing(history, at).ifPresent(consents::add);
        }
        return consents;
    }

    private static Optional<Consent> standing(List<LedgerEntry> history, Instant at) {
        LedgerEntry grant = null;
        LedgerEntry terms = null;
        boolean withdrawn = false;
        for (LedgerEntry entry : history) {
            switch (entry.kind()) {
                case GRANT -> {
                    grant = grant == null ? entry : grant;
                    terms = entry;
                }
                case RENEW -> terms = withdrawn ? terms : entry;
                case WITHDRAW -> withdrawn = true;
            }
        }
        if (grant == null || terms == null) {
            return Optional.empty(); // a renewal or withdrawal without a grant grants nothing
        }
        State state = withdrawn ? State.WITHDRAWN : terms.expiresAt().isAfter(at) ? State.ACTIVE : State.EXPIRED;
        return Optional.of(new Consent(grant.consentId(), terms.purpose(), terms.categories(), terms.roles(),
                terms.touchpointTypes(), grant.recordedAt(), terms.expiresAt(), state, terms.receiptId(),
                List.copyOf(history)));
    }

    /**
     * The preferences that may be disclosed: each needs an active consent, for one of the asked purposes,
     * whose categories include the preference's and whose roles or touchpoint types include the asker's.
     */
    public static List<Disclosure> disclose(List<LedgerEntry> ledger, List<Preference> preferences,
                                            Set<String> specialPurposes, Asking asking) {
        List<Consent> active = consents(ledger, asking.at()).stream()
                .filter(c -> c.state() == State.ACTIVE)
                .toList();
        List<Disclosure> disclosed = new ArrayList<>();
        for (Preference preference : preferences) {
            active.stream()
                    .filter(c -> c.covers(preference, asking, specialPurposes))
                    .max(Comparator.comparing(Consent::expiresAt))
                    .ifPresent(c -> disclosed.add(new Disclosure(preference.key(), preference.category(),
                            preference.value(), c.termsReceiptId(), c.purpose())));
        }
        return disclosed;
    }

    /**
     * Which of the asked purposes the customer holds an active consent for that names the asker's role or
     * touchpoint type. For purposes that cover no preference, such as {@code proactive-contact}, this is the
     * whole question: may staff here act on it.
     */
    public static Set<String> consentedPurposes(List<LedgerEntry> ledger, Asking asking) {
        Set<String> consented = new java.util.TreeSet<>();
        for (Consent c : consents(ledger, asking.at())) {
            if (c.state() == State.ACTIVE && asking.purposes().contains(c.purpose())
                    && (c.roles().contains(asking.role()) || c.touchpointTypes().contains(asking.touchpointType()))) {
                consented.add(c.purpose());
            }
        }
        return consented;
    }
}
