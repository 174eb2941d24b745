package io.touchpoint.recognition.consent;

import io.touchpoint.recognition.catalogue.Purpose;
import io.touchpoint.recognition.catalogue.PurposeNotice;
import io.touchpoint.recognition.web.Lists;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Grants, renewals and withdrawals, each a new ledger row; the current state is always derived from the
 * ledger by {@link ConsentEvaluation}.
 */
@ApplicationScoped
public class ConsentService {

    private final Clock clock;
    private final ReceiptFactory receipts;
    private final ConsentController controller;
    private final Event<ConsentWithdrawn> withdrawn;

    public ConsentService(Clock clock, ReceiptFactory receipts, ConsentController controller, Event<ConsentWithdrawn> withdrawn) {
        this.clock = clock;
        this.receipts = receipts;
        this.controller = controller;
        this.withdrawn = withdrawn;
    }

    public record Granted(UUID consentId, ConsentReceipt receipt) {
    }

    @Transactional
    public Granted grant(UUID customerId, GrantRequest request, ConsentEvent.Channel channel) {
        Purpose purpose = Purpose.<Purpose>findByIdOptional(request.purpose())
                .orElseThrow(() -> Problems.badRequest("unknown-purpose", "Unknown purpose",
                        "purpose: must be one of " + Purpose.<Purpose>listAll().stream().map(p -> p.key).sorted().toList()));
        requireCurrentNotice(purpose.key, request.noticeVersion());
        Set<String> categories = new LinkedHashSet<>(Objects.requireNonNullElse(request.categories(), List.of()));
        Set<String> outside = new LinkedHashSet<>(categories);
        outside.removeAll(purpose.coverable());
        if (!outside.isEmpty()) {
            throw Problems.badRequest("category-not-covered", "Category not covered by this purpose",
                    "categories: " + outside + " cannot be consented for " + purpose.key + "; it covers " + purpose.coverable());
        }
        if (categories.isEmpty() && !purpose.coverable().isEmpty()) {
            throw Problems.badRequest("no-category", "No category", "categories: name at least one of " + purpose.coverable());
        }
        Set<String> roles = new LinkedHashSet<>(Objects.requireNonNullElse(request.roles(), List.of()));
        Set<String> touchpointTypes = new LinkedHashSet<>(Objects.requireNonNullElse(request.touchpointTypes(), List.of()));
        if (roles.isEmpty() && touchpointTypes.isEmpty()) {
            throw Problems.badRequest("no-recipient", "Nobody to share with",
                    "roles, touchpointTypes: name at least one staff role or touchpoint type that may see this");
        }
        int months = Objects.requireNonNullElse(request.durationMonths(), purpose.maxDurationMonths);
        if (months > purpose.maxDurationMonths) {
            throw Problems.badRequest("too-long", "Consent too long",
                    "durationMonths: at most " + purpose.maxDurationMonths + " for " + purpose.key);
        }
        Instant now = clock.instant();
        ConsentEvent grant = event(customerId, UUID.randomUUID(), ConsentEvaluation.Kind.GRANT, purpose.key,
                request.noticeVersion(), categories, roles, touchpointTypes, now, expiry(now, months), channel);
        return new Granted(grant.consentId, receiptFor(customerId, grant.id));
    }

    /** Idempotent: withdrawing twice answers with the first withdrawal's receipt. */
    @Transactional
    public ConsentReceipt withdraw(UUID customerId, UUID consentId, ConsentEvent.Channel channel) {
        List<ConsentEvent> history = historyOf(customerId, consentId);
        var already = history.stream().filter(e -> e.kind == ConsentEvaluation.Kind.WITHDRAW).findFirst();
        if (already.isPresent()) {
            return receiptFor(customerId, already.get().id);
        }
        ConsentEvent terms = history.getLast();
        ConsentEvent withdrawal = event(customerId, consentId, ConsentEvaluation.Kind.WITHDRAW, terms.purposeKey,
                terms.noticeVersion, Lists.parse(terms.categories), Lists.parse(terms.roles),
                Lists.parse(terms.touchpointTypes), clock.instant(), null, channel);
        withdrawn.fire(new ConsentWithdrawn(customerId, terms.purposeKey));
        return receiptFor(customerId, withdrawal.id);
    }

    /** A fresh full term from now, under the notice the customer was shown now. */
    @Transactional
    public ConsentReceipt renew(UUID customerId, UUID consentId, int noticeVersion) {
        List<ConsentEvent> history = historyOf(customerId, consentId);
        if (history.stream().anyMatch(e -> e.kind == ConsentEvaluation.Kind.WITHDRAW)) {
            throw Problems.of(409, "consent-withdrawn", "Consent was withdrawn",
                    "A withdrawn consent cannot be renewed; grant a new one.");
        }
        ConsentEvent terms = history.getLast();
        requireCurrentNotice(terms.purposeKey, noticeVersion);
        Purpose purpose = Purpose.findById(terms.purposeKey);
        Instant now = clock.instant();
        // The same length the customer chose when granting, never beyond the purpose's maximum.
        ConsentEvent grant = history.getFirst();
        Instant chosen = now.plus(Duration.between(grant.recordedAt, grant.expiresAt));
        Instant expires = chosen.isBefore(expiry(now, purpose.maxDurationMonths)) ? chosen : expiry(now, purpose.maxDurationMonths);
        ConsentEvent renewal = event(customerId, consentId, ConsentEvaluation.Kind.RENEW, terms.purposeKey,
                noticeVersion, Lists.parse(terms.categories), Lists.parse(terms.roles),
                Lists.parse(terms.touchpointTypes), now, expires, ConsentEvent.Channel.PORTAL);
        return receiptFor(customerId, renewal.id);
    }

