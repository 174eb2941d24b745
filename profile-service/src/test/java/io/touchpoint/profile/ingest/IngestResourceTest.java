package io.touchpoint.profile.ingest;

import io.restassured.http.ContentType;
import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.customer.CustomerIdentifier;
import io.touchpoint.profile.history.Segment;
import io.touchpoint.profile.history.ServiceEvent;
import io.touchpoint.profile.history.Trip;
import io.touchpoint.profile.support.Db;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@ProfileServiceTest
class IngestResourceTest {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void puttingTheSameCustomerTwiceUpdatesInsteadOfDuplicating() {
        String externalId = Fixtures.externalId("crm");
        String loyalty = Fixtures.loyaltyNumber();
        UUID id = Fixtures.putCustomer(externalId, Fixtures.customer("Ann", "Lee", identifier("LOYALTY_NUMBER", loyalty)));

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Ann", "Lee-Smith", identifier("LOYALTY_NUMBER", loyalty)))
                .when().put("/api/ingest/customers/{id}", externalId)
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("outcome", equalTo("UPDATED"));

        assertThat(Db.read(() -> Customer.count("externalId", externalId))).isEqualTo(1);
        assertThat(Db.read(() -> Customer.<Customer>findById(id).familyName)).isEqualTo("Lee-Smith");
        assertThat(Db.read(() -> CustomerIdentifier.count("customerId", id))).isEqualTo(1);
    }

    @Test
    void theIdentifiersSentReplaceTheStoredOnes() {
        String externalId = Fixtures.externalId("crm");
        String oldLoyalty = Fixtures.loyaltyNumber();
        String newLoyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(externalId, Fixtures.customer("Ann", "Lee", identifier("LOYALTY_NUMBER", oldLoyalty)));

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Ann", "Lee", identifier("LOYALTY_NUMBER", newLoyalty)))
                .when().put("/api/ingest/customers/{id}", externalId)
                .then().statusCode(200);

        Staff.project(Staff.loyalty(oldLoyalty)).statusCode(404);
        Staff.project(Staff.loyalty(newLoyalty)).statusCode(200);
    }

    @Test
    void aLoyaltyNumberOfAnotherCustomerIsAConflictThatChangesNothing() {
        String loyalty = Fixtures.loyaltyNumber();
        Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Ann", "Lee", identifier("LOYALTY_NUMBER", loyalty)));
        String second = Fixtures.externalId("crm");

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Bob", "Ray", identifier("LOYALTY_NUMBER", loyalty)))
                .when().put("/api/ingest/customers/{id}", second)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A LOYALTY_NUMBER in this record is already assigned to another customer."))
                .body(org.hamcrest.Matchers.not(containsString("Ann")));

        assertThat(Db.read(() -> Customer.count("externalId", second))).isZero();
    }

