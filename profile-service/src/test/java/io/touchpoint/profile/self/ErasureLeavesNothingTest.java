package io.touchpoint.profile.self;

import io.restassured.http.ContentType;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.Passes;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.ErasureSweep;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * After a customer's erasure profile-service's database holds nothing that identifies them beyond the survivors
 * docs/erasure.md lists. Every column of every table is read, so a table added later is covered too.
 */
@ProfileServiceTest
class ErasureLeavesNothingTest {

    private final Map<String, String> needles = new LinkedHashMap<>();
    private String customerKey;
    private String tripKey;
    private UUID me;
    private String loyalty;

    @BeforeEach
    void aCustomerWithEverythingThisServiceHolds() {
        String suffix = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
        String given = "Zephyrine" + suffix;
        String family = "Quarrington" + suffix.toUpperCase();
        customerKey = Fixtures.externalId("crm");
        tripKey = Fixtures.externalId("pss");
        String eventKey = Fixtures.externalId("case");
        loyalty = Fixtures.loyaltyNumber();
        String booking = Fixtures.bookingReference();
        // A flight on a date no other test uses: a flight number with its date singles a traveller out.
        Instant departure = Instant.parse("2031-02-17T21:45:00Z").plusSeconds(Math.floorMod(suffix.hashCode(), 3600));
        String barcode = Passes.pass(family.substring(0, 8), "Z", booking, LocalDate.ofInstant(departure, ZoneOffset.UTC));
        me = Fixtures.putCustomer(customerKey, Fixtures.customer(given, family, identifier("LOYALTY_NUMBER", loyalty),
                identifier("BOOKING_REFERENCE", booking), identifier("BOARDING_PASS", barcode)));
        Fixtures.putTrip(tripKey, customerKey, booking, List.of(Fixtures.segment("AC", "834", "YUL", "FRA", departure, "1A")));
        Fixtures.putServiceEvent(eventKey, customerKey, "COMPLAINT", "food", "Cold meal served to " + given, "OPEN",
                Instant.parse("2031-01-05T12:00:00Z"));

        needles.put("given name", given);
        needles.put("family name", family);
        needles.put("customer's external id", customerKey);
        needles.put("trip's external id", tripKey);
        needles.put("service event's external id", eventKey);
        needles.put("loyalty number", loyalty);
        needles.put("booking reference", booking);
        needles.put("boarding pass", barcode);
        needles.put("flight date", "2031-02-17");
        needles.put("complaint date", "2031-01-05");
    }

    private List<ErasureSweep.Trace> traces() {
        return ErasureSweep.traces(new ErasureSweep.Needles(needles, Map.of(), me));
    }

    @Test
    void afterErasureNoColumnOfAnyTableHoldsTheCustomerBeyondTheDocumentedSurvivors() {
        assertThat(traces()).extracting(ErasureSweep.Trace::toString)
                .as("the sweep sees everything before erasure, so its silence afterwards means something")
                .contains("family name in customer.family_name", "loyalty number in customer_identifier.value",
                        "customer's external id in customer.external_id", "trip's external id in trip.external_id",
                        "booking reference in trip.booking_reference", "flight date in segment.scheduled_departure",
                        "pseudonymous id in segment.customer_id", "pseudonymous id in service_event.customer_id");

        Fixtures.eraseThroughTheGateway(me).statusCode(200);

        List<ErasureSweep.Trace> left = traces();
        assertThat(left).filteredOn(t -> !t.what().equals("pseudonymous id")).isEmpty();
        assertThat(left).extracting(ErasureSweep.Trace::column).isSubsetOf(ErasureSweep.documentedSurvivors("profile-service"));
        assertThat(ErasureSweep.tables()).contains("customer", "customer_identifier", "trip", "segment", "service_event");
    }

    @Test
    void anErasedCustomersKeysCannotBringThemBackThroughAnyImport() {
        Fixtures.eraseThroughTheGateway(me).statusCode(200);

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Someone", "Else", identifier("LOYALTY_NUMBER", Fixtures.loyaltyNumber())))
                .when().put("/api/ingest/customers/{id}", customerKey)
                .then().statusCode(409).body("type", equalTo("urn:touchpoint:problem:customer-erased"));
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", customerKey, "bookingReference", "ABC123",
                        "segments", List.of(Fixtures.segment("AC", "834", "YUL", "FRA", Instant.parse("2031-02-17T21:45:00Z"), "1A"))))
                .when().put("/api/ingest/trips/{id}", tripKey)
                .then().statusCode(400);
        String line = "{\"kind\":\"customer\",\"externalId\":\"" + customerKey + "\",\"record\":{\"givenName\":\"A\",\"familyName\":\"B\","
                + "\"tier\":\"GOLD\",\"identifiers\":[]}}\n";
        given().auth().oauth2(Tokens.opsImport()).contentType("application/x-ndjson").body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports").then().statusCode(200).body("failed", equalTo(1));

        Staff.project(Staff.loyalty(loyalty)).statusCode(404);
        given().auth().oauth2(Tokens.customer(me)).when().get("/api/me/export").then().statusCode(200)
                .body("profile.status", equalTo("ERASED"))
                .body("trips.size()", equalTo(0))
                .body("serviceEvents.size()", equalTo(0));
    }
}
