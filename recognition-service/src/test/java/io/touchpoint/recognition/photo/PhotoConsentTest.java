package io.touchpoint.recognition.photo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.recognition.consent.ConsentEvaluation;
import io.touchpoint.recognition.consent.ConsentEvent;
import io.touchpoint.recognition.support.Images;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Rule 5: a photo exists only under a current recognition-by-photo consent. */
@RecognitionServiceTest
class PhotoConsentTest {

    private static final String PHOTO = "recognition-by-photo";

    @Inject
    PhotoConsent photos;

    private final Portal customer = Portal.newCustomer();

    private ValidatableResponse upload() {
        return customer.as().contentType("image/jpeg").body(Images.jpeg(200, 200)).when().put("/api/me/photo").then();
    }

    private long stored() {
        return QuarkusTransaction.requiringNew().call(() -> CustomerPhoto.count("customerId", customer.customerId()));
    }

    /** What a gate agent's card learns about the photo (staff are told that one exists, never sent it). */
    private ValidatableResponse photoForAGateAgent() {
        return customer.recognisedBy("gate-agent", "GATE/A12", PHOTO).statusCode(200);
    }

    @Test
    void aPhotoWithoutARecognitionByPhotoConsentIsRefusedAndNothingIsStored() {
        upload().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:touchpoint:problem:photo-consent-required"))
                .body("detail", containsString(PHOTO));

        customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        upload().statusCode(409);

        String withdrawn = customer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("gate-agent"), List.of());
        customer.withdraw(withdrawn).statusCode(200);
        upload().statusCode(409);

        assertThat(stored()).isZero();
        customer.as().when().get("/api/me/photo").then().statusCode(404);
    }

    @Test
    void withdrawingTheConsentDeletesThePhoto() {
        String consent = customer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("gate-agent"), List.of());
        upload().statusCode(200);
        photoForAGateAgent().body("photo.available", equalTo(true));

        customer.withdraw(consent).statusCode(200);

        assertThat(stored()).isZero();
        customer.as().when().get("/api/me/photo").then().statusCode(404);
        photoForAGateAgent().body("photo", nullValue());
    }

    @Test
    void withdrawingOneOfTwoPhotoConsentsKeepsThePhotoForTheOther() {
        String gate = customer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("gate-agent"), List.of());
        customer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("lounge-host"), List.of());
        upload().statusCode(200);

        customer.withdraw(gate).statusCode(200);

        assertThat(stored()).isOne();
        photoForAGateAgent().body("photo", nullValue());
        customer.recognisedBy("lounge-host", "LOUNGE/L1", PHOTO).statusCode(200).body("photo.available", equalTo(true));
        customer.as().when().get("/api/me/photo").then().statusCode(200);
    }

    @Test
    void anExpiredConsentMeansThePhotoIsNeverServedAndTheSweepDeletesIt() throws InterruptedException {
        // A consent granted a year ago that ends in two seconds: the photo is uploaded while it still stands.
        Instant ends = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MICROS);
        recordPhotoGrant(customer.customerId(), Instant.now().minus(365, ChronoUnit.DAYS), ends);
        upload().statusCode(200);
        Thread.sleep(Math.max(0, ends.toEpochMilli() - System.currentTimeMillis()) + 200);

        customer.as().when().get("/api/me/photo").then().statusCode(404);
        photoForAGateAgent().body("photo", nullValue());
        assertThat(stored()).as("kept until the sweep, but never served").isOne();

        assertThat(photos.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(stored()).isZero();
    }

    @Test
    void theSweepKeepsPhotosUnderACurrentConsent() {
        customer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("gate-agent"), List.of());
        upload().statusCode(200);

        photos.sweep();

        assertThat(stored()).isOne();
        photoForAGateAgent().body("photo.available", equalTo(true));
    }

    @Test
    void anUploadRacingTheWithdrawalNeverLeavesAPhotoBehindIt() throws Exception {
        // The customer uploads while withdrawing in another tab. Each round shifts one against the other (from the
        // withdrawal 40 ms ahead to 110 ms behind), so the withdrawal lands before the upload's consent check,
        // between the check and the insert (while the image is re-encoded), and after. Whatever the order: once
        // the withdrawal committed, no photo exists.
        byte[] large = Images.jpeg(1024, 1024);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> leftBehind = new ArrayList<>();
        try {
            for (int round = 0; round < 32; round++) {
                Portal racer = Portal.newCustomer();
                String consent = racer.grantAndGetConsentId(PHOTO, List.of("photo"), List.of("gate-agent"), List.of());
                long withdrawalLagMillis = round % 16 * 10L - 40;
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> upload = threads.submit(() -> {
                    start.await();
                    Thread.sleep(Math.max(0, -withdrawalLagMillis));
                    return racer.as().contentType("image/jpeg").body(large).when().put("/api/me/photo").then().extract().statusCode();
                });
                Future<Integer> withdrawal = threads.submit(() -> {
                    start.await();
                    Thread.sleep(Math.max(0, withdrawalLagMillis));
                    return racer.withdraw(consent).extract().statusCode();
                });

                assertThat(withdrawal.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                assertThat(upload.get(30, TimeUnit.SECONDS)).as("stored or refused, never a server error").isIn(200, 409);
                long photos = QuarkusTransaction.requiringNew().call(() -> CustomerPhoto.count("customerId", racer.customerId()));
                if (photos > 0) {
                    leftBehind.add("round " + round + " (withdrawal " + withdrawalLagMillis + " ms after the upload)");
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(leftBehind).as("photos that outlived their consent's withdrawal").isEmpty();
    }

    private static void recordPhotoGrant(UUID customerId, Instant at, Instant expires) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentEvent event = new ConsentEvent();
            event.id = UUID.randomUUID();
            event.customerId = customerId;
            event.consentId = UUID.randomUUID();
            event.kind = ConsentEvaluation.Kind.GRANT;
            event.purposeKey = PHOTO;
            event.noticeVersion = 1;
            event.categories = "photo";
            event.roles = "gate-agent";
            event.touchpointTypes = "";
            event.recordedAt = at.truncatedTo(ChronoUnit.MICROS);
            event.expiresAt = expires;
            event.channel = ConsentEvent.Channel.PORTAL;
            event.persist();
        });
    }
}
