package io.touchpoint.demo;

import io.touchpoint.profile.bcbp.BcbpParser;
import io.touchpoint.profile.bcbp.BoardingPass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T21:00:00Z");

    @Test
    void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
        DemoGenerator one = new DemoGenerator(7, NOW);
        DemoGenerator again = new DemoGenerator(7, NOW);
        DemoGenerator other = new DemoGenerator(8, NOW);
        for (int i = 0; i < 200; i++) {
            assertThat(again.customer(i)).isEqualTo(one.customer(i));
        }
        assertThat(other.customer(100).id()).isNotEqualTo(one.customer(100).id());
        assertThat(other.customer(0).id()).as("the named demo customers are fixed").isEqualTo(one.customer(0).id());
    }

    @Test
    void identifiersAreUniqueAndTheNamedCustomersMatchTheRealm() {
        DemoGenerator generator = new DemoGenerator(1, NOW);
        Set<UUID> ids = new HashSet<>();
        Set<String> loyalty = new HashSet<>();
        IntStream.range(0, 20_000).mapToObj(generator::customer).forEach(c -> {
            assertThat(ids.add(c.id())).isTrue();
            assertThat(loyalty.add(c.loyaltyNumber())).isTrue();
            assertThat(c.loyaltyNumber()).matches("[A-Z0-9]{4,20}");
        });
        for (int i = 0; i < DemoCustomers.ALL.size(); i++) {
            assertThat(generator.customer(i).id()).isEqualTo(DemoCustomers.ALL.get(i).id());
            assertThat(generator.customer(i).familyName()).isEqualTo(DemoCustomers.ALL.get(i).familyName());
        }
    }

    @Test
    void everyBoardingPassIsOneTheRealParserAcceptsForThatCustomerAndFlight() {
        DemoGenerator generator = new DemoGenerator(3, NOW);
        for (int i = 0; i < 2_000; i++) {
            DemoGenerator.Customer customer = generator.customer(i);
            for (DemoGenerator.Trip trip : customer.trips()) {
                DemoGenerator.Segment segment = trip.segments().getFirst();
                String barcode = DemoGenerator.boardingPass(customer, trip, segment);
                LocalDate scanned = LocalDate.ofInstant(segment.departure(), ZoneOffset.UTC);
                BoardingPass pass = BcbpParser.parse(barcode, scanned);
                assertThat(pass.surname()).isEqualTo(customer.familyName().toUpperCase());
                assertThat(pass.legs().getFirst().bookingReference()).isEqualTo(trip.bookingReference());
            }
        }
    }

    @Test
    void theBoardingPassesArePinnedByteForByte() {
        DemoGenerator generator = new DemoGenerator(1, NOW);
        assertThat(firstPass(generator.customer(0))).isEqualTo("M1QUILLFEATHER/ADA    EK6A8ZY YVRZRHTP 0216 328Y025D0002 100");
        assertThat(firstPass(generator.customer(1))).isEqualTo("M1OAKHOLLOW/BRAM      EAVENFE JFKSINTP 0799 327F015A0002 100");
        assertThat(firstPass(generator.customer(3))).isEqualTo("M1THISTLEWOOD/DEV     EUSU6SN ZRHFRATP 0736 327F006C0002 100");
        assertThat(firstPass(generator.customer(12_345))).isEqualTo("M1THORNMORE/JORETH    EUSVLDW ZRHLISTP 0902 328W018D0002 100");
        // A name longer than the field, every cabin, short and four-digit flight numbers, one- and two-digit rows.
        assertThat(pass("FIRST", "7", "1A", 0)).isEqualTo("M1KESTRELCOMBE-THORNLEEQ7XK2M YULCDGTP 0007 060F001A0001 100");
        assertThat(pass("BUSINESS", "1234", "23C", 2)).isEqualTo("M1KESTRELCOMBE-THORNLEEQ7XK2M YULCDGTP 1234 060J023C0003 100");
        assertThat(pass("PREMIUM", "88", "9K", 9998)).isEqualTo("M1KESTRELCOMBE-THORNLEEQ7XK2M YULCDGTP 0088 060W009K9999 100");
        assertThat(pass("ECONOMY", "834", "41F", 5)).isEqualTo("M1KESTRELCOMBE-THORNLEEQ7XK2M YULCDGTP 0834 060Y041F0006 100");
    }

    private static String firstPass(DemoGenerator.Customer customer) {
        DemoGenerator.Trip trip = customer.trips().getFirst();
        return DemoGenerator.boardingPass(customer, trip, trip.segments().getFirst());
    }

    private static String pass(String cabin, String flightNumber, String seat, int position) {
        DemoGenerator.Segment segment = new DemoGenerator.Segment(UUID.randomUUID(), position, "TP", flightNumber, "YUL", "CDG",
                Instant.parse("2026-03-01T23:30:00Z"), cabin, seat, null, null);
        DemoGenerator.Trip trip = new DemoGenerator.Trip(UUID.randomUUID(), "trip-1", "Q7XK2M", List.of(segment));
        DemoGenerator.Customer customer = new DemoGenerator.Customer(UUID.randomUUID(), "demo-x", "Wenaraiel",
                "Kestrelcombe-Thornleigh", null, null, "GOLD", "TP1", List.of(trip), List.of(), List.of(), List.of());
        return DemoGenerator.boardingPass(customer, trip, segment);
    }

    @Test
    void theNamedCustomersFlyWithinHoursAndShowEachConsentSituation() {
        DemoGenerator generator = new DemoGenerator(1, NOW);
        for (int i = 0; i < DemoCustomers.ALL.size(); i++) {
            DemoGenerator.Customer customer = generator.customer(i);
            Instant departure = customer.trips().getFirst().segments().getFirst().departure();
            assertThat(Duration.between(NOW, departure)).isBetween(Duration.ofHours(2), Duration.ofHours(5));
            List<DemoGenerator.ConsentStep> steps = customer.consents();
            switch (DemoCustomers.ALL.get(i).consent()) {
                case GRANTED -> assertThat(steps.getFirst().expiresAt()).isAfter(NOW.plus(Duration.ofDays(30)));
                case WITHDRAWN -> assertThat(steps).extracting(DemoGenerator.ConsentStep::kind).contains("WITHDRAW");
                case EXPIRED -> assertThat(steps.getFirst().expiresAt()).isBefore(NOW);
                case EXPIRING_SOON -> assertThat(steps.getFirst().expiresAt()).isBetween(NOW, NOW.plus(Duration.ofDays(30)));
                case NONE -> assertThat(steps).isEmpty();
            }
        }
    }

    @Test
    void aMillionCustomersAreGeneratedWithoutHoldingThemInMemory() {
        // Each customer is a function of its index: any slice can be made alone, in any order.
        DemoGenerator generator = new DemoGenerator(1, NOW);
        assertThat(generator.customer(999_999).externalId()).isEqualTo("demo-999999");
        assertThat(generator.customer(999_999)).isEqualTo(new DemoGenerator(1, NOW).customer(999_999));
    }

    @Test
    void historicLooksPrecedeTheirFlightsAndCarryOnlyTheReceiptsActiveThen() {
        DemoGenerator generator = new DemoGenerator(1, NOW);
        int withReceipts = 0;
        for (int i = 0; i < 500; i++) {
            DemoGenerator.Customer customer = generator.customer(i);
            List<DemoGenerator.Look> looks = generator.looks(customer, i, 10);
            assertThat(looks).isEqualTo(generator.looks(customer, i, 10));
            for (DemoGenerator.Look look : looks) {
                assertThat(look.recordedAt()).isBefore(NOW);
                assertThat(look.role()).isNotEqualTo("supervisor");
                for (String receipt : look.receipts()) {
                    DemoGenerator.ConsentStep grant = customer.consents().stream()
                            .filter(s -> s.id().toString().equals(receipt)).findFirst().orElseThrow();
                    assertThat(grant.recordedAt()).isBefore(look.recordedAt());
                    assertThat(grant.expiresAt()).isAfter(look.recordedAt());
                    assertThat(grant.roles()).contains(look.role());
                }
                withReceipts += look.receipts().isEmpty() ? 0 : 1;
            }
        }
        assertThat(withReceipts).as("some looks were covered by a consent").isPositive();
    }
}
