package io.touchpoint.profile.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.profile.support.ProfileServiceTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@ProfileServiceTest
class HealthAndOpenApiTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessAnswers() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Every operation has a summary and an example, in its body schema or its own examples. */
    @Test
    void everyOperationIsDocumentedWithAnExample() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (op.path("summary").asText().isBlank()) {
                    undocumented.add(name + " has no summary");
                }
                if (!hasExample(api, op)) {
                    undocumented.add(name + " has no example");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(7);
        assertThat(undocumented).isEmpty();
    }

    private static boolean hasExample(JsonNode api, JsonNode node) {
        return containsExample(api, node, 0);
    }

    private static boolean containsExample(JsonNode api, JsonNode node, int depth) {
        if (node == null || depth > 8) {
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
