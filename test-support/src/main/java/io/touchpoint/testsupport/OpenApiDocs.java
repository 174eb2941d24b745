package io.touchpoint.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks an OpenAPI document: every operation has a summary, and an example somewhere in what it exchanges. */
public final class OpenApiDocs {

    private OpenApiDocs() {
    }

    public record Report(int operations, List<String> faults) {
    }

    public static Report check(String openApiJson) {
        JsonNode api;
        try {
            api = new ObjectMapper().readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (operation.getValue().path("summary").asText().isBlank()) {
                    faults.add(name + " has no summary");
                }
                if (exchangesContent(operation.getValue()) && !containsExample(api, operation.getValue(), 0)) {
                    faults.add(name + " has no example");
                }
            }
        }
        return new Report(operations, faults);
    }

    /** An operation with neither a request body nor response content (a 204 DELETE) has nothing to exemplify. */
    private static boolean exchangesContent(JsonNode operation) {
        if (operation.has("requestBody")) {
            return true;
        }
        for (JsonNode response : operation.path("responses")) {
            if (response.has("content")) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsExample(JsonNode api, JsonNode node, int depth) {
        if (node == null || depth > 20) {
            return false;
        }
        if (node.has("example") || node.has("examples")) {
            return true;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText().replace("#/components/schemas/", "");
            return containsExample(api, api.path("components").path("schemas").path(ref), depth + 1);
        }
        for (JsonNode child : node) {
            if (containsExample(api, child, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
