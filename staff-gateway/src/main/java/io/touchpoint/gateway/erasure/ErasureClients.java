package io.touchpoint.gateway.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The services' relayed-erasure endpoints, called with the gateway's own client-credentials token. */
public final class ErasureClients {

    private ErasureClients() {
    }

    @RegisterRestClient(configKey = "profile-service")
    @OidcClientFilter
    @Path("/api/erasures")
    public interface Profile {
        @POST
        @Path("/{customerId}")
        JsonNode erase(@PathParam("customerId") UUID customerId);
    }

    /** Its own config key (defaulting to recognition-service's URL), so tests can tell the two services apart. */
    @RegisterRestClient(configKey = "recognition-erasure")
    @OidcClientFilter
    @Path("/api/erasures")
    public interface Recognition {
        @POST
        @Path("/{customerId}")
        JsonNode erase(@PathParam("customerId") UUID customerId);
    }
}
