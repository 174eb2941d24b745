package io.touchpoint.support.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON document in the client's terms: the JSON path and what was expected.
 * Never echoes the input (it may hold personal data) and never names Java classes.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        return describe(e, "");
    }

    /** @param root where the document sits in a larger one, e.g. "record" for an import line's record */
    public static String describe(JsonProcessingException e, String root) {
        String at = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String joined = root.isEmpty() ? at : at.isEmpty() ? root : at.startsWith("[") ? root + at : root + "." + at;
        String where = joined.isEmpty() ? "the body" : joined;
        String refused = refusedText(e);
        if (refused != null) {
            return where + ": " + refused;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json && json.getOriginalMessage() != null
                    && json.getOriginalMessage().startsWith("Duplicate field")) {
                return "The body names a field twice" + location(json.getLocation()) + "; each field may appear once.";
            }
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException syntax) {
            return "The body is not well-formed JSON" + location(syntax.getLocation()) + ".";
        }
        return switch (e) {
            case UnrecognizedPropertyException u -> where + ": is not a known field";
            case InvalidTypeIdException t -> where + ": must name one of the accepted types" + subtypes(t.getBaseType().getRawClass());
            case InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    where + ": must be one of " + Arrays.toString(f.getTargetType().getEnumConstants());
            case MismatchedInputException m when m.getTargetType() != null && m.getTargetType().isEnum() ->
                    where + ": must be one of " + Arrays.toString(m.getTargetType().getEnumConstants());
            case MismatchedInputException m when m.getTargetType() != null ->
                    where + ": must be " + expected(m.getTargetType());
            case JsonMappingException m -> where + ": could not be read";
            case StreamConstraintsException c -> "The body exceeds a JSON limit (nesting depth, number or string length).";
            default -> "The body is not well-formed JSON" + location(e.getLocation()) + ".";
        };
    }

    /** TextSafety's refusal, however Jackson wrapped it on the way out of a record's constructor; null if none. */
    private static String refusedText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json && json.getOriginalMessage() != null) {
                for (String rule : new String[]{TextSafety.RULE, TextSafety.UNICODE_RULE}) {
                    if (json.getOriginalMessage().endsWith(rule)) {
                        return rule;
                    }
                }
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String subtypes(Class<?> base) {
        JsonSubTypes types = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        if (types == null) {
            return "";
        }
        return " (" + Arrays.stream(types.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", ")) + ")";
    }

    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp such as 2026-11-22T21:45:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
