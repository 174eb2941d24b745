package io.touchpoint.profile.bcbp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The example passes are IATA Resolution 792 examples (Attachment B and Appendix B of the implementation
 * guide, editions 5 and 6) and redacted real passes, as published in the test suites of public BCBP parsers.
 */
class BcbpParserTest {

    private static final LocalDate SCAN_DATE = LocalDate.of(2026, 11, 22); // day 326

    /** IATA example 1: the 60-character minimum, mandatory items only. */
    static final String MANDATORY_ONLY = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100";

    /** IATA (edition 5) single leg with every field, frequent flyer number, airline use and security data. */
    static final String ALL_FIELDS = "M1DESMARAIS/LUC       EAB12C3 YULFRAAC 0834 326J003A0027 167>5321WW1325BAC 0014123456002001412346700100141234789012A0141234567890 1AC AC 1234567890123    4PCYLX58Z^108ABCDEFGH";

    /** IATA (edition 6) example 2: two legs, conditional items on both, airline use on both, security. */
    static final String TWO_LEGS = "M2DESMARAIS/LUC       EABC123 YULFRAAC 0834 226F001A0025 14D>6181WW6225BAC 00141234560032A0141234567890 1AC AC 1234567890123    20KYLX58ZDEF456 FRAGVALH 3664 227C012C0002 12E2A0140987654321 1AC AC 1234567890123    2PCNWQ^164GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GEQ3DF5TGBN8709HKT5D3DW3GBHFCVHMY7J5T6HFR41W2QA4DVN5J8K4F0L0GE";

    /** IATA (edition 5) two legs, partial: unique size 00, blank frequent flyer on leg 2. */
    static final String TWO_LEGS_PARTIAL = "M2GRANDMAIRE/MELANIE  EABC123 GVACDGAF 0123 339C002F0025 130>5002A0571234567890  AF AF 1234567890123456    YDEF456 CDGDTWNW 0049 339F001A0002 12C2A012098765432101                       2PC ^108ABCDEFGH";

    /** Implementation guide appendix B 1.2 (KL): conditional sections cut short (unique 03, repeated 0D). */
    static final String TRUNCATED_CONDITIONAL = "M1TEST/PETER          E24Z5RN AMSBRUKL 1733 019M008A0001 316>503  W0D0742497067621";

    /** Appendix B 2.1 (UA kiosk), version 3: no fast-track item, airline use with trailing spaces. */
    static final String VERSION_3_KIOSK = "M1ASKREN/TEST         EA272SL ORDNRTUA 0881 007F002K0303 15C>3180 K6007BUA              2901624760758980 UA UA EY975897            *30600    09  UAG    ";

    /** A real pass with a repeated section that ends right after the frequent flyer number. */
    static final String REAL_SHORT_REPEATED = "M1MROZ/MARTIN         EXXXXXX SJCLAXAS 3317 207U001A0006 34D>218 VV8207BAS              2502771980993865 AS AS XXXXX55200000000Z29  00010";

    /** A real pass with blank compartment, seat and sequence, and a long airline-use field. */
    static final String REAL_BLANK_SEAT = "M1Mroz/Martin         EXXXXXX YVRYOWAC 0344 211          072>20B0  8203IAC 250140000000000 0AC AC AC000000000     *20000AC 223                14080003068        0B          N";

