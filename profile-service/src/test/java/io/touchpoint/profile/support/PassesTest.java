package io.touchpoint.profile.support;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' boarding passes stay byte for byte what the card and parser tests were written against. */
class PassesTest {

    @Test
    void aPassWithMandatoryItemsOnlyIsPinned() {
        assertThat(Passes.pass("MULLERLUDENSCHEIDT", "ZOE", "ABC123", LocalDate.of(2026, 11, 23)))
                .isEqualTo("M1MULLERLUDENSCHEIDT/ZEABC123 YULFRAAC 0834 327J001A0025 100");
        assertThat(Passes.pass("Quarring", "Z", "XY7Q2K", LocalDate.of(2026, 1, 5)))
                .isEqualTo("M1Quarring/Z          EXY7Q2K YULFRAAC 0834 005J001A0025 100");
        assertThat(Passes.pass("QUIBBLESWORTH", "XYLOPHONIA", "PNR9", LocalDate.of(2028, 12, 31)))
                .isEqualTo("M1QUIBBLESWORTH/XYLOPHEPNR9   YULFRAAC 0834 366J001A0025 100");
    }

    @Test
    void aPassWithAFrequentFlyerNumberIsPinned() {
        assertThat(Passes.passWithFrequentFlyer("MULLERLUDENSCHEIDT", "ZOE", "NOPNR1", LocalDate.of(2026, 11, 23), "TP12345678"))
                .isEqualTo("M1MULLERLUDENSCHEIDT/ZENOPNR1 YULFRAAC 0834 327J001A0025 130>6002A0141234567890 1AC AC TP12345678       20KY");
        assertThat(Passes.passWithFrequentFlyer("LE", "ABCDEFGHIJKLMNOPQ", "NOPNR2", LocalDate.of(2026, 2, 1), "AC9876543210ABCD"))
                .isEqualTo("M1LE/ABCDEFGHIJKLMNOPQENOPNR2 YULFRAAC 0834 032J001A0025 130>6002A0141234567890 1AC AC AC9876543210ABCD 20KY");
    }
}
