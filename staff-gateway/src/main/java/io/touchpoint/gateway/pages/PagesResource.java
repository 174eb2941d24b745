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
