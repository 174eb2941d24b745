package io.touchpoint.gateway;

import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.OpenApiDocs;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health and the API document; who may call what is web.SecurityMatrixTest, as in the other services. */
@GatewayTest
class GatewayApiTest {

    @Test
    void readyOnlyWithItsDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void everyOperationIsDocumentedWithAnExample() {
        OpenApiDocs.Report report = OpenApiDocs.check(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(report.operations()).isGreaterThanOrEqualTo(4);
        assertThat(report.faults()).isEmpty();
    }
}
