package io.touchpoint.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's export of the customer's own data, called with the customer's own token. */
@RegisterRestClient(configKey = "customer-profile")
public interface CustomerProfile {

    @GET
    @Path("/api/me/export")
    JsonNode export(@HeaderParam("Authorization") String bearer);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamRefusal.of("profile-service", response);
    }
}
