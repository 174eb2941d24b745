package io.touchpoint.demo;

import io.touchpoint.testsupport.BcbpEncoder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic customers, deterministic from (seed, index, today): the same inputs give the same customer, so any
 * slice of a million can be generated on its own. Names are assembled from invented syllables; nothing comes
 * from a real person. Pure.
 */
public final class DemoGenerator {

    public record Segment(UUID id, int position, String carrier, String flightNumber, String origin, String destination,
                          Instant departure, String cabin, String seat, String specialMeal, String assistance) {
    }

    public record Trip(UUID id, String externalId, String bookingReference, List<Segment> segments) {
    }

    public record ServiceEvent(UUID id, String externalId, String type, String category, String summary, String status,
                               Instant occurredAt, UUID segmentId) {
    }

    public record Preference(String key, String value) {
    }

    public record ConsentStep(UUID id, UUID consentId, String kind, String purpose, List<String> categories, List<String> roles,
                              List<String> touchpointTypes, Instant recordedAt, Instant expiresAt) {
    }

    /** One look at the customer's card by staff, before a past flight. */
    public record Look(UUID id, Instant recordedAt, String requestId, String staffSubject, String role, String device,
                       String touchpoint, List<String> fields, List<String> receipts) {
    }

    public record Customer(UUID id, String externalId, String givenName, String familyName, String preferredAddress,
                           String pronunciation, String tier, String loyaltyNumber, List<Trip> trips, List<ServiceEvent> events,
                           List<Preference> preferences, List<ConsentStep> consents) {
    }

    static final List<String> FRONTLINE = List.of("cabin-crew", "check-in-agent", "gate-agent", "lounge-host", "supervisor");
    private static final String[] FIRST = {"Ad", "Bri", "Cal", "Dor", "El", "Fen", "Gil", "Har", "Is", "Jor", "Kel", "Lun", "Mer", "Nol", "Or", "Pel", "Quin", "Ros", "Sel", "Tam", "Ul", "Vor", "Wen", "Yar", "Zel"};
    private static final String[] FIRST_END = {"a", "en", "is", "o", "an", "ie", "eth", "um", "ara", "iel"};
    private static final String[] FAMILY = {"Ash", "Birch", "Cloud", "Dusk", "Ember", "Fern", "Glen", "Hollow", "Ivy", "Juniper", "Kestrel", "Lark", "Moss", "North", "Oak", "Pine", "Quarry", "Reed", "Stone", "Thorn", "Umber", "Vale", "Willow", "Yew"};
    private static final String[] FAMILY_END = {"wick", "field", "brook", "more", "ridge", "well", "ford", "holt", "stead", "worth", "combe", "leigh"};
    private static final String[] AIRPORTS = {"YUL", "CDG", "FRA", "AMS", "LHR", "JFK", "NRT", "SIN", "DXB", "MAD", "LIS", "CPH", "ZRH", "YVR", "BOS"};
    private static final String[] CABINS = {"ECONOMY", "ECONOMY", "ECONOMY", "PREMIUM", "BUSINESS", "FIRST"};
    private static final String[] MEALS = {"VGML", "VLML", "MOML", "KSML", "GFML"};
    private static final String[] ASSISTANCE = {"WCHR", "WCHS", "WCHC"};
    private static final String[] TIERS = {"NONE", "NONE", "NONE", "SILVER", "SILVER", "GOLD", "PLATINUM"};

    private final long seed;
    private final Instant now;
    private final LocalDate today;

    /** {@code now}: the load time; "flying today" means departing a few hours after it. */
    public long seed() {
        return seed;
    }

    public DemoGenerator(long seed, Instant now) {
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.MINUTES);
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public Customer customer(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        DemoCustomers.Named named = index < DemoCustomers.ALL.size() ? DemoCustomers.ALL.get(index) : null;
        UUID id = named != null ? named.id() : uuid(random);
        String given = named != null ? named.givenName() : pick(random, FIRST) + pick(random, FIRST_END);
        String family = named != null ? named.familyName() : pick(random, FAMILY) + pick(random, FAMILY_END);
        String loyalty = named != null ? named.loyaltyNumber() : "TP" + String.format("%08d", 100 + index);
        List<Trip> trips = new ArrayList<>();
        List<ServiceEvent> events = new ArrayList<>();
        int tripCount = 1 + random.nextInt(6);
        boolean fliesToday = named != null || random.nextInt(20) == 0;
        for (int t = 0; t < tripCount; t++) {
            Instant departure = t == 0 && fliesToday
                    ? now.plus(120 + random.nextInt(180), ChronoUnit.MINUTES)
                    : today.minusDays(365).plusDays(random.nextInt(395)).atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plus(6 + random.nextInt(16), ChronoUnit.HOURS);
            trips.add(trip(random, index, t, departure));
        }
        for (Trip trip : trips) {
            events(random, index, trip, events);
        }
        List<Preference> preferences = new ArrayList<>();
        preferences.add(new Preference("seat.position", random.nextBoolean() ? "aisle" : "window"));
        preferences.add(new Preference("meal.dietary", pick(random, new String[] {"vegetarian", "vegan", "halal", "gluten-free", "no-preference"})));
        if (random.nextInt(3) == 0) {
            preferences.add(new Preference("drink.welcome", pick(random, new String[] {"water", "juice", "tea", "coffee"})));
        }
        boolean assistance = random.nextInt(12) == 0;
        if (assistance) {
            preferences.add(new Preference("assistance.mobility", random.nextBoolean() ? "wheelchair-to-gate" : "extra-time"));
        }
        DemoCustomers.Consent situation = named != null ? named.consent() : situation(random);
        List<ConsentStep> consents = consents(random, situation, assistance);
        return new Customer(id, "demo-" + index, given, family, random.nextBoolean() ? "Mx" : null, null,
                named != null ? "GOLD" : pick(random, TIERS), loyalty, trips, events, preferences, consents);
    }

