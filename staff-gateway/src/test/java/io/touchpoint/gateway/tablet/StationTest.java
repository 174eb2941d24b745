package io.touchpoint.gateway.tablet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StationTest {

    @Test
    void aStationSurvivesItsCookie() {
        Station station = Station.parse("GATE/A12", "gate-agent", "tablet-1").orElseThrow();

        assertThat(Station.fromCookie(station.toCookie())).contains(station);
        assertThat(station.label()).isEqualTo("Gate A12");
    }

    @Test
    void aTamperedCookieIsNoStation() {
        assertThat(Station.fromCookie(null)).isEmpty();
        assertThat(Station.fromCookie("GATE%2FA12%7Cgate-agent")).as("a part missing").isEmpty();
        assertThat(Station.fromCookie("GATE%2FA12%7Cadmin%7Ctablet-1")).as("not a staff role").isEmpty();
        assertThat(Station.fromCookie("gate%2Fa12%7Cgate-agent%7Ctablet-1")).as("not a touchpoint").isEmpty();
        assertThat(Station.fromCookie("GATE%2FA12%7Cgate-agent%7C%3Cscript%3E")).as("not a device name").isEmpty();
        assertThat(Station.fromCookie("%ZZ")).isEmpty();
    }

    private static final io.touchpoint.gateway.look.LookPolicy LOOKS = io.touchpoint.gateway.look.LookPolicy.load(
            StationTest.class.getResourceAsStream("/look-policy.yaml"));

    private static java.util.List<String> offered(java.util.List<String> roles, java.util.List<String> assigned) {
        return Station.offers(LOOKS, roles, assigned).stream().map(Station.Offer::name).toList();
    }

    @Test
    void theTabletOffersOnlyTheTouchpointTypesTheMembersRolesMayActAt() {
        assertThat(offered(java.util.List.of("gate-agent"), java.util.List.of())).containsExactly("GATE");
        assertThat(offered(java.util.List.of("check-in-agent"), java.util.List.of())).containsExactly("CHECK_IN");
        assertThat(offered(java.util.List.of("gate-agent", "lounge-host"), java.util.List.of())).containsExactly("GATE", "LOUNGE");
        assertThat(offered(java.util.List.of("supervisor"), java.util.List.of())).containsExactly("GATE", "CHECK_IN", "LOUNGE", "CABIN");
    }

    @Test
    void aCurrentAssignmentNarrowsTheOfferToItsType() {
        assertThat(offered(java.util.List.of("supervisor"), java.util.List.of("LOUNGE/L1"))).containsExactly("LOUNGE");
        assertThat(offered(java.util.List.of("gate-agent"), java.util.List.of("LOUNGE/L1"))).as("assigned where the role may not act").isEmpty();
    }

    @Test
    void aStationIsLabelledInTheSharedTouchpointNames() {
        assertThat(Station.parse("CHECK_IN/D4", "check-in-agent", "tablet-1").orElseThrow().label()).isEqualTo("Check-in desk D4");
    }
}
