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
}
