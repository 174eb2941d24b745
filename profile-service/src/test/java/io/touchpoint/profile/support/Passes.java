package io.touchpoint.profile.support;

import java.time.LocalDate;

/** Builds IATA BCBP strings for test passengers (layout checked against the IATA examples in BcbpParserTest). */
public final class Passes {

    private Passes() {
    }

    public static String pass(String surname, String givenName, String bookingReference, LocalDate flightDate) {
        return mandatory(surname, givenName, bookingReference, flightDate) + "00";
    }

    /** With a version 6 conditional section carrying the frequent flyer number. */
    public static String passWithFrequentFlyer(String surname, String givenName, String bookingReference,
                                               LocalDate flightDate, String frequentFlyerNumber) {
        String repeated = "014" + "1234567890" + " " + "1" + "AC " + "AC " + pad(frequentFlyerNumber, 16) + " " + "20K" + "Y";
        String conditional = ">6" + "00" + "2A" + repeated;
        return mandatory(surname, givenName, bookingReference, flightDate)
                + String.format("%02X", conditional.length()) + conditional;
    }

    private static String mandatory(String surname, String givenName, String bookingReference, LocalDate flightDate) {
        String name = surname + "/" + givenName;
        return "M1" + pad(name.length() > 20 ? name.substring(0, 20) : name, 20) + "E" + pad(bookingReference, 7)
                + "YULFRA" + "AC " + "0834 " + String.format("%03d", flightDate.getDayOfYear()) + "J" + "001A" + "0025 " + "1";
    }

    private static String pad(String value, int width) {
        return String.format("%-" + width + "s", value);
    }
}
