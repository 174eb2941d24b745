package io.touchpoint.recognition.web;

import io.touchpoint.recognition.support.Images;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the portal and recognition with distinctive values, good and bad, and reads every log line. */
@RecognitionServiceTest
class LogPrivacyTest {

    private static final String NEWSPAPER = "Quokka Gazette";
    private static final String SECRET = "Wombat Secret Place";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
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

        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("POST /api/recognitions -> 200"));
        assertThat(String.join("\n", lines)).doesNotContain(NEWSPAPER, "Quokka", "exit-row", "walking-aid", SECRET,
                customer.customerId().toString(), "staff-4711");
    }
}
