package io.touchpoint.profile.ingest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.touchpoint.profile.bcbp.BcbpFormatException;
import io.touchpoint.profile.bcbp.BcbpParser;
import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.customer.CustomerIdentifier;
import io.touchpoint.profile.customer.CustomerStatus;
import io.touchpoint.profile.customer.IdentifierType;
import io.touchpoint.profile.customer.Identifiers;
import io.touchpoint.profile.history.Segment;
import io.touchpoint.profile.history.ServiceEvent;
import io.touchpoint.profile.history.Trip;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Creates or updates customers and their history, keyed by the operational system's external id, so that
 * sending the same record twice changes nothing.
 */
@ApplicationScoped
public class IngestService {

    public enum Outcome { CREATED, UPDATED }

    public record Result(UUID id, Outcome outcome) {
    }

    private final Clock clock;

    public IngestService(Clock clock) {
        this.clock = clock;
    }

    // Problems are thrown before anything is written, so they need not doom a surrounding import batch.
    @Transactional(dontRollbackOn = HttpProblem.class)
    public Result upsertCustomer(String externalId, CustomerRecord record) {
        Set<Key> identifiers = identifierKeys(record);
        Instant now = clock.instant();
        Customer customer = Customer.findByExternalIdForUpdate(externalId).orElse(null);
        Outcome outcome = Outcome.UPDATED;
        if (customer == null && Customer.wasErased(externalId)) {
            throw erased();
        }
        if (customer == null) {
            customer = new Customer();
            customer.id = UUID.randomUUID();
            customer.externalId = externalId;
            customer.createdAt = now;
            customer.status = CustomerStatus.ACTIVE;
            outcome = Outcome.CREATED;
        } else if (!customer.isActive()) {
            throw erased();
        }
        UUID customerId = customer.id;
        for (Key key : identifiers) {
            boolean takenByAnother = key.type() != IdentifierType.BOOKING_REFERENCE
                    && CustomerIdentifier.findByValue(key.type(), key.value()).stream()
                    .anyMatch(i -> !i.customerId.equals(customerId));
            if (takenByAnother) {
                throw Problems.of(409, "identifier-taken", "Identifier belongs to another customer",
                        "A " + key.type() + " in this record is already assigned to another customer.");
            }
        }
        customer.givenName = record.givenName().strip();
        customer.familyName = record.familyName().strip();
        customer.preferredAddress = record.preferredAddress();
        customer.namePronunciation = record.namePronunciation();
        customer.tier = record.tier();
        customer.updatedAt = now;
        customer.persist();
        replaceIdentifiers(customer.id, identifiers, outcome == Outcome.CREATED);
        return new Result(customer.id, outcome);
    }

    @Transactional(dontRollbackOn = HttpProblem.class)
    public Result upsertTrip(String externalId, TripRecord record) {
        for (int i = 0; i < record.segments().size(); i++) {
            requirePlausible(record.segments().get(i).scheduledDeparture(), "segments[" + i + "].scheduledDeparture");
        }
        Customer customer = referencedCustomer(record.customerExternalId());
        Instant now = clock.instant();
        Trip trip = Trip.findByExternalId(externalId).orElse(null);
        Outcome outcome = Outcome.UPDATED;
        if (trip == null) {
            trip = new Trip();
            trip.id = UUID.randomUUID();
            trip.externalId = externalId;
            trip.createdAt = now;
            outcome = Outcome.CREATED;
        } else if (!trip.customerId.equals(customer.id)) {
            throw Problems.of(409, "trip-owner-changed", "Trip belongs to another customer",
                    "A trip cannot move to another customer; import it under a new external id.");
        }
        trip.customerId = customer.id;
        trip.bookingReference = record.bookingReference();
        trip.updatedAt = now;
        trip.persist();

        // Segments keep their ids across updates so service events stay linked to them.
        Map<Integer, Segment> existing = new HashMap<>();
        if (outcome == Outcome.UPDATED) {
            for (Segment s : Segment.<Segment>list("tripId", trip.id)) {
                existing.put(s.position, s);
            }
        }
        for (int i = 0; i < record.segments().size(); i++) {
            TripRecord.Segment in = record.segments().get(i);
            Segment segment = existing.remove(i + 1);
            if (segment == null) {
                segment = new Segment();
                segment.id = UUID.randomUUID();
                segment.tripId = trip.id;
                segment.position = i + 1;
            }
            segment.customerId = customer.id;
            segment.carrier = in.carrier();
            segment.flightNumber = in.flightNumber();
            segment.origin = in.origin();
            segment.destination = in.destination();
            segment.scheduledDeparture = in.scheduledDeparture();
            segment.cabin = in.cabin();
            segment.seat = in.seat();
            segment.specialMeal = in.specialMeal();
            segment.assistance = in.assistance();
            segment.persist();
        }
        existing.values().forEach(Segment::delete);
        return new Result(trip.id, outcome);
    }

