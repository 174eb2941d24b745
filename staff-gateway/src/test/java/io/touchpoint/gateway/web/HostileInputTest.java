package io.touchpoint.gateway.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every operation of the OpenAPI document (cards, break-glass search, staff assignments, the customer's and the
 * compliance API, the trail) is a 4xx problem or works, never a 500 or a hang.
 */
@GatewayTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersHostileInputWithAClientErrorProblemOrWorks() {
        List<HostileInput.Operation> operations = HostileInput.operations(
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
        HostileInput.Report report = HostileInput.sweep(base, operations,
                HostileInput.bearers("gate-agent", "supervisor", "customer", "compliance-auditor", "ops-import"));

        assertThat(report.faults()).isEmpty();
        // Every probe came from a caller the operation admits, so it reached the code under test.
        assertThat(report.statuses()).doesNotContainKey(401).containsKey(400);
    }
}
