package io.touchpoint.profile.support;

import io.touchpoint.testsupport.BcbpEncoder;
import io.touchpoint.testsupport.BcbpEncoder.Leg;

import java.time.LocalDate;

/** Boarding passes for test passengers: one leg, YUL to FRA on AC 834, seat 1A (layout checked in BcbpParserTest). */
public final class Passes {

    private Passes() {
    }

    public static String pass(String surname, String givenName, String bookingReference, LocalDate flightDate) {
        return BcbpEncoder.encode(leg(surname, givenName, bookingReference, flightDate));
    }

    /** With a version 6 conditional section carrying the frequent flyer number. */
    public static String passWithFrequentFlyer(String surname, String givenName, String bookingReference,
                                               LocalDate flightDate, String frequentFlyerNumber) {
        return BcbpEncoder.encodeWithFrequentFlyer(leg(surname, givenName, bookingReference, flightDate), frequentFlyerNumber);
    }

    private static Leg leg(String surname, String givenName, String bookingReference, LocalDate flightDate) {
        return new Leg(surname, givenName, bookingReference, "YUL", "FRA", "AC", 834, flightDate, 'J', "1A", 25);
    }
}