    private Trip trip(SplittableRandom random, int index, int t, Instant firstDeparture) {
        UUID tripId = uuid(random);
        String reference = bookingReference(random);
        List<Segment> segments = new ArrayList<>();
        String origin = pick(random, AIRPORTS);
        int legs = random.nextInt(4) == 0 ? 2 : 1;
        Instant departure = firstDeparture;
        for (int leg = 1; leg <= legs; leg++) {
            String destination;
            do {
                destination = pick(random, AIRPORTS);
            } while (destination.equals(origin));
            segments.add(new Segment(uuid(random), leg, "TP", String.valueOf(100 + random.nextInt(900)), origin, destination,
                    departure, pick(random, CABINS), (1 + random.nextInt(40)) + String.valueOf("ABCDEF".charAt(random.nextInt(6))),
                    random.nextInt(8) == 0 ? pick(random, MEALS) : null, random.nextInt(25) == 0 ? pick(random, ASSISTANCE) : null));
            origin = destination;
            departure = departure.plus(3 + random.nextInt(5), ChronoUnit.HOURS);
        }
        return new Trip(tripId, "demo-" + index + "-trip-" + t, reference, segments);
    }

    private void events(SplittableRandom random, int index, Trip trip, List<ServiceEvent> out) {
        Segment segment = trip.segments().getFirst();
        int roll = random.nextInt(100);
        if (roll < 15) {
            String category = pick(random, new String[] {"delayed-baggage", "flight-delay", "missed-connection", "downgrade"});
            boolean resolved = segment.departure().isBefore(today.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
            out.add(new ServiceEvent(uuid(random), trip.externalId() + "-disruption", "DISRUPTION", category,
                    "Disruption recorded by operations (synthetic demo data).", resolved ? "RESOLVED" : "OPEN",
                    segment.departure().plus(1, ChronoUnit.HOURS), segment.id()));
            if (resolved) {
                out.add(new ServiceEvent(uuid(random), trip.externalId() + "-recovery", "RECOVERY_ACTION",
                        pick(random, new String[] {"voucher", "lounge-access", "upgrade", "refund"}),
                        "Recovery offered and accepted (synthetic demo data).", "RESOLVED",
                        segment.departure().plus(2, ChronoUnit.DAYS), segment.id()));
            }
        } else if (roll < 20) {
            out.add(new ServiceEvent(uuid(random), trip.externalId() + "-complaint", "COMPLAINT",
                    pick(random, new String[] {"service", "cleanliness", "catering"}), "Complaint received (synthetic demo data).",
                    random.nextBoolean() ? "RESOLVED" : "OPEN", segment.departure().plus(1, ChronoUnit.DAYS), segment.id()));
        } else if (roll < 23) {
            out.add(new ServiceEvent(uuid(random), trip.externalId() + "-compliment", "COMPLIMENT", "crew",
                    "Compliment for the crew (synthetic demo data).", "RESOLVED", segment.departure().plus(1, ChronoUnit.DAYS), segment.id()));
        }
    }

    private static DemoCustomers.Consent situation(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return DemoCustomers.Consent.GRANTED;
        } else if (roll < 67) {
            return DemoCustomers.Consent.WITHDRAWN;
        } else if (roll < 77) {
            return DemoCustomers.Consent.EXPIRED;
        } else if (roll < 85) {
            return DemoCustomers.Consent.EXPIRING_SOON;
        }
        return DemoCustomers.Consent.NONE;
    }

