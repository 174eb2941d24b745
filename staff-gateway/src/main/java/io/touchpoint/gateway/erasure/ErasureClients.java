package io.touchpoint.gateway.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The services' relayed-erasure endpoints (ADR 0015). A request is started only with the customer's own token,
 * exchanged for the service ({@code PUT}); the gateway's own client-credentials token can only ask a service to
 * complete a request it already accepted ({@code POST .../completion}), never start one or name a customer.
 */
public final class ErasureClients {

    private ErasureClients() {
    }

    @RegisterRestClient(configKey = "profile-service")
    @Path("/api/erasures/{requestId}")
    public interface Profile {
        @PUT
        JsonNode accept(@HeaderParam("Authorization") String customerBearer, @PathParam("requestId") UUID requestId);
    }

    @RegisterRestClient(configKey = "profile-service")
    @OidcClientFilter
    @Path("/api/erasures/{requestId}/completion")
    public interface ProfileCompletion {
        @POST
        JsonNode complete(@PathParam("requestId") UUID requestId);
    }

    /** Its own config key (defaulting to recognition-service's URL), so tests can tell the two services apart. */
    @RegisterRestClient(configKey = "recognition-erasure")
    @Path("/api/erasures/{requestId}")
    public interface Recognition {
        @PUT
        JsonNode accept(@HeaderParam("Authorization") String customerBearer, @PathParam("requestId") UUID requestId);
    }

    @RegisterRestClient(configKey = "recognition-erasure")
    @OidcClientFilter
    @Path("/api/erasures/{requestId}/completion")
    public interface RecognitionCompletion {
        @POST
        JsonNode complete(@PathParam("requestId") UUID requestId);
    }
}
