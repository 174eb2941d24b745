package io.touchpoint.gateway.audit;

import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@GatewayTest
class AccessQueryTest {

    @Inject
    AccessLog log;

    private void look(UUID customer, String staff, String role, String touchpoint, String outcome, String breakGlass) {
        log.record(new AccessLog.Entry("req-" + UUID.randomUUID(), staff, role, "tablet-1", touchpoint, customer,
                "personalised-service", "2026-11-23.1", List.of("greeting", "tier"), List.of(), outcome, breakGlass, true));
    }

    @Test
    void aCustomerSeesWhoLookedAtTheirCardButNotTheStaffMembersIdentity() {
        UUID me = UUID.randomUUID();
        look(me, "staff-secret-7", "lounge-host", "LOUNGE/T5-north", "SERVED", null);

        given().auth().oauth2(Tokens.customer(me)).when().get("/api/me/access-history")
                .then().statusCode(200)
                .body("looks", hasSize(1))
                .body("looks[0].touchpoint", is("LOUNGE/T5-north"))
                .body("looks[0].role", is("lounge-host"))
                .body("looks[0].fieldsShown", contains("greeting", "tier"))
                .body("looks[0].breakGlass", is(false))
                .body(not(containsString("staff-secret-7")));
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersHistory() {
        UUID victim = UUID.randomUUID();
        look(victim, "staff-1", "gate-agent", "GATE/A1", "SERVED", null);
        UUID attacker = UUID.randomUUID();

        given().auth().oauth2(Tokens.customer(attacker)).queryParam("customerId", victim)
                .when().get("/api/me/access-history")
                .then().statusCode(200).body("looks", empty());
    }

    @Test
    void historyPagesFollowEachOtherNewestFirstWithoutGapsOrRepeats() {
        UUID me = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            look(me, "staff-" + i, "gate-agent", "GATE/A" + i, "SERVED", null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(Tokens.customer(me)).queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/me/access-history").then().statusCode(200).extract();
            seen.addAll(page.path("looks.touchpoint"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("GATE/A6", "GATE/A5", "GATE/A4", "GATE/A3", "GATE/A2", "GATE/A1", "GATE/A0");
    }

    @Test
    void complianceFiltersByStaffTouchpointRoleOutcomeAndBreakGlass() {
        UUID customer = UUID.randomUUID();
        String staff = "auditee-" + UUID.randomUUID();
        look(customer, staff, "supervisor", "DESK/HQ", "SERVED", "Passenger unwell, identity needed for medical team");
        look(customer, staff, "gate-agent", "GATE/B7", "NOT_FOUND", null);
        String auditor = Tokens.withRoles("auditor-1", "compliance-auditor");

        given().auth().oauth2(auditor).queryParam("staffSubject", staff).when().get("/api/compliance/access-records")
                .then().statusCode(200).body("records", hasSize(2)).body("records.fields", everyItem(contains("greeting", "tier")));
        given().auth().oauth2(auditor).queryParam("staffSubject", staff).queryParam("breakGlass", true)
                .when().get("/api/compliance/access-records")
                .then().body("records", hasSize(1)).body("records[0].role", is("supervisor"))
                .body("records[0].breakGlassJustification", containsString("medical team"));
        given().auth().oauth2(auditor).queryParam("customerId", customer).queryParam("outcome", "NOT_FOUND")
                .when().get("/api/compliance/access-records")
                .then().body("records.touchpoint", contains("GATE/B7"));
        given().auth().oauth2(auditor).queryParam("customerId", customer).queryParam("touchpoint", "DESK/HQ")
                .queryParam("role", "supervisor").queryParam("from", "2020-01-01T00:00:00Z")
                .when().get("/api/compliance/access-records")
                .then().body("records", hasSize(1)).body("records[0].recordHash", not(nullValue()));
    }

    @Test
    void theCsvExportStreamsEveryMatchingRecordAcrossPagesAndDefusesFormulas() {
        UUID customer = UUID.randomUUID();
        String staff = "csv-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            look(customer, staff, "supervisor", "DESK/HQ", "SERVED", i == 0 ? "=HYPERLINK(\"http://x\"), needed" : null);
        }

        String csv = given().auth().oauth2(Tokens.withRoles("auditor-1", "compliance-auditor")).queryParam("staffSubject", staff)
                .when().get("/api/compliance/access-records/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).startsWith("id,recordedAt,requestId,staffSubject");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\"), needed\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void malformedFiltersAndCursorsAreBadRequests() {
        String auditor = Tokens.withRoles("auditor-1", "compliance-auditor");

        given().auth().oauth2(auditor).queryParam("cursor", "not-a-cursor").when().get("/api/compliance/access-records")
                .then().statusCode(400).contentType("application/problem+json").body("title", is("Invalid cursor"));
        // A well-formed cursor with a time the database cannot hold, as the customer's own history takes it too.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("+300000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(auditor).queryParam("cursor", forged).when().get("/api/compliance/access-records")
                .then().statusCode(400).contentType("application/problem+json").body("title", is("Invalid cursor"));
        given().auth().oauth2(Tokens.customer(UUID.randomUUID())).queryParam("cursor", forged).when().get("/api/me/access-history")
                .then().statusCode(400).contentType("application/problem+json").body("title", is("Invalid cursor"));
        given().auth().oauth2(auditor).queryParam("from", "yesterday").when().get("/api/compliance/access-records")
                .then().statusCode(400).body("detail", containsString("ISO-8601"));
        given().auth().oauth2(auditor).queryParam("customerId", "123").when().get("/api/compliance/access-records")
                .then().statusCode(400);
        given().auth().oauth2(auditor).queryParam("limit", 100000).when().get("/api/compliance/access-records")
                .then().statusCode(400);
    }

    @Test
    void eachSideSeesOnlyItsOwnView() {
        given().auth().oauth2(Tokens.customer(UUID.randomUUID())).when().get("/api/compliance/access-records").then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("auditor-1", "compliance-auditor")).when().get("/api/me/access-history").then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("staff-1", "supervisor")).when().get("/api/compliance/access-records").then().statusCode(403);
        given().when().get("/api/compliance/access-records").then().statusCode(401);
    }
}