    private List<ConsentStep> consents(SplittableRandom random, DemoCustomers.Consent situation, boolean assistance) {
        List<ConsentStep> steps = new ArrayList<>();
        Instant granted = switch (situation) {
            case EXPIRED -> now.minus(800, ChronoUnit.DAYS);
            case EXPIRING_SOON -> now.minus(720, ChronoUnit.DAYS);
            default -> now.minus(10 + random.nextInt(300), ChronoUnit.DAYS);
        };
        if (situation == DemoCustomers.Consent.NONE) {
            return steps;
        }
        // Two years, the purpose's maximum; an expiring-soon consent then ends within about ten days.
        Instant expires = granted.atZone(ZoneOffset.UTC).plusMonths(24).toInstant();
        UUID consentId = uuid(random);
        steps.add(new ConsentStep(uuid(random), consentId, "GRANT", "personalised-service", List.of("drink", "meal", "seat"),
                FRONTLINE, List.of(), granted, expires));
        if (situation == DemoCustomers.Consent.WITHDRAWN) {
            steps.add(new ConsentStep(uuid(random), consentId, "WITHDRAW", "personalised-service", List.of("drink", "meal", "seat"),
                    FRONTLINE, List.of(), granted.plus(1 + random.nextInt(9), ChronoUnit.DAYS), null));
        }
        if (assistance && situation == DemoCustomers.Consent.GRANTED) {
            steps.add(new ConsentStep(uuid(random), uuid(random), "GRANT", "assistance-sharing", List.of("assistance"),
                    List.of("gate-agent", "cabin-crew"), List.of(), granted.plus(1, ChronoUnit.HOURS),
                    granted.plus(1, ChronoUnit.HOURS).atZone(ZoneOffset.UTC).plusMonths(24).toInstant()));
        }
        return steps;
    }

    /**
     * Staff looks at the customer's card around their past flights, with the consent receipts active then.
     * Deterministic from (seed, index); at most {@code count}, fewer for a customer who has not flown yet.
     */
    public List<Look> looks(Customer customer, int index, int count) {
        SplittableRandom random = new SplittableRandom(seed * 7_000_003L + index);
        List<Segment> flown = customer.trips().stream().flatMap(t -> t.segments().stream())
                .filter(s -> s.departure().isBefore(now.minus(3, ChronoUnit.HOURS))).toList();
        List<Look> looks = new ArrayList<>();
        for (int k = 0; k < count && !flown.isEmpty(); k++) {
            Segment segment = flown.get(random.nextInt(flown.size()));
            String role = FRONTLINE.get(random.nextInt(FRONTLINE.size() - 1)); // supervisors look by break-glass only
            String touchpoint = switch (role) {
                case "check-in-agent" -> "CHECK_IN/" + segment.origin() + (1 + random.nextInt(30));
                case "lounge-host" -> "LOUNGE/" + segment.origin();
                case "cabin-crew" -> "CABIN/" + segment.carrier() + segment.flightNumber();
                default -> "GATE/" + "ABCDE".charAt(random.nextInt(5)) + (1 + random.nextInt(40));
            };
            int minutesBefore = switch (role) {
                case "check-in-agent" -> 120 + random.nextInt(60);
                case "lounge-host" -> 60 + random.nextInt(90);
                case "cabin-crew" -> 5 + random.nextInt(20);
                default -> 20 + random.nextInt(30);
            };
            Instant at = segment.departure().minus(minutesBefore, ChronoUnit.MINUTES).plusMillis(random.nextInt(60_000));
            List<String> receipts = customer.consents().stream()
                    .filter(step -> step.kind().equals("GRANT") && step.roles().contains(role)
                            && step.recordedAt().isBefore(at) && step.expiresAt().isAfter(at)
                            && customer.consents().stream().noneMatch(w -> w.kind().equals("WITHDRAW")
                            && w.consentId().equals(step.consentId()) && w.recordedAt().isBefore(at)))
                    .map(step -> step.id().toString()).toList();
            List<String> fields = new ArrayList<>(List.of("greeting", "itinerary", "tier"));
            if (!receipts.isEmpty()) {
                fields.add(role.equals("lounge-host") ? "preference-meal-drink" : "preference-seat");
            }
            looks.add(new Look(uuid(random), at, "demo-" + index + "-" + k, "demo-staff-" + random.nextInt(400), role,
                    "demo-tablet-" + random.nextInt(60), touchpoint, fields, receipts));
        }
        return looks;
    }

    /** An IATA BCBP (Resolution 792) barcode, mandatory items only, for a segment of the customer's trip. */
    public static String boardingPass(Customer customer, Trip trip, Segment segment) {
        return BcbpEncoder.encode(new BcbpEncoder.Leg(customer.familyName().toUpperCase(), customer.givenName().toUpperCase(),
                trip.bookingReference(), segment.origin(), segment.destination(), segment.carrier(),
                Integer.parseInt(segment.flightNumber()), segment.departure().atZone(ZoneOffset.UTC).toLocalDate(),
                compartment(segment.cabin()), segment.seat(), 1 + segment.position()));
    }

    private static char compartment(String cabin) {
        return switch (cabin) {
            case "FIRST" -> 'F';
            case "BUSINESS" -> 'J';
            case "PREMIUM" -> 'W';
            default -> 'Y';
        };
    }

    private static String bookingReference(SplittableRandom random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            reference.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return reference.toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least);
    }
}
