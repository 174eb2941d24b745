package io.touchpoint.profile.web;

import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.testsupport.OpenApiDocs;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyOperationIsDocumentedWithAnExample() {
        OpenApiDocs.Report report = OpenApiDocs.check(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(report.operations()).isGreaterThanOrEqualTo(7);
        assertThat(report.faults()).isEmpty();
    }
}
