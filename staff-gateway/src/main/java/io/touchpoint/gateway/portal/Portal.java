package io.touchpoint.gateway.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the portal reads from recognition-service, as far as the portal shows it. */
public final class Portal {

    private Portal() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Catalogue(List<Definition> preferences, List<Purpose> purposes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Definition(String key, String category, String label, String valueType, List<String> allowedValues,
                             Integer maxLength, boolean specialCategory) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(String key, List<String> categories, boolean specialCategory, int maxDurationMonths, Notice currentNotice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(int version, String language, String title, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preference(String key, String category, String label, String value, boolean specialCategory) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(UUID consentId, String purpose, int noticeVersion, List<String> categories, List<String> roles,
                          List<String> touchpointTypes, Instant grantedAt, Instant expiresAt, String state, boolean expiringSoon,
                          List<UUID> receipts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consents(List<Consent> active, List<Consent> expiringSoon, List<Consent> past) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RolePreview(String role, String touchpointType, List<Disclosed> preferences, boolean photo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disclosed(String key, String category, String value) {
    }
}
