package io.touchpoint.merkle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values log entries are made of: objects with members sorted
 * by UTF-16 code units (Java's String order), no whitespace, strings escaped only where JSON requires, integers
 * in plain decimal. Anyone can recompute an entry's bytes, and so its hash, from its fields.
 */
public final class CanonicalJson {

    /** Instants in entries: UTC, microseconds, always the same width, so the bytes do not depend on the value. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Integers beyond this lose precision in IEEE 754, which RFC 8785 numbers are. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    public static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        value(out, object);
        return out.toString();
    }

    /** The canonical text of an instant ({@code 2026-11-23T10:15:30.123456Z}); null stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    public static byte[] bytes(Map<String, ?> object) {
        return write(object).getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Integer i -> out.append(i);
            case Long l when Math.abs(l) <= MAX_SAFE_INTEGER -> out.append(l);
            case Boolean b -> out.append(b);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, list.get(i));
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> member : new TreeMap<>(map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, (String) member.getKey());
                    out.append(':');
                    value(out, member.getValue());
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not canonicalisable: " + value.getClass().getSimpleName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
