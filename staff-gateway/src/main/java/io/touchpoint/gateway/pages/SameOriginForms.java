package io.touchpoint.gateway.pages;

import io.touchpoint.support.web.Problems;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery: a page's form is accepted only when the browser says it was sent from one of our
 * own pages (Fetch Metadata {@code Sec-Fetch-Site}, or failing that an {@code Origin} matching the host). The
 * session cookie is SameSite=Lax as well; the API takes bearer tokens, which a forged form cannot carry.
 */
@Provider
public class SameOriginForms implements ContainerRequestFilter {

    private static final Set<String> PAGES = Set.of("tablet", "portal", "console");

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String first = path.replaceFirst("^/", "").split("/", 2)[0];
        if (!PAGES.contains(first)) {
            return;
        }
        if (!sameOrigin(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                request.getHeaderString("Host"))) {
            throw Problems.of(403, "cross-site-form", "Form from another site",
                    "This form was not sent from a Touchpoint page, so it was not accepted. Open the page and try again.");
        }
    }

    static boolean sameOrigin(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite);
        }
        if (origin == null || host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            return host.equalsIgnoreCase(o.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
