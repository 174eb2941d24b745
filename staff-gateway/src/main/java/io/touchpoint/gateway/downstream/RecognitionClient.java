package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * recognition-service: the consented preferences for this customer, role, touchpoint and purposes; called with the
 * staff member's own token exchanged for recognition-service ({@link TokenExchange}).
 */
@RegisterRestClient(configKey = "recognition-service")
@Path("/api/recognitions")
public interface RecognitionClient {

    @POST
    JsonNode recognise(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Acting-Role") String role,
                       @HeaderParam("X-Touchpoint") String touchpoint, @HeaderParam("X-Purpose") String purposes,
                       @HeaderParam("X-Request-Id") String requestId, JsonNode body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamRefusal.of("recognition-service", response);
    }
}
