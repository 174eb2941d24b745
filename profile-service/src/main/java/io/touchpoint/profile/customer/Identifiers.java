package io.touchpoint.profile.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides what a well-formed identifier is and how it is stored, so that an identifier
 * typed at a touchpoint matches the one an operational system imported.
 */
public final class Identifiers {

    private static final Pattern LOYALTY_NUMBER = Pattern.compile("[A-Z0-9]{4,20}");
    private static final Pattern BOOKING_REFERENCE = Pattern.compile("[A-Z0-9]{5,7}");

    private Identifiers() {
    }

    /** Loyalty numbers are printed with spaces or dashes; booking references are typed in any case. */
    public static String normalise(IdentifierType type, String value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case LOYALTY_NUMBER -> value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            case BOOKING_REFERENCE -> value.strip().toUpperCase(Locale.ROOT);
            case BOARDING_PASS -> value;
        };
    }

    /** Whether a normalised loyalty number or booking reference has its type's shape. */
    public static boolean isWellFormed(IdentifierType type, String normalised) {
        return switch (type) {
            case LOYALTY_NUMBER -> LOYALTY_NUMBER.matcher(normalised).matches();
            case BOOKING_REFERENCE -> BOOKING_REFERENCE.matcher(normalised).matches();
            case BOARDING_PASS -> !normalised.isBlank();
        };
    }

    public static String rule(IdentifierType type) {
        return switch (type) {
            case LOYALTY_NUMBER -> "a loyalty number is 4 to 20 letters or digits (spaces and dashes are ignored)";
            case BOOKING_REFERENCE -> "a booking reference is 5 to 7 letters or digits";
            case BOARDING_PASS -> "a boarding pass is the full IATA BCBP barcode string";
        };
    }
}
