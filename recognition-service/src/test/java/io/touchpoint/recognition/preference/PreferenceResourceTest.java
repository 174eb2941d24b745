package io.touchpoint.recognition.preference;

import io.restassured.http.ContentType;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@RecognitionServiceTest
class PreferenceResourceTest {

    private final Portal customer = Portal.newCustomer();

    @Test
    void setsReadsAndRemovesPreferences() {
        customer.setPreferences(Map.of("seat.position", "window", "newspaper", "Le Devoir")).statusCode(200)
                .body("key", contains("newspaper", "seat.position"))
                .body("find { it.key == 'seat.position' }.source", equalTo("PORTAL"));
        Map<String, String> removeNewspaper = new HashMap<>();
        removeNewspaper.put("newspaper", null);

        customer.setPreferences(removeNewspaper).statusCode(200).body("key", contains("seat.position"));
    }

    @Test
    void anUnknownKeyOrInvalidValueIsRefusedNamingEveryKeyAndNothingIsStored() {
        customer.setPreferences(Map.of("seat.position", "on-the-wing", "shoe.size", "44", "meal.dietary", "vegan"))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("seat.position: must be one of [aisle, exit-row, front, window]"))
                .body("detail", containsString("shoe.size: is not in the preference catalogue"));

        customer.as().when().get("/api/me/preferences").then().body("$", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "'; DROP TABLE customer_preference; --", "${jndi:ldap://x/a}",
            "Le Monde\nSet-Cookie: a=b", "{{7*7}}"})
    void injectionStringsInFreeTextAreRefusedAndNothingIsStored(String hostile) {
        customer.setPreferences(Map.of("newspaper", hostile)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("newspaper: may contain letters, digits"))
                .body(not(containsString("DROP TABLE")));

        customer.as().when().get("/api/me/preferences").then().body("$", empty());
    }

    @Test
    void freeTextLongerThanTheCatalogueAllowsIsRefused() {
        customer.setPreferences(Map.of("newspaper", "A".repeat(61))).statusCode(400)
                .body("detail", equalTo("newspaper: must be at most 60 characters"));
    }

    @Test
    void aTenMegabytePayloadIsRefusedWithPayloadTooLarge() {
        customer.as().contentType(ContentType.JSON)
                .body("{\"preferences\":{\"newspaper\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}}")
                .when().patch("/api/me/preferences")
                .then().statusCode(413).contentType("application/problem+json");
        customer.as().when().get("/api/me/preferences").then().body("$", empty());
    }

    @Test
    void aBadEnumValueTypeIsAClearProblem() {
        customer.as().contentType(ContentType.JSON).body("{\"preferences\":{\"seat.position\":[\"aisle\"]}}")
                .when().patch("/api/me/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("preferences.seat.position"));
    }

    @Test
    void customersOnlyEverSeeTheirOwnPreferences() {
        customer.setPreferences(Map.of("meal.dietary", "halal")).statusCode(200);
        Portal other = Portal.newCustomer();

        other.as().queryParam("customerId", customer.customerId()).when().get("/api/me/preferences")
                .then().statusCode(200).body("$", empty());
        other.setPreferences(Map.of("meal.dietary", "kosher")).statusCode(200);
        customer.as().when().get("/api/me/preferences").then().body("value", contains("halal")).body("$", hasSize(1));
    }
}
