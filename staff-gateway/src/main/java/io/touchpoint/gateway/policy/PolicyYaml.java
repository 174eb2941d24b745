package io.touchpoint.gateway.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/** Reading a policy document (the scope policy, the look policy): YAML that must be one mapping. */
public final class PolicyYaml {

    private PolicyYaml() {
    }

    /**
     * The document's root mapping; anything else is refused through {@code invalid}, naming what is wrong.
     *
     * @param shape what the document must hold, e.g. "version, fields and roles"
     */
    public static JsonNode read(InputStream yaml, String shape, Function<String, ? extends RuntimeException> invalid) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JacksonException e) {
            throw invalid.apply("it is not valid YAML (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw invalid.apply("it could not be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid.apply("it must be a document with " + shape);
        }
        return root;
    }
}
