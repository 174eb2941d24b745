package io.touchpoint.profile.self;

import io.restassured.http.ContentType;
import io.touchpoint.profile.support.Fixtures;
import io.touchpoint.profile.support.ProfileServiceTest;
import io.touchpoint.profile.support.Staff;
import io.touchpoint.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.touchpoint.profile.support.Fixtures.identifier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@ProfileServiceTest
class SelfServiceResourceTest {

    private String externalId;
    private UUID me;
    private String myLoyalty;
    private String myBooking;
    private UUID someoneElse;

    @BeforeEach
    void twoCustomers() {
        externalId = Fixtures.externalId("crm");
        myLoyalty = Fixtures.loyaltyNumber();
        myBooking = Fixtures.bookingReference();
        me = Fixtures.putCustomer(externalId, Fixtures.customer("Ines", "Okafor",
                identifier("LOYALTY_NUMBER", myLoyalty), identifier("BOOKING_REFERENCE", myBooking)));
        Fixtures.putTrip(Fixtures.externalId("trip"), externalId, myBooking, List.of(
                Fixtures.segment("AC", "834", "YUL", "FRA", Instant.now().plus(1, ChronoUnit.DAYS), "1A")));
        Fixtures.putServiceEvent(Fixtures.externalId("case"), externalId, "COMPLAINT", "food",
                "Cold meal on the last flight", "OPEN", Instant.now().minus(3, ChronoUnit.DAYS));
        someoneElse = Fixtures.putCustomer(Fixtures.externalId("crm"), Fixtures.customer("Victor", "Halvorsen",
                identifier("LOYALTY_NUMBER", Fixtures.loyaltyNumber())));
    }

    @Test
    void exportsEverythingAboutTheSignedInCustomer() {
        given().auth().oauth2(Tokens.customer(me))
                .when().get("/api/me/export")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("profile.id", equalTo(me.toString()))
                .body("profile.familyName", equalTo("Okafor"))
                .body("identifiers.value", org.hamcrest.Matchers.containsInAnyOrder(myLoyalty, myBooking))
                .body("trips", hasSize(1))
                .body("trips[0].segments[0].flightNumber", equalTo("834"))
                .body("serviceEvents[0].summary", equalTo("Cold meal on the last flight"));
    }

    @Test
    void aQueryParameterCannotPointTheExportAtSomeoneElse() {
        given().auth().oauth2(Tokens.customer(me))
                .queryParam("customerId", someoneElse)
                .queryParam("customer_id", someoneElse)
                .when().get("/api/me/export")
                .then().statusCode(200)
                .body("profile.id", equalTo(me.toString()))
                .body(not(containsString("Halvorsen")))
                .body(not(containsString(someoneElse.toString())));
    }

    @Test
    void aTokenWithoutACustomerClaimSeesNothing() {
        given().auth().oauth2(Tokens.withRoles("someone", "customer"))
                .when().get("/api/me/export")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("customer_id"));
    }

    @Test
    void aForgedCustomerClaimInATokenSignedByAnotherKeyIsRejected() {
        given().auth().oauth2(Tokens.signedByAnotherKey("customer"))
                .when().get("/api/me/export")
                .then().statusCode(401);
    }

    @Test
    void guessingAnUnknownCustomerIdFindsNothing() {
        given().auth().oauth2(Tokens.customer(UUID.randomUUID()))
                .when().get("/api/me/export")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void erasureAnonymisesTheProfileAndStaffCanNoLongerFindIt() {
        Fixtures.eraseThroughTheGateway(me)
                .statusCode(200)
                .body("customerId", equalTo(me.toString()))
                .body("erasedAt", not(nullValue()))
                .body("erased", org.hamcrest.Matchers.hasItem("identifiers"));

        Staff.project(Staff.loyalty(myLoyalty)).statusCode(404);
        Staff.project(Staff.booking(myBooking, "Okafor")).statusCode(404);
        given().auth().oauth2(Tokens.customer(me))
                .when().get("/api/me/export")
                .then().statusCode(200)
                .body("profile.status", equalTo("ERASED"))
                .body("profile.givenName", nullValue())
                .body("profile.familyName", nullValue())
                .body("identifiers", empty())
                .body("trips[0].bookingReference", nullValue())
                .body("trips[0].segments[0].seat", nullValue())
                .body("serviceEvents[0].summary", nullValue())
                .body(not(containsString("Okafor")))
                .body(not(containsString("Cold meal")));
    }

    @Test
    void theGatewayRelaysTheCustomersOwnErasureAndNobodyElseCanStartOne() {
        UUID request = UUID.randomUUID();
        // Not the customer's own token exchanged by the gateway: a direct customer token, staff, ops.
        for (String token : List.of(Tokens.customer(me), Tokens.relayedStaff("staff-1", "supervisor"), Tokens.opsImport())) {
            given().auth().oauth2(token).when().put("/api/erasures/{id}", request).then().statusCode(403);
        }
        Staff.project(Staff.loyalty(myLoyalty)).statusCode(200);

        given().auth().oauth2(Tokens.relayedCustomer(me)).when().put("/api/erasures/{id}", request).then().statusCode(200)
                .body("customerId", equalTo(me.toString()))
                .body("erased", org.hamcrest.Matchers.hasItem("identifiers"));
        Staff.project(Staff.loyalty(myLoyalty)).statusCode(404);
        // The gateway may complete what the customer started (idempotent), and nothing else.
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}/completion", request).then().statusCode(200)
                .body("customerId", equalTo(me.toString()));
        given().auth().oauth2(Tokens.gateway()).when().post("/api/erasures/{id}/completion", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:touchpoint:problem:erasure-request-unknown"));
    }

    @Test
    void erasureIsIdempotentAndALaterImportCannotBringTheProfileBack() {
        String first = Fixtures.eraseThroughTheGateway(me).statusCode(200).extract().path("erasedAt");
        String second = Fixtures.eraseThroughTheGateway(me).statusCode(200).extract().path("erasedAt");
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);

        given().auth().oauth2(Tokens.opsImport()).contentType(ContentType.JSON)
                .body(Fixtures.customer("Ines", "Okafor", identifier("LOYALTY_NUMBER", myLoyalty)))
                .when().put("/api/ingest/customers/{id}", externalId)
                .then().statusCode(409)
                .body("title", equalTo("Customer was erased"));
        Staff.project(Staff.loyalty(myLoyalty)).statusCode(404);
    }

    @Test
    void erasingOneCustomerLeavesOthersUntouched() {
        Fixtures.eraseThroughTheGateway(me).statusCode(200);

        given().auth().oauth2(Tokens.customer(someoneElse))
                .when().get("/api/me/export")
                .then().statusCode(200)
                .body("profile.familyName", equalTo("Halvorsen"))
                .body("identifiers", hasSize(1));
    }
}
