package io.touchpoint.testsupport;

import io.touchpoint.testsupport.BcbpEncoder.Leg;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder writes exactly the barcodes the demo generator and the profile tests printed before they shared it
 * (pinned there too, in DemoGeneratorTest and PassesTest), field by field.
 */
class BcbpEncoderTest {

    @Test
    void theMandatoryItemsAreWrittenInTheirFixedWidths() {
        Leg leg = new Leg("QUILLFEATHER", "ADA", "K6A8ZY", "YVR", "ZRH", "TP", 216, LocalDate.of(2026, 11, 24), 'Y', "25D", 2);

        assertThat(BcbpEncoder.encode(leg)).isEqualTo("M1QUILLFEATHER/ADA    EK6A8ZY YVRZRHTP 0216 328Y025D0002 100");
    }

    @Test
    void aNameLongerThanItsTwentyCharactersIsCutAndNothingIsUpperCased() {
        assertThat(BcbpEncoder.encode(new Leg("KESTRELCOMBE-THORNLEIGH", "WENARAIEL", "Q7XK2M", "YUL", "CDG", "TP", 7,
                LocalDate.of(2026, 3, 1), 'F', "1A", 1)))
                .isEqualTo("M1KESTRELCOMBE-THORNLEEQ7XK2M YULCDGTP 0007 060F001A0001 100");
        assertThat(BcbpEncoder.encode(new Leg("Quarring", "Z", "XY7Q2K", "YUL", "FRA", "AC", 834,
                LocalDate.of(2026, 1, 5), 'J', "1A", 25)))
                .isEqualTo("M1Quarring/Z          EXY7Q2K YULFRAAC 0834 005J001A0025 100");
    }

    @Test
    void aFrequentFlyerNumberTravelsInAVersion6ConditionalSection() {
        Leg leg = new Leg("MULLERLUDENSCHEIDT", "ZOE", "NOPNR1", "YUL", "FRA", "AC", 834, LocalDate.of(2026, 11, 23), 'J', "1A", 25);

        assertThat(BcbpEncoder.encodeWithFrequentFlyer(leg, "TP12345678"))
                .isEqualTo("M1MULLERLUDENSCHEIDT/ZENOPNR1 YULFRAAC 0834 327J001A0025 130>6002A0141234567890 1AC AC TP12345678       20KY");
    }
}
