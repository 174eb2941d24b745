package io.touchpoint.recognition.web;

import io.touchpoint.recognition.support.Images;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Drives the portal and recognition with distinctive values, good and bad, and reads every log line. */
@RecognitionServiceTest
class LogPrivacyTest {

    private static final String NEWSPAPER = "Quokka Gazette";
    private static final String SECRET = "Wombat Secret Place";

    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.everyLogger();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void noPreferenceValueCustomerIdOrPhotoContentReachesTheLog() {
        Portal customer = Portal.newCustomer();
        customer.setPreferences(Map.of("newspaper", NEWSPAPER, "seat.position", "exit-row", "assistance.mobility", "walking-aid"))
                .statusCode(200);
        customer.setPreferences(Map.of("newspaper", NEWSPAPER + " <b>")).statusCode(400);
        customer.grantAndGetConsentId("personalised-service", List.of("reading", "seat"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("assistance-sharing", List.of("assistance"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());
        customer.as().contentType("image/jpeg").body(Images.jpegWithMetadata(100, 100, SECRET)).when().put("/api/me/photo")
                .then().statusCode(200);
        customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service,assistance-sharing").statusCode(200);
        customer.as().when().get("/api/me/preview").then().statusCode(200);
        customer.eraseThroughTheGateway().statusCode(200);

        log.assertSomeLineContains("POST /api/recognitions -> 200");
        log.assertNoneReachedTheLog(NEWSPAPER, "Quokka", "exit-row", "walking-aid", SECRET,
                customer.customerId().toString(), "staff-4711");
    }
}
