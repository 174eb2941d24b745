package io.touchpoint.recognition.photo;

import io.restassured.response.ValidatableResponse;
import io.touchpoint.recognition.support.Images;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@RecognitionServiceTest
class PhotoTest {

    private static final String SECRET = "Zyxwv Hidden Beach 12.34N";
    private final Portal customer = Portal.newCustomer();

    /** A photo exists only under this consent (PhotoConsentTest); given to a role the tests below never ask as. */
    @BeforeEach
    void consentsToRecognitionByPhoto() {
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("lounge-host"), List.of());
    }

    private ValidatableResponse upload(byte[] body, String contentType) {
        return customer.as().contentType(contentType).body(body).when().put("/api/me/photo").then();
    }

    private byte[] stored() {
        return customer.as().when().get("/api/me/photo").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aJpegIsStoredWithoutItsMetadataOrTrailingData() throws IOException {
        byte[] trailer = ("MotionPhoto GPS " + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] planted = Images.jpegWithMetadata(300, 400, SECRET);
        upload(concat(planted, trailer), "image/jpeg")
                .statusCode(200).body("mediaType", equalTo("image/jpeg")).body("width", is(300)).body("height", is(400));

        byte[] stored = stored();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Zyxwv", "Exif", "Comment");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("MotionPhoto");
    }

    @Test
    void aPngIsReEncodedWithoutItsTextChunks() {
        upload(Images.pngWithText(128, 128, SECRET), "image/png").statusCode(200).body("mediaType", equalTo("image/png"));

        assertThat(new String(stored(), StandardCharsets.ISO_8859_1)).doesNotContain("Zyxwv", "tEXt");
    }

    static Stream<Arguments> disguisedOrUnsuitable() {
        byte[] jpeg = Images.jpeg(200, 200);
        return Stream.of(
                Arguments.of("a script declared as JPEG", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "image/jpeg", "not a JPEG or PNG"),
                Arguments.of("a GIF declared as PNG", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1), "image/png", "not a JPEG or PNG"),
                Arguments.of("a PDF declared as JPEG", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.ISO_8859_1), "image/jpeg", "not a JPEG or PNG"),
                Arguments.of("a truncated JPEG", Arrays.copyOf(jpeg, 40), "image/jpeg", ""),
                Arguments.of("JPEG magic then garbage", concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, new byte[500]), "image/jpeg", ""),
                Arguments.of("too small", Images.png(10, 10), "image/png", "between 64 and 2048"),
                Arguments.of("too wide", Images.png(3000, 64), "image/png", "between 64 and 2048"),
                Arguments.of("empty", new byte[0], "image/jpeg", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedOrUnsuitable")
    void disguisedOrUnsuitableUploadsAreRefusedAndNothingIsStored(String what, byte[] body, String type, String detail) {
        upload(body, type).statusCode(400).contentType("application/problem+json").body("detail", containsString(detail));

        customer.as().when().get("/api/me/photo").then().statusCode(404);
    }

    @Test
    void aNonImageContentTypeIsUnsupported() {
        upload(Images.jpeg(100, 100), "text/plain").statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aPhotoOverFiveMegabytesIsRefused() {
        byte[] big = concat(Images.jpeg(100, 100), new byte[6 * 1024 * 1024]);

        upload(big, "image/jpeg").statusCode(413).contentType("application/problem+json");
    }

    @Test
    void staffLearnOfThePhotoOnlyUnderARecognitionByPhotoConsentAndNotAfterWithdrawal() {
        upload(Images.jpeg(200, 200), "image/jpeg").statusCode(200);
        customer.recognisedBy("gate-agent", "GATE/A12", "recognition-by-photo").body("photo", nullValue());

        String consent = customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());

        customer.recognisedBy("gate-agent", "GATE/A12", "recognition-by-photo").body("photo.available", is(true))
                .body("photo.receiptId", notNullValue());
        customer.recognisedBy("cabin-crew", "CABIN/LH123", "recognition-by-photo").body("photo", nullValue());

        customer.withdraw(consent).statusCode(200);
        customer.recognisedBy("gate-agent", "GATE/A12", "recognition-by-photo").body("photo", nullValue());
    }

    @Test
    void noStaffRouteServesThePhotoItself() {
        // Staff are told that a photo exists; the gateway never fetched one, so no unrecorded path hands it out.
        upload(Images.jpeg(200, 200), "image/jpeg").statusCode(200);
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());
        customer.recognisedBy("gate-agent", "GATE/A12", "recognition-by-photo").body("photo.available", is(true));

        given().auth().oauth2(Tokens.relayedStaff("staff-4711", "gate-agent"))
                .header("X-Acting-Role", "gate-agent")
                .header("X-Touchpoint", "GATE/A12").header("X-Purpose", "recognition-by-photo")
                .contentType("application/json").body(Map.of("customerId", customer.customerId().toString()))
                .when().post("/api/recognitions/photo").then()
                .statusCode(404).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(containsString("JFIF")));
    }

    @Test
    void recognitionHonoursTheContractTheGatewayReadsIt() {
        upload(Images.jpeg(200, 200), "image/jpeg").statusCode(200);
        customer.setPreferences(Map.of("seat.position", "aisle")).statusCode(200);
        customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());

        String actual = customer.recognisedBy("gate-agent", "GATE/A12", "personalised-service,recognition-by-photo")
                .statusCode(200).extract().asString();

        assertThat(io.touchpoint.testsupport.Contracts.violations(io.touchpoint.testsupport.Contracts.RECOGNITION, actual)).isEmpty();
    }

    /** The gateway's portal asks with HEAD whether there is a photo: the status of the GET, without the image. */
    @Test
    void headSaysWhetherThereIsAPhotoWithoutSendingIt() {
        customer.as().when().head("/api/me/photo").then().statusCode(404);
        upload(Images.jpeg(200, 200), "image/jpeg").statusCode(200);

        byte[] body = customer.as().when().head("/api/me/photo").then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();

        assertThat(body).isEmpty();
    }

    @Test
    void aDeletedPhotoIsGoneForStaffToo() {
        upload(Images.jpeg(200, 200), "image/jpeg").statusCode(200);
        customer.grantAndGetConsentId("recognition-by-photo", List.of("photo"), List.of("gate-agent"), List.of());

        customer.as().when().delete("/api/me/photo").then().statusCode(204);

        customer.recognisedBy("gate-agent", "GATE/A12", "recognition-by-photo").body("photo", nullValue());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