    @Test
    void parsesTheSixtyCharacterMinimumPass() {
        BoardingPass pass = BcbpParser.parse(MANDATORY_ONLY, SCAN_DATE);

        assertThat(pass.surname()).isEqualTo("DESMARAIS");
        assertThat(pass.givenName()).isEqualTo("LUC");
        assertThat(pass.nameTruncated()).isFalse();
        assertThat(pass.electronicTicket()).isTrue();
        assertThat(pass.version()).isNull();
        assertThat(pass.securityType()).isNull();
        assertThat(pass.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.bookingReference()).isEqualTo("ABC123");
            assertThat(leg.origin()).isEqualTo("YUL");
            assertThat(leg.destination()).isEqualTo("FRA");
            assertThat(leg.operatingCarrier()).isEqualTo("AC");
            assertThat(leg.flightNumber()).isEqualTo("834");
            assertThat(leg.flightDate()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(leg.compartment()).isEqualTo("J");
            assertThat(leg.seat()).isEqualTo("1A");
            assertThat(leg.checkInSequence()).isEqualTo("0025");
            assertThat(leg.passengerStatus()).isEqualTo('1');
            assertThat(leg.frequentFlyerNumber()).isNull();
        });
    }

    @Test
    void readsConditionalItemsFrequentFlyerNumberAndSecuritySection() {
        BoardingPass pass = BcbpParser.parse(ALL_FIELDS, SCAN_DATE);

        assertThat(pass.version()).isEqualTo(5);
        assertThat(pass.issueDate()).isEqualTo(LocalDate.of(2021, 11, 21)); // "1325": a year ending in 1, day 325
        assertThat(pass.securityType()).isEqualTo("1");
        BoardingPass.Leg leg = pass.legs().getFirst();
        assertThat(leg.bookingReference()).isEqualTo("AB12C3");
        assertThat(leg.seat()).isEqualTo("3A");
        assertThat(leg.marketingCarrier()).isEqualTo("AC");
        assertThat(leg.frequentFlyerAirline()).isEqualTo("AC");
        assertThat(leg.frequentFlyerNumber()).isEqualTo("1234567890123");
    }

    @Test
    void parsesEveryLegOfAMultiLegPass() {
        BoardingPass pass = BcbpParser.parse(TWO_LEGS, LocalDate.of(2026, 8, 14));

        assertThat(pass.version()).isEqualTo(6);
        assertThat(pass.legs()).extracting(BoardingPass.Leg::bookingReference, BoardingPass.Leg::origin,
                        BoardingPass.Leg::destination, BoardingPass.Leg::operatingCarrier, BoardingPass.Leg::flightNumber,
                        BoardingPass.Leg::seat, BoardingPass.Leg::frequentFlyerNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ABC123", "YUL", "FRA", "AC", "834", "1A", "1234567890123"),
                        org.assertj.core.groups.Tuple.tuple("DEF456", "FRA", "GVA", "LH", "3664", "12C", "1234567890123"));
        assertThat(pass.legs()).extracting(BoardingPass.Leg::flightDate)
                .containsExactly(LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 15));
    }

    @Test
    void blankConditionalItemsOnALaterLegAreAbsentNotBlank() {
        BoardingPass pass = BcbpParser.parse(TWO_LEGS_PARTIAL, SCAN_DATE);

        assertThat(pass.surname()).isEqualTo("GRANDMAIRE");
        assertThat(pass.legs().get(0).frequentFlyerNumber()).isEqualTo("1234567890123456");
        assertThat(pass.legs().get(1).frequentFlyerNumber()).isNull();
        assertThat(pass.legs().get(1).marketingCarrier()).isNull();
        assertThat(pass.securityType()).isEqualTo("1");
    }

    @Test
    void acceptsConditionalSectionsCutShortByTheirSizes() {
        BoardingPass pass = BcbpParser.parse(TRUNCATED_CONDITIONAL, SCAN_DATE);

        assertThat(pass.version()).isEqualTo(5);
        assertThat(pass.issueDate()).isNull();
        assertThat(pass.legs().getFirst().frequentFlyerNumber()).isNull();
        assertThat(pass.legs().getFirst().flightNumber()).isEqualTo("1733");
    }

    @Test
    void readsOlderVersionsAndRealPasses() {
        assertThat(BcbpParser.parse(VERSION_3_KIOSK, SCAN_DATE).legs().getFirst())
                .returns("EY975897", BoardingPass.Leg::frequentFlyerNumber)
                .returns("2K", BoardingPass.Leg::seat);
        assertThat(BcbpParser.parse(REAL_SHORT_REPEATED, SCAN_DATE).legs().getFirst())
                .returns("XXXXX55200000000", BoardingPass.Leg::frequentFlyerNumber);
        BoardingPass blankSeat = BcbpParser.parse(REAL_BLANK_SEAT, SCAN_DATE);
        assertThat(blankSeat.surname()).isEqualTo("Mroz");
        assertThat(blankSeat.legs().getFirst())
                .returns(null, BoardingPass.Leg::seat)
                .returns(null, BoardingPass.Leg::compartment)
                .returns(null, BoardingPass.Leg::checkInSequence)
                .returns("AC000000000", BoardingPass.Leg::frequentFlyerNumber);
    }

    @Test
    void flagsASurnameThatFillsTheWholeNameFieldAsPossiblyTruncated() {
        String pass = "M1VANDERBERGHEMONTEBEL" + MANDATORY_ONLY.substring(22);

        assertThat(BcbpParser.parse(pass, SCAN_DATE).nameTruncated()).isTrue();
    }

    @Test
    void aSurnameEndedByASlashIsCompleteEvenWhenTheFieldIsFull() {
        String pass = "M1LE/ABCDEFGHIJKLMNOPQ" + MANDATORY_ONLY.substring(22);

        BoardingPass parsed = BcbpParser.parse(pass, SCAN_DATE);

        assertThat(parsed.surname()).isEqualTo("LE");
        assertThat(parsed.nameTruncated()).isFalse();
    }

    static Stream<Arguments> julianDates() {
        return Stream.of(
                Arguments.of("326", LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 22)),
                // A late-December flight scanned in early January belongs to the previous year ...
                Arguments.of("365", LocalDate.of(2027, 1, 2), LocalDate.of(2026, 12, 31)),
                // ... and an early-January flight scanned in late December to the next one.
                Arguments.of("002", LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2)),
                // Day 366 exists only in leap years: scanned at the end of 2027, the nearest one is in 2028.
                Arguments.of("366", LocalDate.of(2027, 12, 31), LocalDate.of(2028, 12, 31)));
    }

    @ParameterizedTest
    @MethodSource("julianDates")
    void resolvesTheJulianFlightDateToTheDateNearestTheScan(String day, LocalDate scanned, LocalDate expected) {
        String pass = MANDATORY_ONLY.substring(0, 44) + day + MANDATORY_ONLY.substring(47);

        assertThat(BcbpParser.parse(pass, scanned).legs().getFirst().flightDate()).isEqualTo(expected);
    }

    static Stream<Arguments> malformedPasses() {
        String m = MANDATORY_ONLY;
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("one character", "M", "before the number of legs"),
                Arguments.of("wrong format code", "S" + m.substring(1), "format code"),
                Arguments.of("zero legs", "M0" + m.substring(2), "number of legs"),
                Arguments.of("five legs", "M5" + m.substring(2), "number of legs"),
                Arguments.of("leg count not a digit", "MX" + m.substring(2), "number of legs"),
                Arguments.of("more legs than encoded", "M2" + m.substring(2), "before the leg 2 booking reference"),
                Arguments.of("blank name", "M1" + " ".repeat(20) + m.substring(22), "passenger name"),
                Arguments.of("name with digits", "M1DESMARAIS/LUC1      " + m.substring(22), "passenger name"),
                Arguments.of("name without surname", "M1/LUC                " + m.substring(22), "passenger name"),
                Arguments.of("bad e-ticket indicator", m.substring(0, 22) + "X" + m.substring(23), "electronic ticket"),
                Arguments.of("blank booking reference", m.substring(0, 23) + "       " + m.substring(30), "booking reference"),
                Arguments.of("booking reference with punctuation", m.substring(0, 23) + "AB-123 " + m.substring(30), "booking reference"),
                Arguments.of("lower-case airport", m.substring(0, 30) + "yul" + m.substring(33), "from airport"),
                Arguments.of("airport with a digit", m.substring(0, 33) + "FR1" + m.substring(36), "to airport"),
                Arguments.of("one-letter carrier", m.substring(0, 36) + "A  " + m.substring(39), "operating carrier"),
                Arguments.of("flight number letters", m.substring(0, 39) + "AB12 " + m.substring(44), "flight number"),
                Arguments.of("blank flight number", m.substring(0, 39) + "     " + m.substring(44), "flight number"),
                Arguments.of("day 000", m.substring(0, 44) + "000" + m.substring(47), "flight date"),
                Arguments.of("day 367", m.substring(0, 44) + "367" + m.substring(47), "flight date"),
                Arguments.of("day with spaces", m.substring(0, 44) + "  1" + m.substring(47), "flight date"),
                Arguments.of("digit compartment", m.substring(0, 47) + "1" + m.substring(48), "compartment"),
                Arguments.of("seat with punctuation", m.substring(0, 48) + "01-A" + m.substring(52), "seat number"),
                Arguments.of("seat without letter", m.substring(0, 48) + "0012" + m.substring(52), "seat number"),
                Arguments.of("check-in sequence punctuation", m.substring(0, 52) + "00#5 " + m.substring(57), "check-in sequence"),
                Arguments.of("passenger status punctuation", m.substring(0, 57) + "?" + m.substring(58), "passenger status"),
                Arguments.of("variable size not hex", m.substring(0, 58) + "0G", "two hexadecimal digits"),
                Arguments.of("variable size beyond the end", m.substring(0, 58) + "10", "declares 16 characters but only 0"),
                Arguments.of("data after the last leg", m + "XYZ", "data after the last leg"),
                Arguments.of("size 00 followed by conditional data", m + ">5002A0571234567890", "data after the last leg"),
                Arguments.of("unique section larger than the leg", m.substring(0, 58) + "04>5FF", "declares 255 characters but only 0"),
                Arguments.of("repeated section larger than the leg", m.substring(0, 58) + "06>500FF", "declares 255 characters but only 0"),
                Arguments.of("unique size not hex", m.substring(0, 58) + "04>5ZZ", "two hexadecimal digits"),
                Arguments.of("version not a digit", m.substring(0, 58) + "02>X", "version number"),
                Arguments.of("issue date not digits", m.substring(0, 58) + "0B>507  WABCD", "date of issue"),
                Arguments.of("issue date day 000", m.substring(0, 58) + "0B>507  W6000", "date of issue"),
                Arguments.of("security length beyond the end", m + "^1FF" + "A".repeat(10), "declares 255 characters but only 10"),
                Arguments.of("data after the security section", m + "^102ABXYZ", "after the security section"),
                Arguments.of("security without length", m + "^1", "before the length of security data"),
                Arguments.of("non-ASCII character", m.substring(0, 2) + "DÉSMARAIS/LUC       " + m.substring(22), "not printable ASCII"),
                Arguments.of("control character", m.substring(0, 59) + "\n", "not printable ASCII"),
                Arguments.of("far too long", m + "^1" + "FF" + "A".repeat(1000), "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPasses")
    void rejectsMalformedPassesNamingTheFault(String shape, String barcode, String messagePart) {
        assertThatThrownBy(() -> BcbpParser.parse(barcode, SCAN_DATE))
                .isInstanceOf(BcbpFormatException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> BcbpParser.parse(null, SCAN_DATE)).isInstanceOf(BcbpFormatException.class);
    }

    @Test
    void errorMessagesNeverEchoTheBarcodeContent() {
        String withBadDate = "M1ZQXWYVUTSR/KJHGF    EQZX9W7 YULFRAAC 0834 999J001A0025 100";

        Throwable error = catchThrowable(() -> BcbpParser.parse(withBadDate, SCAN_DATE));

        assertThat(error).isInstanceOf(BcbpFormatException.class);
        assertThat(error.getMessage()).doesNotContain("ZQXWYVUTSR", "KJHGF", "QZX9W7", "999");
    }

    /** Seeded, so a failure reproduces; thousands of shapes no hand-written case thought of. */
    static Stream<String> randomAndMutatedPasses() {
        Random random = new Random(20261123);
        List<String> valid = List.of(MANDATORY_ONLY, ALL_FIELDS, TWO_LEGS, TWO_LEGS_PARTIAL, TRUNCATED_CONDITIONAL,
                VERSION_3_KIOSK, REAL_SHORT_REPEATED, REAL_BLANK_SEAT);
        Stream<String> randomText = Stream.generate(() -> printable(random, random.nextInt(400))).limit(1000);
        Stream<String> randomTails = Stream.generate(() -> "M1" + printable(random, random.nextInt(200))).limit(1000);
        Stream<String> cut = valid.stream().flatMap(pass -> IntStream.range(0, pass.length()).mapToObj(n -> pass.substring(0, n)));
        Stream<String> mutated = Stream.generate(() -> {
            String pass = valid.get(random.nextInt(valid.size()));
            int at = random.nextInt(pass.length());
            return pass.substring(0, at) + (char) (' ' + random.nextInt(95)) + pass.substring(at + 1);
        }).limit(5000);
        return Stream.of(randomText, randomTails, cut, mutated).flatMap(s -> s);
    }

    @Test
    void anyInputEitherParsesOrIsRejectedAsMalformedNeverAnotherException() {
        randomAndMutatedPasses().forEach(barcode -> {
            try {
                BoardingPass pass = BcbpParser.parse(barcode, SCAN_DATE);
                assertThat(pass.legs()).hasSizeBetween(1, 4);
                assertThat(pass.surname()).isNotBlank();
            } catch (BcbpFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    private static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }
}