    @Test
    void aMalformedIdentifierIsRefusedNamingWhichOne() {
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Ann", "Lee", identifier("LOYALTY_NUMBER", Fixtures.loyaltyNumber()),
                        identifier("BOARDING_PASS", "M1NOT A PASS")))
                .when().put("/api/ingest/customers/{id}", Fixtures.externalId("crm"))
                .then().statusCode(400)
                .body("detail", containsString("identifiers[1]"));
    }

    @Test
    void aTripForAnUnknownCustomerIsRefused() {
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", "nobody-" + UUID.randomUUID(), "segments", List.of(
                        Fixtures.segment("AC", "834", "YUL", "FRA", Instant.now(), "1A"))))
                .when().put("/api/ingest/trips/{id}", Fixtures.externalId("trip"))
                .then().statusCode(400)
                .body("detail", containsString("import the customer first"));
    }

    @Test
    void updatingATripKeepsItsFlightsLinkedToServiceEvents() {
        String customer = Fixtures.externalId("crm");
        Fixtures.putCustomer(customer, Fixtures.customer("Ann", "Lee"));
        String trip = Fixtures.externalId("trip");
        Instant departure = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Fixtures.putTrip(trip, customer, "ABC123", List.of(
                Fixtures.segment("AC", "834", "YUL", "FRA", departure, "1A"),
                Fixtures.segment("LH", "3664", "FRA", "GVA", departure.plusSeconds(36000), "12C")));
        String event = Fixtures.externalId("case");
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", customer, "type", "DISRUPTION", "category", "missed-connection",
                        "status", "OPEN", "occurredAt", departure.toString(), "tripExternalId", trip, "segmentPosition", 2))
                .when().put("/api/ingest/service-events/{id}", event)
                .then().statusCode(201);
        UUID linked = Db.read(() -> ServiceEvent.findByExternalId(event).orElseThrow().segmentId);

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", customer, "bookingReference", "ABC123", "segments", List.of(
                        Fixtures.segment("AC", "834", "YUL", "FRA", departure, "2C"),
                        Fixtures.segment("LH", "3664", "FRA", "GVA", departure.plusSeconds(36000), "14A"))))
                .when().put("/api/ingest/trips/{id}", trip)
                .then().statusCode(200);

        assertThat(Db.read(() -> ServiceEvent.findByExternalId(event).orElseThrow().segmentId)).isEqualTo(linked);
        assertThat(Db.read(() -> Segment.<Segment>findById(linked).seat)).isEqualTo("14A");
    }

    @Test
    void anNdjsonImportStoresValidLinesAndReportsEachInvalidOne() {
        String customer = Fixtures.externalId("crm");
        String body = String.join("\n",
                customerLine(customer, "Ann", "Lee"),
                "",
                "{\"kind\":\"customer\",\"externalId\":\"" + Fixtures.externalId("crm") + "\",\"record\":{\"givenName\":\"Bob\",\"familyName\":\"Ray\",\"tier\":\"DIAMOND\"}}",
                "{\"kind\":\"passport\",\"externalId\":\"x-1\",\"record\":{}}",
                "not json at all",
                "{\"kind\":\"trip\",\"externalId\":\"" + Fixtures.externalId("trip") + "\",\"record\":{\"customerExternalId\":\"" + customer
                        + "\",\"segments\":[{\"carrier\":\"AC\",\"flightNumber\":\"834\",\"origin\":\"YUL\",\"destination\":\"FRA\",\"scheduledDeparture\":\"2026-11-22T21:45:00Z\"}]}}",
                "{\"kind\":\"trip\",\"externalId\":\"" + Fixtures.externalId("trip") + "\",\"record\":{\"customerExternalId\":\"nobody\",\"segments\":[]}}",
                "{\"kind\":\"service-event\",\"externalId\":\"" + Fixtures.externalId("case") + "\",\"record\":{\"customerExternalId\":\"nobody\",\"type\":\"COMPLAINT\",\"category\":\"food\",\"status\":\"OPEN\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}}");

        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports")
                .then().statusCode(200)
                .body("lines", is(7))
                .body("created", is(2))
                .body("failed", is(5))
                .body("errors.line", org.hamcrest.Matchers.contains(3, 4, 5, 7, 8))
                .body("errors[0].message", equalTo("record.tier: must be one of [NONE, SILVER, GOLD, PLATINUM]"))
                .body("errors[1].message", containsString("kind must be customer, trip or service-event"))
                .body("errors[2].message", containsString("not well-formed JSON"))
                .body("errors[3].message", containsString("record.segments: must not be empty"))
                .body("errors[4].message", containsString("import the customer first"));
    }

    @Test
    void reImportingAFileCreatesNoDuplicates() {
        String prefix = "reimport-" + UUID.randomUUID() + "-";
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            file.append(customerLine(prefix + i, "Given" + (char) ('A' + i % 26), "Family")).append('\n');
        }
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);

        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(body)
                .when().post("/api/ingest/imports")
                .then().statusCode(200).body("created", is(50)).body("updated", is(0));
        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(body)
                .when().post("/api/ingest/imports")
                .then().statusCode(200).body("created", is(0)).body("updated", is(50)).body("failed", is(0));

        assertThat(Db.read(() -> Customer.count("externalId like ?1", prefix + "%"))).isEqualTo(50);
    }

    @Test
    void anImportLargerThanTheJsonBodyLimitIsStreamedInBatchesAndCountedExactly() {
        String prefix = "stream-" + UUID.randomUUID() + "-";
        int lines = 3_000; // about 1.2 MB, above the 1 MiB limit on JSON bodies

        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON)
                .body(generated(prefix, lines))
                .when().post("/api/ingest/imports")
                .then().statusCode(200)
                .body("lines", is(lines))
                .body("created", is(lines))
                .body("errors", hasSize(0));

        assertThat(Db.read(() -> Customer.count("externalId like ?1", prefix + "%"))).isEqualTo(lines);
    }

    @Test
    void errorsBeyondTheReportLimitAreCountedButNotListed() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            file.append("{}\n");
        }

        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(file.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports")
                .then().statusCode(200)
                .body("failed", is(150))
                .body("errors", hasSize(100))
                .body("errorsTruncated", is(true));
    }

    @Test
    void anOverlongLineIsReportedWithoutStoppingTheImport() {
        String customer = Fixtures.externalId("crm");
        String body = "{\"kind\":\"customer\",\"externalId\":\"x\",\"record\":{\"givenName\":\"" + "A".repeat(70_000) + "\"}}\n"
                + customerLine(customer, "Ann", "Lee");

        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports")
                .then().statusCode(200)
                .body("created", is(1))
                .body("errors[0].line", is(1))
                .body("errors[0].message", containsString("longer than"));
    }

    @Test
    void anEmptyImportDoesNothing() {
        given().auth().oauth2(Tokens.opsImport()).contentType(NDJSON).body(new byte[0])
                .when().post("/api/ingest/imports")
                .then().statusCode(200).body("lines", is(0)).body("created", is(0));
    }

    private static String customerLine(String externalId, String givenName, String familyName) {
        return "{\"kind\":\"customer\",\"externalId\":\"" + externalId + "\",\"record\":{\"givenName\":\"" + givenName
                + "\",\"familyName\":\"" + familyName + "\",\"tier\":\"SILVER\"}}";
    }

    /** About 400 bytes a line, so a few thousand lines are well past the JSON body limit. */
    private static String fatCustomerLine(String externalId) {
        return "{\"kind\":\"customer\",\"externalId\":\"" + externalId + "\",\"record\":{\"givenName\":\"Given\","
                + "\"familyName\":\"Family\",\"tier\":\"SILVER\",\"namePronunciation\":\"" + "a".repeat(200) + "\"}}";
    }

    /** Lines produced on demand, so the test itself never holds the whole file either. */
    private static InputStream generated(String prefix, int lines) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < lines;
            }

            @Override
            public InputStream nextElement() {
                String line = fatCustomerLine(prefix + next++) + "\n";
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
