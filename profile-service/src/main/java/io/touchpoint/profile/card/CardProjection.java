package io.touchpoint.profile.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.profile.customer.Tier;
import io.touchpoint.profile.history.ServiceEventStatus;
import io.touchpoint.profile.history.ServiceEventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything a context card may draw on from this service, in one answer. The gateway's scope policy
 * decides which of it a role sees; this service never decides that.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardProjection(
        @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
        Profile profile,
        @Schema(description = "Flights departing from 6 hours ago to 30 hours ahead, earliest first.")
        List<ItinerarySegment> itinerary,
        @Schema(description = "The leg of the scanned boarding pass, when a boarding pass was presented.")
        PresentedLeg presentedLeg,
        TravelSummary travelSummary,
        ServiceRecovery serviceRecovery) {

    public record Profile(
            @Schema(example = "Luc") String givenName,
            @Schema(example = "Desmarais") String familyName,
            @Schema(example = "Mr") String preferredAddress,
            @Schema(example = "day-MAR-ay") String namePronunciation,
            @Schema(example = "GOLD") Tier tier) {
    }

    public record ItinerarySegment(
            @Schema(example = "AC") String carrier,
            @Schema(example = "834") String flightNumber,
            @Schema(example = "YUL") String origin,
            @Schema(example = "FRA") String destination,
            @Schema(example = "2026-11-22T21:45:00Z") Instant scheduledDeparture,
            @Schema(example = "BUSINESS") String cabin,
            @Schema(example = "1A") String seat,
            @Schema(example = "VGML", description = "Booked special meal (IATA SSR code)") String bookedSpecialMeal,
            @Schema(example = "WCHR", description = "Booked assistance (IATA SSR code)") String bookedAssistance) {
    }

    public record PresentedLeg(
            @Schema(example = "AC") String carrier,
            @Schema(example = "834") String flightNumber,
            @Schema(example = "2026-11-22") LocalDate flightDate,
            @Schema(example = "YUL") String origin,
            @Schema(example = "FRA") String destination,
            @Schema(example = "1A") String seat,
            @Schema(example = "J") String compartment) {
    }

    public record TravelSummary(
            @Schema(example = "4", description = "Trips with a flight this calendar year, up to now") long tripsThisYear,
            LastTrip lastTrip) {
    }

    public record LastTrip(
            @Schema(example = "LHR") String origin,
            @Schema(example = "YUL") String destination,
            @Schema(example = "2026-10-02T09:10:00Z") Instant departed) {
    }

    public record ServiceRecovery(
            @Schema(description = "True when there is an open disruption or complaint") boolean open,
            @Schema(description = "Open items first, then anything from the last 90 days; newest first within each") List<Item> items) {
    }

    public record Item(
            @Schema(example = "DISRUPTION") ServiceEventType type,
            @Schema(example = "delayed-baggage") String category,
            @Schema(example = "OPEN") ServiceEventStatus status,
            @Schema(example = "Bag arrived a day late on the last trip.") String summary,
            @Schema(example = "2026-10-02T12:00:00Z") Instant occurredAt) {
    }
}
