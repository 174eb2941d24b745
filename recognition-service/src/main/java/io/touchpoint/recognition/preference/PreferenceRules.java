package io.touchpoint.recognition.preference;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a value fits its catalogue definition. Pure; the one place values are checked. */
public final class PreferenceRules {

    /** Letters (any script), digits, spaces and light punctuation; no markup, no control characters. */
    private static final Pattern SAFE_TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'()&/-]*");

    private PreferenceRules() {
    }

    /** @return why the value does not fit, or empty when it does */
    public static Optional<String> problem(String key, boolean isEnum, Set<String> allowed, Integer maxLength, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(key + ": a value is required");
        }
        if (isEnum) {
            return allowed.contains(value) ? Optional.empty()
                    : Optional.of(key + ": must be one of " + allowed.stream().sorted().toList());
        }
        if (value.length() > maxLength) {
            return Optional.of(key + ": must be at most " + maxLength + " characters");
        }
        if (!SAFE_TEXT.matcher(value).matches()) {
            return Optional.of(key + ": may contain letters, digits, spaces and . , ' ( ) & / - only");
        }
        return Optional.empty();
    }
}
