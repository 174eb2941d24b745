package io.touchpoint.profile.self;

import io.touchpoint.profile.customer.CustomerStatus;
import io.touchpoint.profile.customer.IdentifierType;
import io.touchpoint.profile.customer.Tier;
import io.touchpoint.profile.history.ServiceEventStatus;
import io.touchpoint.profile.history.ServiceEventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything this service holds about one customer (GDPR arts. 15 and 20), in a portable form. */
public record DataExport(
        @Schema(example = "2026-11-23T10:00:00Z") Instant exportedAt,
        Profile profile,
        List<Identifier> identifiers,
        List<Trip> trips,
        List<ServiceEvent> serviceEvents) {

    public record Profile(
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID id,
            @Schema(example = "Luc") String givenName,
            @Schema(example = "Desmarais") String familyName,
            @Schema(example = "Mr") String preferredAddress,
            @Schema(example = "day-MAR-ay") String namePronunciation,
            @Schema(example = "GOLD") Tier tier,
            @Schema(example = "ACTIVE") CustomerStatus status,
            @Schema(example = "2025-01-15T08:00:00Z") Instant createdAt,
            @Schema(example = "2026-11-20T08:00:00Z") Instant updatedAt,
            Instant erasedAt) {
    }

    public record Identifier(
            @Schema(example = "LOYALTY_NUMBER") IdentifierType type,
            @Schema(example = "TP12345678") String value) {
    }

    public record Trip(
            @Schema(example = "ABC123") String bookingReference,
            List<Segment> segments) {
    }

    public record Segment(
            @Schema(example = "AC") String carrier,
            @Schema(example = "834") String flightNumber,
            @Schema(example = "YUL") String origin,
            @Schema(example = "FRA") String destination,
            @Schema(example = "2026-11-22T21:45:00Z") Instant scheduledDeparture,
            @Schema(example = "BUSINESS") String cabin,
            @Schema(example = "1A") String seat,
            @Schema(example = "VGML") String specialMeal,
            @Schema(example = "WCHR") String assistance) {
    }

    public record ServiceEvent(
            @Schema(example = "DISRUPTION") ServiceEventType type,
            @Schema(example = "delayed-baggage") String category,
            @Schema(example = "Bag arrived a day late.") String summary,
            @Schema(example = "RESOLVED") ServiceEventStatus status,
            @Schema(example = "2026-10-02T12:00:00Z") Instant occurredAt) {
    }
}
