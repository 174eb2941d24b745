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
 * Refuses control characters (NUL above all, which PostgreSQL cannot store) in every JSON string, so such
 * input is a 400 naming the field instead of a database error.
 */
@Singleton
public class TextSafety implements ObjectMapperCustomizer {

    static final String RULE = "must not contain control characters";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("touchpoint-text-safety").addDeserializer(String.class, new SafeString()));
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
            return value;
        }
    }
}
