package io.touchpoint.gateway.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The services' lists of reads they answered for staff tokens the gateway relayed, called with the gateway's own
 * client-credentials token (the services' {@code gateway-service} role), which acts for nobody and reads no
 * customer data.
 */
public final class RelayedReadClients {

    private RelayedReadClients() {
    }

    /** One service's list; {@code next} is the cursor for the following page. */
    public interface Listing {
        JsonNode after(long after, int limit, long settledSeconds);
    }

    @RegisterRestClient(configKey = "profile-service")
    @OidcClientFilter
    @Path("/api/relayed-reads")
    public interface Profile extends Listing {
        @GET
        @Override
        JsonNode after(@QueryParam("after") long after, @QueryParam("limit") int limit, @QueryParam("settledSeconds") long settledSeconds);
    }

    /** Its own config key (defaulting to recognition-service's URL), so tests can tell the two services apart. */
    @RegisterRestClient(configKey = "recognition-relayed-reads")
    @OidcClientFilter
    @Path("/api/relayed-reads")
    public interface Recognition extends Listing {
        @GET
        @Override
        JsonNode after(@QueryParam("after") long after, @QueryParam("limit") int limit, @QueryParam("settledSeconds") long settledSeconds);
    }
}
