package io.touchpoint.recognition.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.HostileInput;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input on every operation of the OpenAPI document is a 4xx problem or works, never a 500 or a hang. */
@RecognitionServiceTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    /** A gate agent's own token, exchanged by the gateway for this service (ADR 0015), with the acting headers. */
    private static Map<String, String> actingGateway() {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + Tokens.relayedStaff("staff-4711", "gate-agent")));
        headers.putAll(Map.of("X-Acting-Role", "gate-agent", "X-Touchpoint", "GATE/A12", "X-Purpose", "personalised-service"));
        return headers;
    }

    @Test
    void everyOperationAnswersHostileInputWithAClientErrorProblemOrWorks() {
        List<HostileInput.Operation> operations = HostileInput.operations(
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        HostileInput.Report report = HostileInput.sweep(base, operations,
                List.of(HostileInput.bearer("customer"), HostileInput.bearer("ops-import"), actingGateway(),
                        // erasure: the customer's token relayed by the gateway starts it, the gateway's own completes it
                        Map.of("Authorization", "Bearer " + Tokens.relayedCustomer(UUID.randomUUID())),
                        Map.of("Authorization", "Bearer " + Tokens.gateway()),
                        HostileInput.bearer("compliance-auditor")));

        assertThat(report.faults()).isEmpty();
        // Every probe came from a caller the operation admits, so it reached the code under test.
        assertThat(report.statuses()).doesNotContainKey(401).containsKey(400);
    }
}
