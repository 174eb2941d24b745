package io.touchpoint.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * recognition-service's customer API, called by the portal as the signed-in customer: the customer's own access
 * token travels in {@code Authorization}, so recognition decides who they are exactly as for any other client.
 */
@RegisterRestClient(configKey = "customer-recognition")
public interface CustomerRecognition {

    // The reads return at once, so that a page can ask for all of them together.

    @GET
    @Path("/api/catalogue")
    CompletionStage<Portal.Catalogue> catalogue(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/me/preferences")
    CompletionStage<List<Portal.Preference>> preferences(@HeaderParam("Authorization") String bearer);

    @PATCH
    @Path("/api/me/preferences")
    @Consumes("application/json")
    JsonNode updatePreferences(@HeaderParam("Authorization") String bearer, JsonNode update);

    @GET
    @Path("/api/me/consents")
    CompletionStage<Portal.Consents> consents(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/api/me/consents")
    @Consumes("application/json")
    JsonNode grant(@HeaderParam("Authorization") String bearer, JsonNode grant);

    @POST
    @Path("/api/me/consents/{consentId}/withdrawal")
    JsonNode withdraw(@HeaderParam("Authorization") String bearer, @PathParam("consentId") UUID consentId);

    @POST
    @Path("/api/me/consents/{consentId}/renewal")
    @Consumes("application/json")
    JsonNode renew(@HeaderParam("Authorization") String bearer, @PathParam("consentId") UUID consentId, JsonNode renewal);

    @GET
    @Path("/api/me/receipts/{receiptId}")
    JsonNode receipt(@HeaderParam("Authorization") String bearer, @PathParam("receiptId") UUID receiptId);

    @GET
    @Path("/api/me/preview")
    CompletionStage<List<Portal.RolePreview>> preview(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/me/photo")
    Response photo(@HeaderParam("Authorization") String bearer);

    /** Whether I have a photo (under a current consent), without its bytes: completes normally if so, with a refusal if not. */
    @HEAD
    @Path("/api/me/photo")
    CompletionStage<Void> photoExists(@HeaderParam("Authorization") String bearer);

    @PUT
    @Path("/api/me/photo")
    JsonNode uploadPhoto(@HeaderParam("Authorization") String bearer, @HeaderParam("Content-Type") String mediaType, byte[] image);

    @DELETE
    @Path("/api/me/photo")
    void deletePhoto(@HeaderParam("Authorization") String bearer);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamRefusal.of("recognition-service", response);
    }
}
