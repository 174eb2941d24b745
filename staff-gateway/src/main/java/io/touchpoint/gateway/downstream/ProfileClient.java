package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * profile-service's card projection, called with the gateway's own client-credentials token. Read as JSON,
 * not shared classes: the services share no code, and the card reads only the members it knows.
 */
@RegisterRestClient(configKey = "profile-service")
@OidcClientFilter
@Path("/api/card-projections")
public interface ProfileClient {

    @POST
    JsonNode project(@HeaderParam("X-Acting-Subject") String subject, @HeaderParam("X-Acting-Role") String role,
                     @HeaderParam("X-Touchpoint") String touchpoint, @HeaderParam("X-Purpose") String purpose,
                     @HeaderParam("X-Request-Id") String requestId,
                     @HeaderParam("X-Break-Glass-Justification") String justification, JsonNode body);

    @POST
    @Path("/search")
    JsonNode search(@HeaderParam("X-Acting-Subject") String subject, @HeaderParam("X-Acting-Role") String role,
                    @HeaderParam("X-Touchpoint") String touchpoint, @HeaderParam("X-Purpose") String purpose,
                    @HeaderParam("X-Request-Id") String requestId,
                    @HeaderParam("X-Break-Glass-Justification") String justification, JsonNode body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamRefusal.of("profile-service", response);
    }
}
