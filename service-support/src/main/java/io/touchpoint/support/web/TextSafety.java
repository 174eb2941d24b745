package io.touchpoint.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses control characters (NUL above all, which PostgreSQL cannot store) and unpaired surrogates (which UTF-8
 * cannot encode, so they would be stored as '?') in every JSON string, so such input is a 400 naming the field
 * instead of a database error or silently changed text. Duplicate keys in an object are refused too: parsers
 * disagree on which one wins, and a check and a use must never read different values.
 */
@Singleton
public class TextSafety implements ObjectMapperCustomizer {

    static final String RULE = "must not contain control characters";
    static final String UNICODE_RULE = "must be valid Unicode (no unpaired surrogates)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("touchpoint-text-safety").addDeserializer(String.class, new SafeString()));
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Whether text from any source (a form field as much as JSON) is free of control characters and unpaired surrogates. */
    public static boolean isSafe(String value) {
        return !hasControlCharacter(value) && !hasUnpairedSurrogate(value);
    }

    static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static final class SafeString extends StdScalarDeserializer<String> {

        SafeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && hasControlCharacter(value)) {
                throw context.weirdStringException(value, String.class, RULE);
            }
            if (value != null && hasUnpairedSurrogate(value)) {
                throw context.weirdStringException(value, String.class, UNICODE_RULE);
            }
            return value;
        }
    }
}
