package io.touchpoint.gateway.tablet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFullCardReadsAsTheTabletShowsIt() throws Exception {
        JsonNode card = JSON.readTree("""
                {"requestId":"r1","fields":{
                  "greeting":{"preferredAddress":"Mr","givenName":"Luc","familyName":"Desmarais","pronunciation":"day-MAR-ay"},
                  "tier":"GOLD",
                  "itinerary":[{"carrier":"AC","flightNumber":"834","origin":"YUL","destination":"FRA",
                                "scheduledDeparture":"2026-11-23T14:35:00Z","seat":"1A"}],
                  "preference-seat":[{"key":"seat.position","value":"aisle"}],
                  "preference-assistance":[{"key":"mobility.assistance","value":"wheelchair-to-gate"}],
                  "booked-services":[{"flight":"AC834","specialMeal":"VGML","assistance":null}],
                  "service-recovery-flag":{"open":true,"mayApproach":true,"categories":["delayed-baggage"]}},
                 "notice":"This view was recorded."}""");

        CardView view = CardView.of(card);

        assertThat(view.greeting()).isEqualTo("Mr Desmarais");
        assertThat(view.pronunciation()).isEqualTo("day-MAR-ay");
        assertThat(view.flights()).singleElement().satisfies(f -> {
            assertThat(f.number()).isEqualTo("AC 834");
            assertThat(f.departs()).isEqualTo("Mon 23 Nov, 14:35 UTC");
            assertThat(f.seat()).isEqualTo("1A");
        });
        assertThat(view.preferences()).extracting(CardView.Chip::key).containsExactly("seat.position");
        assertThat(view.preferences()).extracting(CardView.Chip::label).containsExactly("Seat position: aisle");
        assertThat(view.assistance()).containsExactly("Mobility assistance: wheelchair to gate");
        assertThat(view.bookedServices()).containsExactly("AC834: meal VGML");
        assertThat(view.recovery()).isEqualTo("Open service recovery: delayed baggage");
        assertThat(view.preferencesUnavailable()).isFalse();
    }

    @Test
    void fieldsOutsideTheScopeAreSimplyAbsent() throws Exception {
        CardView view = CardView.of(JSON.readTree("""
                {"fields":{"greeting":{"preferredAddress":null,"givenName":"Ada","familyName":"Quillfeather","pronunciation":null}},
                 "preferencesUnavailable":true,"notice":"n"}"""));

        assertThat(view.greeting()).isEqualTo("Ada Quillfeather");
        assertThat(view.pronunciation()).isNull();
        assertThat(view.tier()).isNull();
        assertThat(view.flights()).isEmpty();
        assertThat(view.preferences()).isEmpty();
        assertThat(view.recovery()).isNull();
        assertThat(view.travelSummary()).isNull();
        assertThat(view.photo()).isFalse();
        assertThat(view.preferencesUnavailable()).isTrue();
    }

    @Test
    void withoutLeaveToApproachTheTabletSaysOnlyToLetTheCustomerRaiseIt() throws Exception {
        CardView view = CardView.of(JSON.readTree("""
                {"fields":{"service-recovery-flag":{"open":true,"mayApproach":false,"categories":[]}},"notice":"n"}"""));
        CardView unsaid = CardView.of(JSON.readTree("""
                {"fields":{"service-recovery-flag":{"open":true,"categories":["delayed-baggage"]}},"notice":"n"}"""));

        assertThat(view.recovery()).isEqualTo("Open service issue: let the customer raise it");
        assertThat(unsaid.recovery()).as("a flag that does not say staff may approach is read as saying they may not")
                .isEqualTo("Open service issue: let the customer raise it");
    }
}
