package io.touchpoint.profile.support;

import io.touchpoint.testsupport.Tokens;
import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test data, stored through the ingest API as an operational system would. Values are unique per call. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String externalId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Letters and digits that no other test uses: a loyalty number, or a 6-character booking reference. */
    public static String loyaltyNumber() {
        return "TP" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
    }

    public static String bookingReference() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            reference.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return reference.toString();
    }

    public static Map<String, Object> customer(String givenName, String familyName, Map<?, ?>... identifiers) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("givenName", givenName);
        record.put("familyName", familyName);
        record.put("preferredAddress", "Dr");
        record.put("namePronunciation", "as written");
        record.put("tier", "GOLD");
        record.put("identifiers", List.of(identifiers));
        return record;
    }

    public static Map<String, String> identifier(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    /**
     * The customer's erasure as the staff-gateway relays it: their own token exchanged for this service, under a
     * new request id. The only way a customer erases anything here.
     */
    public static io.restassured.response.ValidatableResponse eraseThroughTheGateway(UUID customerId) {
        return given().auth().oauth2(Tokens.relayedCustomer(customerId))
                .when().put("/api/erasures/{requestId}", UUID.randomUUID()).then();
    }

    public static UUID putCustomer(String externalId, Map<String, Object> record) {
        String id = given().auth().oauth2(Tokens.opsImport())
                .contentType(ContentType.JSON).body(record)
                .when().put("/api/ingest/customers/{id}", externalId)
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> segment(String carrier, String flightNumber, String origin, String destination,
                                              Instant departure, String seat) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("carrier", carrier);
        segment.put("flightNumber", flightNumber);
        segment.put("origin", origin);
        segment.put("destination", destination);
        segment.put("scheduledDeparture", departure.toString());
        segment.put("seat", seat);
        return segment;
    }

    public static void putTrip(String externalId, String customerExternalId, String bookingReference,
                               List<Map<String, Object>> segments) {
        given().auth().oauth2(Tokens.opsImport())
                .contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", customerExternalId, "bookingReference", bookingReference,
                        "segments", segments))
                .when().put("/api/ingest/trips/{id}", externalId)
                .then().statusCode(201);
    }

    public static void putServiceEvent(String externalId, String customerExternalId, String type, String category,
                                       String summary, String status, Instant occurredAt) {
        given().auth().oauth2(Tokens.opsImport())
                .contentType(ContentType.JSON)
                .body(Map.of("customerExternalId", customerExternalId, "type", type, "category", category,
                        "summary", summary, "status", status, "occurredAt", occurredAt.toString()))
                .when().put("/api/ingest/service-events/{id}", externalId)
                .then().statusCode(201);
    }
}
