package io.touchpoint.recognition.web;

import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.OpenApiDocs;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@RecognitionServiceTest
class HealthAndOpenApiTest {

    @Test
    void readyOnlyWithItsDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void everyOperationIsDocumentedWithAnExample() {
        OpenApiDocs.Report report = OpenApiDocs.check(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(report.operations()).isGreaterThanOrEqualTo(9);
        assertThat(report.faults()).isEmpty();
    }
}
