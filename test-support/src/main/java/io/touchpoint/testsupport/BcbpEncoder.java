package io.touchpoint.testsupport;

import java.time.LocalDate;

/**
 * Writes IATA BCBP barcodes (Resolution 792, format M, one leg) for synthetic passengers: the tests' boarding passes
 * and the demo generator's, from this one encoder. profile-service's {@code BcbpParser} reads them; its tests check
 * the layout against the IATA examples, and the demo generator's test parses every pass it prints.
 */
public final class BcbpEncoder {

    private BcbpEncoder() {
    }

    /**
     * One flight leg and its passenger, as the mandatory items carry them.
     *
     * @param surname      as printed (not upper-cased here); with the given name, cut to the field's 20 characters
     * @param flightNumber up to four digits, zero-padded
     * @param compartment  the IATA compartment code: F, J, W, Y
     * @param seat         row and letter, such as {@code 1A} or {@code 23C}
     * @param sequence     the check-in sequence number
     */
    public record Leg(String surname, String givenName, String bookingReference, String origin, String destination,
                      String carrier, int flightNumber, LocalDate flightDate, char compartment, String seat, int sequence) {
    }

    /** The mandatory items only, with an empty conditional section. */
    public static String encode(Leg leg) {
        return mandatory(leg) + "00";
    }

    /**
     * With a version 6 conditional section whose repeated items carry a frequent flyer number in the operating
     * carrier's own programme (the other conditional items are fixed, plausible values).
     */
    public static String encodeWithFrequentFlyer(Leg leg, String frequentFlyerNumber) {
        String carrier = pad(leg.carrier(), 3);
        String repeated = "014" + "1234567890" + " " + "1" + carrier + carrier + pad(frequentFlyerNumber, 16) + " " + "20K" + "Y";
        String conditional = ">6" + "00" + hex(repeated.length()) + repeated;
        return mandatory(leg) + hex(conditional.length()) + conditional;
    }

    private static String mandatory(Leg leg) {
        String name = leg.surname() + "/" + leg.givenName();
        String row = leg.seat().replaceAll("[A-Z]", "");
        String letter = leg.seat().replaceAll("[0-9]", "");
        return "M1" + pad(name.length() > 20 ? name.substring(0, 20) : name, 20) + "E" + pad(leg.bookingReference(), 7)
                + leg.origin() + leg.destination() + pad(leg.carrier(), 3) + pad(String.format("%04d", leg.flightNumber()), 5)
                + String.format("%03d", leg.flightDate().getDayOfYear()) + leg.compartment()
                + String.format("%03d%s", Integer.parseInt(row), letter)
                + String.format("%04d ", leg.sequence())
                + "1"; // passenger status: checked in
    }

    private static String hex(int length) {
        return String.format("%02X", length);
    }

    private static String pad(String value, int width) {
        return String.format("%-" + width + "s", value);
    }
}
