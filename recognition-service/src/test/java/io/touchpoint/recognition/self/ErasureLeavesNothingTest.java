package io.touchpoint.recognition.self;

import io.touchpoint.recognition.support.Images;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.ErasureSweep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;

/**
 * After a customer's erasure recognition-service's database holds nothing that identifies them beyond the
 * survivors docs/erasure.md lists: no preference value, no photo byte. Every table is read, so a new one is covered.
 */
@RecognitionServiceTest
class ErasureLeavesNothingTest {

    private final Portal customer = Portal.newCustomer();

    @Test
    void afterErasureNoColumnOfAnyTableHoldsTheCustomerBeyondTheDocumentedSurvivors() {
        String newspaper = "Gazette " + Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()), 36);
        String address = "Baroness " + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
        customer.setPreferences(Map.of("newspaper", newspaper, "address.form", address, "seat.position", "aisle")).statusCode(200);
        customer.grantAndGetConsentId("personalised-service", List.of("reading", "address", "seat"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());
        customer.as().contentType("image/png").body(Images.png(128, 96)).when().put("/api/me/photo").then().statusCode(200);
        byte[] photo = customer.as().when().get("/api/me/photo").then().statusCode(200).extract().asByteArray();
        ErasureSweep.Needles needles = new ErasureSweep.Needles(Map.of("newspaper", newspaper, "form of address", address),
                Map.of("photo", photo), customer.customerId());
        assertThat(ErasureSweep.traces(needles)).extracting(ErasureSweep.Trace::toString)
                .as("the sweep sees everything before erasure, so its silence afterwards means something")
                .contains("newspaper in customer_preference.value", "photo in customer_photo.content",
                        "pseudonymous id in customer_preference.customer_id", "pseudonymous id in customer_photo.customer_id");

        customer.eraseThroughTheGateway().statusCode(200);

        List<ErasureSweep.Trace> left = ErasureSweep.traces(needles);
        assertThat(left).filteredOn(t -> !t.what().equals("pseudonymous id")).isEmpty();
        assertThat(left).extracting(ErasureSweep.Trace::column).isSubsetOf(ErasureSweep.documentedSurvivors("recognition-service"));
        assertThat(ErasureSweep.tables()).contains("customer_preference", "customer_photo", "consent_event");
        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service,recognition-by-photo").statusCode(200)
                .body("preferences", empty()).body("photo", nullValue());
    }
}
