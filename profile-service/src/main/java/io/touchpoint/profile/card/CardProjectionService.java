package io.touchpoint.profile.card;

import io.touchpoint.profile.bcbp.BoardingPass;
import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.history.Segment;
import io.touchpoint.profile.history.ServiceEvent;
import io.touchpoint.profile.history.ServiceEventStatus;
import io.touchpoint.profile.history.ServiceEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds a card projection with a fixed number of indexed queries, whatever the customer's history. */
@ApplicationScoped
public class CardProjectionService {

    private static final Duration ITINERARY_BEFORE = Duration.ofHours(6);
    private static final Duration ITINERARY_AFTER = Duration.ofHours(30);
    private static final Duration RECENT_SERVICE_EVENTS = Duration.ofDays(90);
    private static final int MAX_SERVICE_ITEMS = 50;
    private static final List<ServiceEventType> RECOVERY_TYPES =
            List.of(ServiceEventType.DISRUPTION, ServiceEventType.COMPLAINT, ServiceEventType.RECOVERY_ACTION);

    private final CustomerResolver resolver;
    private final Clock clock;

    public CardProjectionService(CustomerResolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    @Transactional
    public CardProjection project(PresentedIdentifier presented) {
        CustomerResolver.Resolution resolution = resolver.resolve(presented);
        Customer customer = resolution.customer();
        Instant now = clock.instant();

        List<CardProjection.ItinerarySegment> itinerary = Segment.<Segment>list(
                        "customerId = ?1 and scheduledDeparture between ?2 and ?3 order by scheduledDeparture",
                        customer.id, now.minus(ITINERARY_BEFORE), now.plus(ITINERARY_AFTER))
                .stream()
                .map(s -> new CardProjection.ItinerarySegment(s.carrier, s.flightNumber, s.origin, s.destination,
                        s.scheduledDeparture, s.cabin, s.seat, s.specialMeal, s.assistance))
                .toList();

        return new CardProjection(
                customer.id,
                new CardProjection.Profile(customer.givenName, customer.familyName, customer.preferredAddress,
                        customer.namePronunciation, customer.tier),
                itinerary,
                presentedLeg(resolution.boardingPass()),
                travelSummary(customer, now),
                serviceRecovery(customer, now));
    }

    private static CardProjection.PresentedLeg presentedLeg(BoardingPass pass) {
        if (pass == null) {
            return null;
        }
        BoardingPass.Leg leg = pass.legs().getFirst();
        return new CardProjection.PresentedLeg(leg.operatingCarrier(), leg.flightNumber(), leg.flightDate(),
                leg.origin(), leg.destination(), leg.seat(), leg.compartment());
    }

    private static CardProjection.TravelSummary travelSummary(Customer customer, Instant now) {
        Instant startOfYear = now.atOffset(ZoneOffset.UTC).withDayOfYear(1).toLocalDate()
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        long tripsThisYear = Segment.getEntityManager()
                .createQuery("""
                        select count(distinct s.tripId) from Segment s
                        where s.customerId = ?1 and s.scheduledDeparture >= ?2 and s.scheduledDeparture < ?3""", Long.class)
                .setParameter(1, customer.id).setParameter(2, startOfYear).setParameter(3, now)
                .getSingleResult();
        CardProjection.LastTrip lastTrip = Segment.<Segment>find(
                        "customerId = ?1 and scheduledDeparture < ?2 order by scheduledDeparture desc", customer.id, now)
                .firstResultOptional()
                .map(s -> new CardProjection.LastTrip(s.origin, s.destination, s.scheduledDeparture))
                .orElse(null);
        return new CardProjection.TravelSummary(tripsThisYear, lastTrip);
    }

    private static CardProjection.ServiceRecovery serviceRecovery(Customer customer, Instant now) {
        List<ServiceEvent> events = ServiceEvent.<ServiceEvent>find("""
                        customerId = ?1 and type in ?2 and (status = ?3 or occurredAt >= ?4)
                        order by case when status = ?3 then 0 else 1 end, occurredAt desc""",
                        customer.id, RECOVERY_TYPES, ServiceEventStatus.OPEN, now.minus(RECENT_SERVICE_EVENTS))
                .page(0, MAX_SERVICE_ITEMS)
                .list();
        boolean open = events.stream().anyMatch(e -> e.status == ServiceEventStatus.OPEN
                && e.type != ServiceEventType.RECOVERY_ACTION);
        return new CardProjection.ServiceRecovery(open, events.stream()
                .map(e -> new CardProjection.Item(e.type, e.category, e.status, e.summary, e.occurredAt))
                .toList());
    }
}
