package io.touchpoint.gateway.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The two pages anyone may see: where the three faces are, and the note that a session has ended. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance sessionEnded();

        static native TemplateInstance error(PageProblem problem, String requestId);
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PagesResource.class);

    /**
     * What a page shows when something it did not handle goes wrong: the problem in words (a 4xx says what is
     * wrong, a 5xx only that it was ours) and the request id for support; never an exception's text.
     */
    public static jakarta.ws.rs.core.Response error(Throwable failure, jakarta.ws.rs.container.ContainerRequestContext context) {
        Object requestId = context.getProperty("request-id");
        PageProblem problem;
        if (failure instanceof io.quarkiverse.resteasy.problem.HttpProblem p) {
            problem = PageProblem.of(p);
        } else if (failure instanceof io.quarkus.security.ForbiddenException) {
            problem = new PageProblem(403, "Not for your role", "You are signed in, but this page is for another role. "
                    + "Sign out and sign in as the right user.");
        } else if (failure instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            problem = new PageProblem(w.getResponse().getStatus(), "That did not work",
                    "The page could not do this (" + w.getResponse().getStatus() + "). Go back and try again.");
        } else {
            // Only the class names: an exception's message can quote what was typed or read (names, identifiers).
            LOG.errorf("a page failed: %s (cause %s)", failure.getClass().getName(),
                    io.touchpoint.support.web.Throwables.rootCause(failure).getClass().getName());
            problem = new PageProblem(500, "Something went wrong on our side",
                    "Nothing was shown or changed. Try again; if it keeps happening, give support the request id below.");
        }
        return jakarta.ws.rs.core.Response.status(problem.status()).type(MediaType.TEXT_HTML)
                .entity(Templates.error(problem, requestId == null ? "" : requestId.toString())).build();
    }

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("/session-ended")
    public TemplateInstance sessionEnded() {
        return Templates.sessionEnded();
    }
}
