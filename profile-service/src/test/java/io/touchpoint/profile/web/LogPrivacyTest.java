package io.touchpoint.profile.web;

import io.restassured.http.ContentType;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.Passes;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.LogCapture;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;

/** Drives every endpoint with distinctive personal data, good and malformed, and reads every log line. */
@ProfileServiceTest
class LogPrivacyTest {

    private static final String GIVEN = "Xylophonia";
    private static final String FAMILY = "Quibblesworth";
    private static final String PRONUNCIATION = "KWIB-uls-worth";
    private static final String SUMMARY = "Wheelchair left behind at Zanzibar";

    private LogCapture log;

    @BeforeEach
    void captureEveryLogRecord() {
        log = LogCapture.everyLogger();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void noNameIdentifierBarcodeOrFreeTextReachesTheLog() {
        String externalId = Fixtures.externalId("crm");
        String loyalty = Fixtures.loyaltyNumber();
        String booking = Fixtures.bookingReference();
        String barcode = Passes.pass(FAMILY.toUpperCase(), GIVEN.toUpperCase(), booking, LocalDate.now(ZoneOffset.UTC));
        var record = Fixtures.customer(GIVEN, FAMILY, identifier("LOYALTY_NUMBER", loyalty),
                identifier("BOOKING_REFERENCE", booking));
        record.put("namePronunciation", PRONUNCIATION);
        UUID customerId = Fixtures.putCustomer(externalId, record);
        Fixtures.putServiceEvent(Fixtures.externalId("case"), externalId, "COMPLAINT", "assistance", SUMMARY, "OPEN",
                Instant.now().minus(1, ChronoUnit.DAYS));

        Staff.project(Staff.loyalty(loyalty)).statusCode(200);
        Staff.project(Staff.booking(booking, FAMILY)).statusCode(200);
        Staff.project(Staff.boardingPass(barcode)).statusCode(200);
        Staff.project(Staff.booking(booking, FAMILY + "x")).statusCode(404);
        Staff.project(Staff.boardingPass(barcode.replace("YULFRA", "YUL999"))).statusCode(400);
        Staff.project(Staff.loyalty(loyalty + "-" + FAMILY)).statusCode(404);
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body("{\"givenName\":\"" + GIVEN + "\",\"familyName\":{\"x\":\"" + FAMILY + "\"}}")
                .when().put("/api/ingest/customers/{id}", externalId).then().statusCode(400);
        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body("{\"givenName\":\"" + GIVEN + "\",\"familyName\":\"" + FAMILY + "\",\"tier\":\"" + FAMILY + "\"}")
                .when().put("/api/ingest/customers/{id}", externalId).then().statusCode(400);
        given().auth().oauth2(Tokens.opsImport()).contentType("application/x-ndjson")
                .body(("{\"kind\":\"customer\",\"externalId\":\"" + externalId + "\",\"record\":{\"givenName\":\"" + GIVEN
                        + "\",\"familyName\":\"" + FAMILY + "\",\"tier\":\"GOLD\",\"identifiers\":[{\"type\":\"LOYALTY_NUMBER\",\"value\":\""
                        + loyalty + "\"}]}}\n{\"kind\":\"customer\",\"externalId\":\"" + FAMILY + " " + GIVEN + "\"}\n" + FAMILY)
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ingest/imports").then().statusCode(200);
        given().auth().oauth2(Tokens.customer(customerId)).when().get("/api/me/export").then().statusCode(200);
        Fixtures.eraseThroughTheGateway(customerId).statusCode(200);

        log.assertSomeLineContains("POST /api/card-projections -> 200");
        log.assertNoneReachedTheLog(GIVEN, FAMILY, FAMILY.toUpperCase(), PRONUNCIATION,
                SUMMARY, loyalty, booking, barcode.substring(0, 30), customerId.toString(),
                "staff-4711"); // the acting staff member: the gateway's access record holds who, not the log
    }
}
