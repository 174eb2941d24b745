package io.touchpoint.gateway.audit;

import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Every compliance request is bounded: the report's period, the export's rows, the times a filter may name.
 * Beyond a bound the reviewer gets a 400 problem that says how to narrow the request (the test profile caps an
 * export at 50 records).
 */
@GatewayTest
class ComplianceBoundsTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AccessLog log;

    private static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.withRoles("auditor-1", "compliance-auditor"));
    }

    private void looks(String staff, int count) {
        for (int i = 0; i < count; i++) {
            log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), staff, "gate-agent", "tablet-1", "GATE/A1", UUID.randomUUID(),
                    "personalised-service", "2026-11-23.1", List.of("greeting"), List.of(), "SERVED", null, true));
        }
    }

    @Test
    void anUnusualAccessReportOverMoreThanAMonthIsRefusedWithAProblem() {
        auditor().queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/api/compliance/access-records/unusual")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:touchpoint:problem:period-too-long"))
                .body("detail", containsString("31 days"));
    }

    @Test
    void aReportOfExactlyTheLongestPeriodIsServed() {
        auditor().queryParam("from", "2026-10-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/api/compliance/access-records/unusual")
                .then().statusCode(200);
    }

    @Test
    void anExportMatchingMoreThanItsCapIsRefusedBeforeAnyRowIsStreamed() {
        String staff = "bulk-" + UUID.randomUUID();
        looks(staff, 51);

        auditor().queryParam("staffSubject", staff).when().get("/api/compliance/access-records/export.csv")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:touchpoint:problem:export-too-large"))
                .body("detail", containsString("at most 50"));
    }

    @Test
    void anExportOfExactlyItsCapIsStreamedWhole() {
        String staff = "cap-" + UUID.randomUUID();
        looks(staff, 50);

        String csv = auditor().queryParam("staffSubject", staff).when().get("/api/compliance/access-records/export.csv")
                .then().statusCode(200).extract().asString();

        assertThat(csv.lines()).hasSize(51); // the header and every record
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/compliance/access-records", "/api/compliance/access-records/export.csv",
            "/api/compliance/access-records/unusual"})
    void aTimeOutsideTheYears1970To9999IsABadRequest(String path) {
        auditor().queryParam("from", "+200000-01-01T00:00:00Z").queryParam("to", "+200001-01-01T00:00:00Z")
                .when().get(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("between 1970 and 9999"));
    }

    @Test
    void aSearchPeriodThatEndsBeforeItStartsIsABadRequest() {
        auditor().queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/api/compliance/access-records/export.csv")
                .then().statusCode(400).contentType(PROBLEM).body("type", is("urn:touchpoint:problem:invalid-period"));
    }
}
