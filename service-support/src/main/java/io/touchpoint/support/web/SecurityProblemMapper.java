package io.touchpoint.support.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as a problem with the bearer challenge. The problem extension's own 401 mappers fail on this Quarkus
 * version (they read a field of ChallengeData that no longer exists and answer 500), so these take precedence.
 */
public class SecurityProblemMapper {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return challenge();
    }

    private static Response challenge() {
        Response problem = Problems.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token from the identity provider is required.").toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
