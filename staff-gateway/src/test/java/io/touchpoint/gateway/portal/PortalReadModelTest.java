package io.touchpoint.gateway.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import io.touchpoint.gateway.support.DownstreamStubs;
import io.touchpoint.gateway.support.GatewayTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portal's read of recognition-service: five reads sent together, a photo asked about and never downloaded. */
@GatewayTest
class PortalReadModelTest {

    private static final int DELAY_MS = 1500;

    @Inject
    PortalReadModel portal;

    @DownstreamStubs.Inject
    WireMockServer downstream;

    /** Each customer's stubs answer only their own token, so tests sharing the stub server never see each other's. */
    private String stubRecognition(boolean photo) {
        String bearer = "Bearer portal-" + UUID.randomUUID();
        downstream.stubFor(get(urlEqualTo("/api/catalogue")).withHeader("Authorization", equalTo(bearer)).willReturn(okJson("""
                {"preferences": [
                   {"key": "seat", "category": "seat", "label": "Seat", "valueType": "ENUM", "allowedValues": ["window", "aisle"], "specialCategory": false},
                   {"key": "drink", "category": "drink", "label": "Drink", "valueType": "TEXT", "maxLength": 60, "specialCategory": false}],
                 "purposes": [
                   {"key": "personalised-service", "categories": ["seat", "drink"], "specialCategory": false, "maxDurationMonths": 24,
                    "currentNotice": {"version": 3, "language": "en", "title": "Personalised service", "text": "Staff may see..."}},
                   {"key": "recognition-by-photo", "categories": [], "specialCategory": false, "maxDurationMonths": 12,
                    "currentNotice": {"version": 1, "language": "en", "title": "Recognition by photo", "text": "Staff may see your photo"}}]}
                """).withFixedDelay(DELAY_MS)));
        downstream.stubFor(get(urlEqualTo("/api/me/preferences")).withHeader("Authorization", equalTo(bearer)).willReturn(okJson("""
                [{"key": "seat", "category": "seat", "label": "Seat", "value": "aisle", "specialCategory": false}]
                """).withFixedDelay(DELAY_MS)));
        downstream.stubFor(get(urlEqualTo("/api/me/consents")).withHeader("Authorization", equalTo(bearer)).willReturn(okJson("""
                {"active": [{"consentId": "5b7c1c1e-4f7e-4a61-9d43-2c0a3b4f6e11", "purpose": "personalised-service", "noticeVersion": 3,
                             "categories": ["seat"], "roles": [], "touchpointTypes": [], "grantedAt": "2026-11-01T10:00:00Z",
                             "expiresAt": "2028-11-01T10:00:00Z", "state": "ACTIVE", "expiringSoon": false, "receipts": []}],
                 "expiringSoon": [], "past": []}
                """).withFixedDelay(DELAY_MS)));
        downstream.stubFor(get(urlEqualTo("/api/me/preview")).withHeader("Authorization", equalTo(bearer)).willReturn(okJson("""
                [{"role": "gate-agent", "touchpointType": "GATE", "preferences": [{"key": "seat", "category": "seat", "value": "aisle"}], "photo": false},
                 {"role": "lounge-host", "touchpointType": "LOUNGE", "preferences": [{"key": "seat", "category": "seat", "value": "aisle"}], "photo": false}]
                """).withFixedDelay(DELAY_MS)));
        downstream.stubFor(head(urlEqualTo("/api/me/photo")).withHeader("Authorization", equalTo(bearer))
                .willReturn(photo ? aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withFixedDelay(DELAY_MS)
                        : aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withFixedDelay(DELAY_MS)));
        downstream.stubFor(get(urlEqualTo("/api/me/photo")).withHeader("Authorization", equalTo(bearer))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(new byte[64 * 1024])));
        return bearer;
    }

    private List<LoggedRequest> requestsOf(String bearer) {
        return downstream.findAll(anyRequestedFor(urlPathMatching("/api/.*")).withHeader("Authorization", equalTo(bearer)));
    }

    @Test
    void theFiveReadsGoOutTogetherSoThePageWaitsForTheSlowestNotTheSum() {
        String bearer = stubRecognition(true);

        PortalReadModel.Recognition read = portal.read(bearer);

        List<LoggedRequest> requests = requestsOf(bearer);
        assertThat(requests).hasSize(5);
        // Sent one after another, each would leave at least one answer's delay after the one before.
        LongSummaryStatistics sent = requests.stream().mapToLong(r -> r.getLoggedDate().getTime()).summaryStatistics();
        assertThat(sent.getMax() - sent.getMin()).isLessThan(DELAY_MS);
        assertThat(read.fields()).extracting(f -> f.definition().key() + "=" + f.value()).containsExactly("seat=aisle", "drink=null");
        assertThat(read.purposes()).extracting(p -> p.purpose().key() + ":" + (p.active() == null ? "none" : p.active().state()))
                .containsExactly("personalised-service:ACTIVE", "recognition-by-photo:none");
        assertThat(read.purposes().getFirst().staffRoles()).contains("gate-agent", "supervisor");
        assertThat(read.photo()).isTrue();
    }

    @Test
    void whetherAPhotoExistsIsAskedWithoutDownloadingIt() {
        String bearer = stubRecognition(true);

        assertThat(portal.read(bearer).photo()).isTrue();

        assertThat(requestsOf(bearer)).filteredOn(r -> r.getUrl().equals("/api/me/photo"))
                .extracting(LoggedRequest::getMethod).containsExactly(RequestMethod.HEAD);
    }

    @Test
    void noPhotoIsNoPhotoAndTheRestIsStillShown() {
        String bearer = stubRecognition(false);

        PortalReadModel.Recognition read = portal.read(bearer);

        assertThat(read.photo()).isFalse();
        assertThat(read.fields()).hasSize(2);
    }

    @Test
    void eachRolesPreviewShowsOnlyWhatItsScopeShowsOnTheCard() {
        String bearer = stubRecognition(false);

        List<Portal.RolePreview> previews = portal.read(bearer).previews();

        // The seat preference is in the gate agent's scope, not in the lounge host's (scope-policy.yaml).
        assertThat(previews).extracting(p -> p.role() + ":" + p.preferences().size()).containsExactly("gate-agent:1", "lounge-host:0");
    }

    @Test
    void aRefusalReachesThePageWithItsStatus() {
        String bearer = stubRecognition(true);
        downstream.stubFor(get(urlEqualTo("/api/me/consents")).withHeader("Authorization", equalTo(bearer))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 401, \"title\": \"Unauthorized\"}")));

        assertThatThrownBy(() -> portal.read(bearer)).isInstanceOfSatisfying(DownstreamRefusal.class,
                refusal -> assertThat(refusal.status()).isEqualTo(401));
    }
}
