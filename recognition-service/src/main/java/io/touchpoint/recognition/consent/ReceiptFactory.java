package io.touchpoint.recognition.consent;

import io.touchpoint.recognition.catalogue.PreferenceDefinition;
import io.touchpoint.recognition.catalogue.Purpose;
import io.touchpoint.recognition.catalogue.PurposeNotice;
import io.touchpoint.recognition.web.Lists;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Builds the receipt of one ledger row from the row, its history up to it, and the catalogue. */
@ApplicationScoped
public class ReceiptFactory {

    private static final String SERVICE = "Touchpoint recognition";

    private final ConsentController controller;

    public ReceiptFactory(ConsentController controller) {
        this.controller = controller;
    }

    public ConsentReceipt receipt(ConsentEvent event, List<ConsentEvent> history) {
        PurposeNotice notice = PurposeNotice.find("purposeKey = ?1 and version = ?2", event.purposeKey, event.noticeVersion)
                .firstResult();
        Purpose purpose = Purpose.findById(event.purposeKey);
        List<String> categories = List.copyOf(Lists.parse(event.categories));
        List<String> sensitiveCategories = PreferenceDefinition.<PreferenceDefinition>list("specialCategory = true").stream()
                .map(d -> d.category)
                .filter(categories::contains)
                .distinct()
                .toList();
        String termination = event.kind == ConsentEvaluation.Kind.WITHDRAW
                ? "Withdrawn on " + event.recordedAt
                : "Ends on " + event.expiresAt + ", or earlier when withdrawn";
        ConsentReceipt.Purpose kantaraPurpose = new ConsentReceipt.Purpose(notice.title, List.of(event.purposeKey),
                "EXPLICIT", categories, true, termination, false);
        List<ConsentReceipt.Event> events = history.stream()
                .map(e -> new ConsentReceipt.Event(e.id, switch (e.kind) {
                    case GRANT -> "given";
                    case RENEW -> "renewed";
                    case WITHDRAW -> "withdrawn";
                }, e.recordedAt, e.expiresAt, e.channel.name()))
                .toList();
        return new ConsentReceipt(
                "KI-CR-v1.1.0",
                controller.jurisdiction(),
                event.recordedAt.getEpochSecond(),
                event.channel.name(),
                event.id,
                notice.language,
                event.customerId.toString(),
                List.of(new ConsentReceipt.Controller(controller.controllerName(), controller.controllerContact(),
                        controller.controllerEmail())),
                controller.policyUrl(),
                List.of(new ConsentReceipt.Service(SERVICE, List.of(kantaraPurpose))),
                purpose.specialCategory || !sensitiveCategories.isEmpty(),
                sensitiveCategories,
                new ConsentReceipt.Iso27560(
                        new ConsentReceipt.Header(event.id, "ISO/IEC TS 27560:2023", event.consentId, event.recordedAt),
                        new ConsentReceipt.Processing(event.purposeKey, event.noticeVersion, notice.title, "consent",
                                categories, List.copyOf(Lists.parse(event.roles)),
                                List.copyOf(Lists.parse(event.touchpointTypes)), event.expiresAt),
                        new ConsentReceipt.Parties(controller.controllerName(), controller.controllerEmail(),
                                event.customerId.toString()),
                        events));
    }
}
