package io.touchpoint.profile.self;

import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.customer.CustomerIdentifier;
import io.touchpoint.profile.customer.CustomerStatus;
import io.touchpoint.profile.customer.Tier;
import io.touchpoint.profile.history.Segment;
import io.touchpoint.profile.history.ServiceEvent;
import io.touchpoint.profile.history.Trip;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SelfService {

    static final List<String> ERASED = List.of("names", "form of address and pronunciation", "tier", "identifiers",
            "trips and flights", "service events", "external ids");
    static final List<String> KEPT = List.of("customer id (pseudonym), so the access trail still has a subject",
            "that and when the profile was erased",
            "a SHA-256 fingerprint of the operational system's key, so that a later import cannot bring the profile back");

    private final Clock clock;

    public SelfService(Clock clock) {
        this.clock = clock;
    }

    /** Five queries whatever the history's size; segments are grouped in memory, not fetched per trip. */
    @Transactional
    public DataExport export(UUID customerId) {
        Customer c = Customer.<Customer>findByIdOptional(customerId).orElseThrow(Problems::customerNotFound);
        List<DataExport.Identifier> identifiers = CustomerIdentifier.findByCustomer(customerId).stream()
                .map(i -> new DataExport.Identifier(i.type, i.value))
                .toList();
        Map<UUID, List<DataExport.Segment>> segmentsByTrip = Segment.<Segment>list(
                        "customerId = ?1 order by scheduledDeparture, position", customerId).stream()
                .collect(Collectors.groupingBy(s -> s.tripId, Collectors.mapping(
                        s -> new DataExport.Segment(s.carrier, s.flightNumber, s.origin, s.destination,
                                s.scheduledDeparture, s.cabin, s.seat, s.specialMeal, s.assistance),
                        Collectors.toList())));
        List<DataExport.Trip> trips = Trip.<Trip>list("customerId = ?1 order by createdAt", customerId).stream()
                .map(t -> new DataExport.Trip(t.bookingReference, segmentsByTrip.getOrDefault(t.id, List.of())))
                .toList();
        List<DataExport.ServiceEvent> events = ServiceEvent.<ServiceEvent>list(
                        "customerId = ?1 order by occurredAt desc", customerId).stream()
                .map(e -> new DataExport.ServiceEvent(e.type, e.category, e.summary, e.status, e.occurredAt))
                .toList();
        return new DataExport(clock.instant(),
                new DataExport.Profile(c.id, c.givenName, c.familyName, c.preferredAddress, c.namePronunciation,
                        c.tier, c.status, c.createdAt, c.updatedAt, c.erasedAt),
                identifiers, trips, events);
    }

    /**
     * Keeps only the pseudonymous id and the fact of erasure (docs/erasure.md lists what survives and why).
     * Idempotent: a second request answers with the first erasure's time.
     */
    @Transactional
    public ErasureReceipt erase(UUID customerId) {
        Customer c = Customer.findByIdForUpdate(customerId).orElseThrow(Problems::customerNotFound);
        if (c.status != CustomerStatus.ERASED) {
            Instant now = clock.instant();
            c.givenName = null;
            c.familyName = null;
            c.preferredAddress = null;
            c.namePronunciation = null;
            c.tier = Tier.NONE;
            if (c.externalId != null) {
                c.erasedExternalIdSha256 = Customer.sha256(c.externalId);
                c.externalId = null;
            }
            c.status = CustomerStatus.ERASED;
            c.erasedAt = now;
            // The dates of joining and of the last update would be details about the person too.
            c.createdAt = now;
            c.updatedAt = now;
            CustomerIdentifier.delete("customerId", customerId);
            // Flights with dates and routes single a person out, and events point at flights: all of it goes.
            ServiceEvent.delete("customerId", customerId);
            Segment.delete("customerId", customerId);
            Trip.delete("customerId", customerId);
        }
        return new ErasureReceipt(c.id, c.erasedAt, ERASED, KEPT);
    }
}