    @Transactional
    public ConsentView.Overview overview(UUID customerId) {
        Instant now = clock.instant();
        List<ConsentEvent> ledger = ConsentEvent.ledgerOf(customerId);
        List<ConsentView> views = ConsentEvaluation.consents(ledger.stream().map(ConsentEvent::toEntry).toList(), now)
                .stream()
                .map(c -> view(c, ledger, now))
                .sorted(Comparator.comparing(ConsentView::grantedAt).reversed())
                .toList();
        return new ConsentView.Overview(
                views.stream().filter(v -> v.state() == ConsentEvaluation.State.ACTIVE).toList(),
                views.stream().filter(ConsentView::expiringSoon).toList(),
                views.stream().filter(v -> v.state() != ConsentEvaluation.State.ACTIVE).toList());
    }

    @Transactional
    public ConsentReceipt receiptFor(UUID customerId, UUID receiptId) {
        ConsentEvent event = ConsentEvent.<ConsentEvent>findByIdOptional(receiptId)
                .filter(e -> e.customerId.equals(customerId))
                .orElseThrow(() -> Problems.of(404, "receipt-not-found", "Receipt not found", "You have no receipt with this id."));
        List<ConsentEvent> history = ConsentEvent.list("consentId = ?1 and customerId = ?2 and sequence <= ?3 order by sequence",
                event.consentId, customerId, event.sequence);
        return receipts.receipt(event, history);
    }

    private ConsentView view(ConsentEvaluation.Consent consent, List<ConsentEvent> ledger, Instant now) {
        ConsentEvent terms = ledger.stream().filter(e -> e.id.equals(consent.termsReceiptId())).findFirst().orElseThrow();
        boolean expiringSoon = consent.state() == ConsentEvaluation.State.ACTIVE
                && consent.expiresAt().isBefore(now.plus(Duration.ofDays(controller.expiringSoonDays())));
        return new ConsentView(consent.consentId(), consent.purpose(), terms.noticeVersion,
                List.copyOf(consent.categories()), List.copyOf(consent.roles()), List.copyOf(consent.touchpointTypes()),
                consent.grantedAt(), consent.expiresAt(), consent.state(), expiringSoon,
                consent.history().stream().map(ConsentEvaluation.LedgerEntry::receiptId).toList());
    }

    private static List<ConsentEvent> historyOf(UUID customerId, UUID consentId) {
        List<ConsentEvent> history = ConsentEvent.list("consentId = ?1 and customerId = ?2 order by sequence",
                consentId, customerId);
        if (history.isEmpty()) {
            throw Problems.of(404, "consent-not-found", "Consent not found", "You have no consent with this id.");
        }
        return history;
    }

    private static void requireCurrentNotice(String purposeKey, int shownVersion) {
        PurposeNotice current = PurposeNotice.current(purposeKey)
                .orElseThrow(() -> Problems.badRequest("no-notice", "No notice", "purpose has no published notice"));
        if (current.version != shownVersion) {
            throw Problems.of(409, "notice-changed", "The notice has changed",
                    "noticeVersion: the current notice for " + purposeKey + " is version " + current.version
                            + "; show it to the customer and send that version.");
        }
    }

    private static Instant expiry(Instant from, int months) {
        return from.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private ConsentEvent event(UUID customerId, UUID consentId, ConsentEvaluation.Kind kind, String purpose,
                               int noticeVersion, Set<String> categories, Set<String> roles,
                               Set<String> touchpointTypes, Instant at, Instant expiresAt, ConsentEvent.Channel channel) {
        ConsentEvent event = new ConsentEvent();
        event.id = UUID.randomUUID();
        event.customerId = customerId;
        event.consentId = consentId;
        event.kind = kind;
        event.purposeKey = purpose;
        event.noticeVersion = noticeVersion;
        event.categories = Lists.join(categories);
        event.roles = Lists.join(roles);
        event.touchpointTypes = Lists.join(touchpointTypes);
        event.recordedAt = at;
        event.expiresAt = expiresAt;
        event.channel = channel;
        event.persistAndFlush();
        return event;
    }

    /** Withdraws every consent that still stands; used by erasure. */
    @Transactional
    public void withdrawAll(UUID customerId) {
        Instant now = clock.instant();
        List<ConsentEvent> ledger = ConsentEvent.ledgerOf(customerId);
        List<UUID> standing = new ArrayList<>();
        for (ConsentEvaluation.Consent c : ConsentEvaluation.consents(ledger.stream().map(ConsentEvent::toEntry).toList(), now)) {
            if (c.state() != ConsentEvaluation.State.WITHDRAWN) {
                standing.add(c.consentId());
            }
        }
        standing.forEach(id -> withdraw(customerId, id, ConsentEvent.Channel.ERASURE));
    }
}
