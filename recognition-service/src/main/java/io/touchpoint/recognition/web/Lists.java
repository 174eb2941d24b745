package io.touchpoint.recognition.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The comma-separated lists the catalogue and the ledger store. */
public final class Lists {

    private Lists() {
    }

    public static Set<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String join(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }
}
