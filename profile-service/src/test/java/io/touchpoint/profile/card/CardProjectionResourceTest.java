package io.touchpoint.profile.card;

import io.restassured.http.ContentType;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.Passes;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.Contracts;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@ProfileServiceTest
class CardProjectionResourceTest {

    @Inject
    SessionFactory sessionFactory;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String externalId;
    private String loyaltyNumber;
    private String bookingReference;
    private UUID customerId;

    @BeforeEach
    void aCustomerFlyingToday() {
        externalId = Fixtures.externalId("crm");
        loyaltyNumber = Fixtures.loyaltyNumber();
        bookingReference = Fixtures.bookingReference();
        customerId = Fixtures.putCustomer(externalId, Fixtures.customer("Zoë", "Müller-Lüdenscheidt",
                identifier("LOYALTY_NUMBER", loyaltyNumber), identifier("BOOKING_REFERENCE", bookingReference)));
        Fixtures.putTrip(Fixtures.externalId("trip"), externalId, bookingReference, List.of(
                Fixtures.segment("AC", "834", "YUL", "FRA", now.plus(Duration.ofHours(3)), "1A"),
                Fixtures.segment("LH", "3664", "FRA", "GVA", now.plus(Duration.ofHours(14)), "12C")));
        Fixtures.putTrip(Fixtures.externalId("trip"), externalId, "OLD123", List.of(
                Fixtures.segment("AC", "870", "YUL", "CDG", now.minus(Duration.ofDays(40)), "2A")));
    }

    @Test
    void resolvesALoyaltyNumberTypedWithSpacesAndLowerCase() {
        String typed = loyaltyNumber.substring(0, 4).toLowerCase() + " " + loyaltyNumber.substring(4);

        Staff.project(Staff.loyalty(typed))
                .statusCode(200)
                .body("customerId", equalTo(customerId.toString()))
                .body("profile.givenName", equalTo("Zoë"))
                .body("profile.familyName", equalTo("Müller-Lüdenscheidt"))
                .body("profile.tier", equalTo("GOLD"));
    }

    @Test
    void theProjectionHonoursTheContractTheGatewayReadsIt() {
        Fixtures.putServiceEvent(Fixtures.externalId("case"), externalId, "DISRUPTION", "delayed-baggage",
                "Bag a day late", "OPEN", now.minus(Duration.ofDays(3)));

        String actual = Staff.project(Staff.loyalty(loyaltyNumber)).statusCode(200).extract().asString();

        org.assertj.core.api.Assertions.assertThat(Contracts.violations(Contracts.CARD_PROJECTION, actual)).isEmpty();
    }

    @Test
    void returnsOnlyTodaysFlightsInTheItineraryEarliestFirst() {
        Staff.project(Staff.loyalty(loyaltyNumber))
                .statusCode(200)
                .body("itinerary.flightNumber", contains("834", "3664"))
                .body("itinerary[0].seat", equalTo("1A"))
                .body("presentedLeg", nullValue());
    }

    @Test
    void summarisesPastTravelWithoutListingIt() {
        boolean lastTripThisYear = now.minus(Duration.ofDays(40)).atOffset(ZoneOffset.UTC).getYear()
                == now.atOffset(ZoneOffset.UTC).getYear();

        Staff.project(Staff.loyalty(loyaltyNumber))
                .statusCode(200)
                .body("travelSummary.tripsThisYear", is(lastTripThisYear ? 1 : 0))
                .body("travelSummary.lastTrip.destination", equalTo("CDG"));
    }

    @Test
    void resolvesABookingReferenceOnlyTogetherWithTheSurnameIgnoringCaseAndAccents() {
        Staff.project(Staff.booking(bookingReference.toLowerCase(), "MULLER-LUDENSCHEIDT"))
                .statusCode(200)
                .body("customerId", equalTo(customerId.toString()));
    }

    @Test
    void aWrongSurnameGetsTheSameAnswerAsAnUnknownBookingReference() {
        String wrongSurname = Staff.project(Staff.booking(bookingReference, "Smith"))
                .statusCode(404)
                .contentType("application/problem+json")
                .extract().asString();
        String unknownReference = Staff.project(Staff.booking("ZZZ999", "Müller-Lüdenscheidt"))
                .statusCode(404)
                .extract().asString();

        assertSameProblem(wrongSurname, unknownReference);
    }

