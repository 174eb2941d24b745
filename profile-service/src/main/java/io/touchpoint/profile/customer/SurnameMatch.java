package io.touchpoint.profile.customer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides whether a surname presented at a touchpoint (typed, or printed on a boarding pass in upper-case
 * ASCII and possibly cut short) is the customer's family name.
 */
public final class SurnameMatch {

    private static final int MIN_TRUNCATED_LENGTH = 10;

    private SurnameMatch() {
    }

    /**
     * @param mayBeTruncated true when the presented surname comes from a full BCBP name field, where the
     *                       airline cut the name to fit 20 characters
     */
    public static boolean matches(String familyName, String presented, boolean mayBeTruncated) {
        if (familyName == null || presented == null) {
            return false;
        }
        String stored = fold(familyName);
        String given = fold(presented);
        if (given.isEmpty()) {
            return false;
        }
        if (stored.equals(given)) {
            return true;
        }
        return mayBeTruncated && given.length() >= MIN_TRUNCATED_LENGTH && stored.startsWith(given);
    }

    /** Upper case, accents removed, letters only: "Müller-Lüdenscheidt" and "MULLERLUDENSCHEIDT" compare equal. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "")
                .replace("ß", "SS")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]", "");
    }
}
