package io.touchpoint.recognition.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One consent as the customer sees it, with the receipts of every step. */
public record ConsentView(
        @Schema(example = "0d9d1e4a-0a47-4e55-8f0e-6a0f7c1b2d3e") UUID consentId,
        @Schema(example = "personalised-service") String purpose,
        @Schema(example = "1") int noticeVersion,
        @Schema(example = "[\"seat\"]") List<String> categories,
        @Schema(example = "[\"gate-agent\"]") List<String> roles,
        @Schema(example = "[\"LOUNGE\"]") List<String> touchpointTypes,
        @Schema(example = "2026-11-23T10:00:00Z") Instant grantedAt,
        @Schema(example = "2028-11-23T10:00:00Z") Instant expiresAt,
        @Schema(example = "ACTIVE") ConsentEvaluation.State state,
        @Schema(description = "True when active and ending within 30 days: time to renew") boolean expiringSoon,
        @Schema(description = "Receipt ids, oldest first") List<UUID> receipts) {

    public record Overview(List<ConsentView> active, List<ConsentView> expiringSoon, List<ConsentView> past) {
    }
}
