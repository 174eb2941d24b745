package io.touchpoint.recognition.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.touchpoint.testsupport.Tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** One customer using the portal API, and the gateway asking about them. */
public record Portal(UUID customerId) {

    public static Portal newCustomer() {
        return new Portal(UUID.randomUUID());
    }

    public RequestSpecification as() {
        return given().auth().oauth2(Tokens.customer(customerId));
    }

    public ValidatableResponse setPreferences(Map<String, String> values) {
        return as().contentType(ContentType.JSON).body(Map.of("preferences", values))
                .when().patch("/api/me/preferences").then();
    }

    public ValidatableResponse grant(String purpose, List<String> categories, List<String> roles, List<String> touchpointTypes) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", purpose);
        body.put("noticeVersion", 1);
        body.put("categories", categories);
        body.put("roles", roles);
        body.put("touchpointTypes", touchpointTypes);
        return as().contentType(ContentType.JSON).body(body).when().post("/api/me/consents").then();
    }

    public String grantAndGetConsentId(String purpose, List<String> categories, List<String> roles, List<String> touchpointTypes) {
        return grant(purpose, categories, roles, touchpointTypes).statusCode(201).extract().path("consentId");
    }

    public ValidatableResponse withdraw(String consentId) {
        return as().when().post("/api/me/consents/{id}/withdrawal", consentId).then();
    }

    /**
     * The customer's erasure as the staff-gateway relays it: their own token exchanged for this service, under a
     * new request id. The only way a customer erases anything here.
     */
    public ValidatableResponse eraseThroughTheGateway() {
        return given().auth().oauth2(Tokens.relayedCustomer(customerId))
                .when().put("/api/erasures/{requestId}", UUID.randomUUID()).then();
    }

    /** What the gateway gets for this customer, asked by a role at a touchpoint for purposes (the staff token exchanged). */
    public ValidatableResponse recognisedBy(String role, String touchpoint, String purposes) {
        return given().auth().oauth2(Tokens.relayedStaff("staff-4711", role))
                .header("X-Acting-Role", role)
                .header("X-Touchpoint", touchpoint).header("X-Purpose", purposes)
                .contentType(ContentType.JSON).body(Map.of("customerId", customerId.toString()))
                .when().post("/api/recognitions").then();
    }
}