    @Transactional(dontRollbackOn = HttpProblem.class)
    public Result upsertServiceEvent(String externalId, ServiceEventRecord record) {
        requirePlausible(record.occurredAt(), "occurredAt");
        Customer customer = referencedCustomer(record.customerExternalId());
        UUID segmentId = linkedSegment(record, customer);
        Instant now = clock.instant();
        ServiceEvent event = ServiceEvent.findByExternalId(externalId).orElse(null);
        Outcome outcome = Outcome.UPDATED;
        if (event == null) {
            event = new ServiceEvent();
            event.id = UUID.randomUUID();
            event.externalId = externalId;
            event.createdAt = now;
            outcome = Outcome.CREATED;
        } else if (!event.customerId.equals(customer.id)) {
            throw Problems.of(409, "event-owner-changed", "Service event belongs to another customer",
                    "A service event cannot move to another customer; import it under a new external id.");
        }
        event.customerId = customer.id;
        event.type = record.type();
        event.category = record.category();
        event.summary = record.summary();
        event.status = record.status();
        event.occurredAt = record.occurredAt();
        event.segmentId = segmentId;
        event.updatedAt = now;
        event.persist();
        return new Result(event.id, outcome);
    }

    private UUID linkedSegment(ServiceEventRecord record, Customer customer) {
        if (record.tripExternalId() == null) {
            if (record.segmentPosition() != null) {
                throw Problems.badRequest("invalid-reference", "Invalid reference",
                        "segmentPosition needs tripExternalId to say which trip it counts in.");
            }
            return null;
        }
        Trip trip = Trip.findByExternalId(record.tripExternalId())
                .filter(t -> t.customerId.equals(customer.id))
                .orElseThrow(() -> Problems.badRequest("invalid-reference", "Invalid reference",
                        "tripExternalId names no trip of this customer."));
        if (record.segmentPosition() == null) {
            return null;
        }
        return Segment.<Segment>find("tripId = ?1 and position = ?2", trip.id, record.segmentPosition())
                .firstResultOptional()
                .map(s -> s.id)
                .orElseThrow(() -> Problems.badRequest("invalid-reference", "Invalid reference",
                        "segmentPosition is beyond the number of flights in that trip."));
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** Travel happens between 1900 and 2200; anything else is a typo, and PostgreSQL could not store all of it. */
    private static void requirePlausible(Instant at, String field) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw Problems.badRequest("implausible-time", "Implausible time", field + ": must be between 1900 and 2200");
        }
    }

    private static HttpProblem erased() {
        return Problems.of(409, "customer-erased", "Customer was erased",
                "This customer asked for erasure; their profile cannot be filled again under the same external id.");
    }

    private static Customer referencedCustomer(String externalId) {
        return Customer.findByExternalIdForUpdate(externalId)
                .filter(Customer::isActive)
                .orElseThrow(() -> Problems.badRequest("invalid-reference", "Invalid reference",
                        "customerExternalId names no active customer; import the customer first."));
    }

    private record Key(IdentifierType type, String value) {
    }

    /** Normalised and checked before anything is written; duplicates in one record collapse. */
    private Set<Key> identifierKeys(CustomerRecord record) {
        Set<Key> keys = new LinkedHashSet<>();
        List<CustomerRecord.Identifier> given = Objects.requireNonNullElse(record.identifiers(), List.of());
        for (int i = 0; i < given.size(); i++) {
            CustomerRecord.Identifier identifier = given.get(i);
            String value = Identifiers.normalise(identifier.type(), identifier.value());
            if (!Identifiers.isWellFormed(identifier.type(), value)) {
                throw Problems.badRequest("invalid-identifier", "Invalid identifier",
                        "identifiers[" + i + "]: " + Identifiers.rule(identifier.type()) + ".");
            }
            if (identifier.type() == IdentifierType.BOARDING_PASS) {
                try {
                    BcbpParser.parse(value, LocalDate.now(clock));
                } catch (BcbpFormatException e) {
                    throw Problems.badRequest("invalid-identifier", "Invalid identifier",
                            "identifiers[" + i + "]: " + e.getMessage());
                }
            }
            keys.add(new Key(identifier.type(), value));
        }
        return keys;
    }

    private static void replaceIdentifiers(UUID customerId, Set<Key> wanted, boolean newCustomer) {
        Set<Key> kept = new LinkedHashSet<>();
        List<CustomerIdentifier> stored = newCustomer ? List.of() : CustomerIdentifier.findByCustomer(customerId);
        for (CustomerIdentifier identifier : stored) {
            Key key = new Key(identifier.type, identifier.value);
            if (wanted.contains(key)) {
                kept.add(key);
            } else {
                identifier.delete();
            }
        }
        for (Key key : wanted) {
            if (!kept.contains(key)) {
                CustomerIdentifier.of(customerId, key.type(), key.value()).persist();
            }
        }
    }
}
