package io.touchpoint.recognition.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consent receipt: the Kantara Consent Receipt 1.1 fields, and the same facts in the record structure of
 * ISO/IEC TS 27560 (header, processing, parties, events). Built from the ledger, never stored separately.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentReceipt(
        @Schema(example = "KI-CR-v1.1.0") String version,
        @Schema(example = "EU") String jurisdiction,
        @Schema(example = "1795420800", description = "Seconds since the epoch") long consentTimestamp,
        @Schema(example = "PORTAL") String collectionMethod,
        @Schema(example = "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11") UUID consentReceiptID,
        @Schema(example = "en") String language,
        @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e", description = "Pseudonymous customer id") String piiPrincipalId,
        List<Controller> piiControllers,
        @Schema(example = "https://touchpoint.example/privacy") String policyUrl,
        List<Service> services,
        boolean sensitive,
        List<String> spiCat,
        Iso27560 iso27560) {

    public record Controller(String piiController, String contact, String email) {
    }

    public record Service(@Schema(example = "Touchpoint recognition") String service, List<Purpose> purposes) {
    }

    public record Purpose(
            @Schema(example = "Personal touches at the airport") String purpose,
            @Schema(example = "[\"personalised-service\"]") List<String> purposeCategory,
            @Schema(example = "EXPLICIT") String consentType,
            @Schema(example = "[\"seat\", \"meal\"]") List<String> piiCategory,
            boolean primaryPurpose,
            @Schema(example = "Ends on 2028-11-23T10:00:00Z, or earlier when withdrawn") String termination,
            boolean thirdPartyDisclosure) {
    }

    public record Iso27560(Header header, Processing processing, Parties parties, List<Event> events) {
    }

    public record Header(UUID recordId, String schemaVersion, UUID consentId, Instant recordedAt) {
    }

    public record Processing(String purpose, int noticeVersion, String noticeTitle, String legalBasis,
                             List<String> dataCategories, List<String> recipientsRoles,
                             List<String> recipientsTouchpointTypes, Instant validUntil) {
    }

    public record Parties(String controller, String controllerContact, String principal) {
    }

    /** {@code type}: given, renewed or withdrawn. */
    public record Event(UUID receiptId, String type, Instant at, Instant validUntil, String channel) {
    }
}