    @Test
    void anUnknownLoyaltyNumberIsANotFoundProblemThatRevealsNothing() {
        Staff.project(Staff.loyalty("TP00000000001"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", equalTo("Customer not found"))
                .body("detail", equalTo("No customer matches the presented identifier."))
                .body(not(containsString("Müller")));
    }

    @Test
    void resolvesABoardingPassByItsBookingReferenceAndPrintedSurname() {
        String barcode = Passes.pass("MULLERLUDENSCHEIDT", "ZOE", bookingReference, LocalDate.now(ZoneOffset.UTC));

        Staff.project(Staff.boardingPass(barcode))
                .statusCode(200)
                .body("customerId", equalTo(customerId.toString()))
                .body("presentedLeg.flightNumber", equalTo("834"))
                .body("presentedLeg.seat", equalTo("1A"))
                .body("presentedLeg.flightDate", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
    }

    @Test
    void resolvesABoardingPassByItsFrequentFlyerNumberWhenTheSurnameMatches() {
        String barcode = Passes.passWithFrequentFlyer("MULLERLUDENSCHEIDT", "ZOE", "NOPNR1",
                LocalDate.now(ZoneOffset.UTC), loyaltyNumber);

        Staff.project(Staff.boardingPass(barcode)).statusCode(200).body("customerId", equalTo(customerId.toString()));
    }

    @Test
    void aForgedBoardingPassWithSomeoneElsesBookingReferenceButAnotherNameIsNotFound() {
        String forged = Passes.passWithFrequentFlyer("SMITH", "JOHN", bookingReference,
                LocalDate.now(ZoneOffset.UTC), loyaltyNumber);

        Staff.project(Staff.boardingPass(forged)).statusCode(404);
    }

    @Test
    void aShortSurnameOnAFullNameFieldDoesNotMatchALongerFamilyNameByPrefix() {
        String stolenLoyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Louise", "Leblanc",
                identifier("LOYALTY_NUMBER", stolenLoyalty)));
        String pass = Passes.passWithFrequentFlyer("LE", "ABCDEFGHIJKLMNOPQ", "NOPNR2",
                LocalDate.now(ZoneOffset.UTC), stolenLoyalty);

        Staff.project(Staff.boardingPass(pass)).statusCode(404);
    }

    @Test
    void aMalformedBarcodeIsABadRequestNamingTheField() {
        String barcode = Passes.pass("MULLER", "ZOE", bookingReference, LocalDate.now(ZoneOffset.UTC))
                .replace("YULFRA", "YUL123");

        Staff.project(Staff.boardingPass(barcode))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid boarding pass barcode"))
                .body("detail", containsString("leg 1 to airport"))
                .body(not(containsString("MULLER")));
    }

    @Test
    void twoTravellersWithTheSameSurnameOnOneBookingAreAConflictNotAGuess() {
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ana", "Müller-Lüdenscheidt",
                identifier("BOOKING_REFERENCE", bookingReference)));

        Staff.project(Staff.booking(bookingReference, "Müller-Lüdenscheidt"))
                .statusCode(409)
                .body("detail", containsString("ask for the boarding pass or loyalty card"))
                .body(not(containsString("Ana")));
    }

    @Test
    void flagsOpenServiceRecoveryItemsAndOmitsCompliments() {
        Fixtures.putServiceEvent(Fixtures.externalId("case"), externalId, "DISRUPTION", "delayed-baggage",
                "Bag a day late", "OPEN", now.minus(Duration.ofDays(3)));
        Fixtures.putServiceEvent(Fixtures.externalId("case"), externalId, "COMPLIMENT", "crew",
                "Lovely crew", "RESOLVED", now.minus(Duration.ofDays(2)));

        Staff.project(Staff.loyalty(loyaltyNumber))
                .statusCode(200)
                .body("serviceRecovery.open", is(true))
                .body("serviceRecovery.items", hasSize(1))
                .body("serviceRecovery.items[0].category", equalTo("delayed-baggage"));
    }

    @Test
    void refusesAGatewayCallWithoutTheActingStaffHeaders() {
        given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("presented", Staff.loyalty(loyaltyNumber)))
                .when().post("/api/card-projections")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.message", hasItems("header X-Acting-Role is required",
                        "header X-Touchpoint is required", "header X-Purpose is required"))
                .body(not(containsString("Müller")));
    }

    @Test
    void refusesAnActingRoleThatIsNotAStaffRole() {
        given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent", "compliance-auditor"))
                .header("X-Acting-Role", "compliance-auditor")
                .header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON)
                .body(Map.of("presented", Staff.loyalty(loyaltyNumber)))
                .when().post("/api/card-projections")
                .then()
                .statusCode(400)
                .body("violations.message", contains("header X-Acting-Role must be one of " + io.touchpoint.support.web.ActingStaff.STAFF_ROLES));
    }

    @Test
    void thereIsNoWayToPresentANameAlone() {
        Staff.project(Map.of("type", "NAME", "name", "Müller-Lüdenscheidt"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString(customerId.toString())));
    }

    @Test
    void aLongHistoryCostsNoMoreQueriesThanAShortOne() {
        String frequentFlyer = Fixtures.externalId("crm");
        String frequentLoyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(frequentFlyer, Fixtures.customer("Max", "Meilen", identifier("LOYALTY_NUMBER", frequentLoyalty)));
        for (int trip = 0; trip < 25; trip++) {
            Instant departure = now.minus(Duration.ofDays(trip + 1));
            Fixtures.putTrip(Fixtures.externalId("trip"), frequentFlyer, "MANY" + (trip % 10), List.of(
                    Fixtures.segment("AC", "1" + trip, "YUL", "FRA", departure, "1A"),
                    Fixtures.segment("LH", "2" + trip, "FRA", "GVA", departure.plus(Duration.ofHours(9)), "2A")));
            Fixtures.putServiceEvent(Fixtures.externalId("case"), frequentFlyer, "DISRUPTION", "delay", "late",
                    "OPEN", departure);
        }

        long shortHistory = statementsFor(() -> Staff.project(Staff.loyalty(loyaltyNumber)).statusCode(200));
        long longHistory = statementsFor(() -> Staff.project(Staff.loyalty(frequentLoyalty)).statusCode(200)
                .body("serviceRecovery.items", hasSize(25)));

        // At most five to read, and one to write the relayed read down (ADR 0018).
        org.assertj.core.api.Assertions.assertThat(longHistory).isEqualTo(shortHistory).isLessThanOrEqualTo(6);
    }

    private long statementsFor(Runnable call) {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        call.run();
        return statistics.getPrepareStatementCount() - before;
    }

    private static void assertSameProblem(String first, String second) {
        org.assertj.core.api.Assertions.assertThat(withoutInstance(first)).isEqualTo(withoutInstance(second));
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "").replaceAll("\"request-id\":\"[^\"]*\",?", "");
    }
}
