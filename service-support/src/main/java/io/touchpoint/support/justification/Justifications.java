package io.touchpoint.support.justification;

import io.touchpoint.support.web.TextSafety;

/**
 * What a valid break-glass justification is, for every service that takes one (the gateway and profile-service
 * check the same text with this one rule). Leading and trailing white space is not part of the reason: it is
 * removed first ({@link #normalise}), and the rest must be 30 to 2,000 characters as a person counts them (Unicode
 * code points, so an emoji counts once, not as its two UTF-16 units) with no control character but line breaks
 * and tabs, and no unpaired surrogate. Pure.
 */
public final class Justifications {

    public static final int MIN = 30;
    public static final int MAX = 2000;
    public static final String RULE = "must explain the look in 30 to 2000 characters, without control characters";

    private Justifications() {
    }

    /** The text as it is checked, forwarded, hashed and kept: without white space around it. Null stays null. */
    public static String normalise(String text) {
        return text == null ? null : text.strip();
    }

    /** Whether the text, once normalised, is a justification; null is not. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String normalised = normalise(text);
        int characters = normalised.codePointCount(0, normalised.length());
        return characters >= MIN && characters <= MAX && TextSafety.isSafe(normalised);
    }
}
