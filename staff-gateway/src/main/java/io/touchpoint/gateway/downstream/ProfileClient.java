package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * profile-service's card projection, called with the staff member's own token exchanged for profile-service
 * ({@link TokenExchange}): the token says who asks, the headers only the role acted in, where and why. Free
 * text (a justification) travels in the body. Read as JSON, not shared classes: the services share no code,
 * and the card reads only the members it knows.
 */
@RegisterRestClient(configKey = "profile-service")
@Path("/api/card-projections")
public interface ProfileClient {

    @POST
    JsonNode project(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Acting-Role") String role,
                     @HeaderParam("X-Touchpoint") String touchpoint, @HeaderParam("X-Purpose") String purpose,
                     @HeaderParam("X-Request-Id") String requestId, JsonNode body);

    @POST
    @Path("/search")
    JsonNode search(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Acting-Role") String role,
                    @HeaderParam("X-Touchpoint") String touchpoint, @HeaderParam("X-Purpose") String purpose,
                    @HeaderParam("X-Request-Id") String requestId, JsonNode body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamRefusal.of("profile-service", response);
    }
}
