package io.touchpoint.profile.support;

import io.touchpoint.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls the card projection endpoint as the staff-gateway does: a gate agent's own token, exchanged for this service. */
public final class Staff {

    private Staff() {
    }

    public static ValidatableResponse project(Map<String, String> presented) {
        return given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent"))
                .header("X-Acting-Role", "gate-agent")
                .header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON)
                .body(Map.of("presented", presented))
                .when().post("/api/card-projections")
                .then();
    }

    public static Map<String, String> loyalty(String number) {
        return Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", number);
    }

    public static Map<String, String> booking(String reference, String surname) {
        return Map.of("type", "BOOKING_REFERENCE", "bookingReference", reference, "surname", surname);
    }

    public static Map<String, String> boardingPass(String barcode) {
        return Map.of("type", "BOARDING_PASS", "barcode", barcode);
    }
}
