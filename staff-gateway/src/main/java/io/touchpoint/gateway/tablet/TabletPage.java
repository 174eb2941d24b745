package io.touchpoint.gateway.tablet;

import io.touchpoint.gateway.pages.PagesResource;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.touchpoint.gateway.card.CardRequest;
import io.touchpoint.gateway.card.CardService;
import io.touchpoint.gateway.card.ScopePolicy;
import io.touchpoint.gateway.card.SearchRequest;
import io.touchpoint.gateway.downstream.Downstream;
import io.touchpoint.gateway.look.LookPolicy;
import io.touchpoint.gateway.look.StaffAssignments;
import io.touchpoint.gateway.pages.PageProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The frontline tablet: choose where you stand, then scan or type what the customer presents and read their
 * card. Every card comes from {@link CardService}, exactly as {@code POST /api/cards} serves it, so each look
 * is recorded before it is shown and the role's scope decides what is on screen.
 */
@Path("/tablet")
@RolesAllowed({"gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor"})
@Produces(MediaType.TEXT_HTML)
public class TabletPage {

    static final String PURPOSE = "personalised-service";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance station(Station current, List<String> roles, List<Station.Offer> types, String place,
                                               PageProblem problem);

        static native TemplateInstance scan(Station station, CardView card, PageProblem problem, String kind);

        static native TemplateInstance search(Station station, List<Candidate> candidates, PageProblem problem,
                                              String familyName, String givenName, String justification);
    }

    /** A break-glass search result: enough to tell people apart, nothing more. */
    public record Candidate(String customerId, String name, String tier) {
    }

    private final CardService cards;
    private final LookPolicy looks;
    private final StaffAssignments assignments;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Validator validator;

    public TabletPage(CardService cards, LookPolicy looks, StaffAssignments assignments, SecurityIdentity identity,
                      JsonWebToken token, Validator validator) {
        this.cards = cards;
        this.looks = looks;
        this.assignments = assignments;
        this.identity = identity;
        this.token = token;
        this.validator = validator;
    }

    @GET
    public Object home(@CookieParam(Station.COOKIE) String cookie) {
        return station(cookie).<Object>map(s -> Templates.scan(s, null, null, "boarding-pass"))
                .orElseGet(() -> stationForm(null, null));
    }

    @GET
    @Path("/station")
    public TemplateInstance changeStation(@CookieParam(Station.COOKIE) String cookie) {
        return stationForm(station(cookie).orElse(null), null);
    }

    /**
     * Only the stations this member may use: the touchpoint types the look policy allows their roles, narrowed to
     * their current assignment's type (with its place filled in) when operations assigned them somewhere.
     */
    private TemplateInstance stationForm(Station current, PageProblem problem) {
        List<String> assigned = currentAssignments();
        String place = assigned.size() == 1 ? assigned.getFirst().substring(assigned.getFirst().indexOf('/') + 1) : null;
        return Templates.station(current, heldRoles(), Station.offers(looks, heldRoles(), assigned), place, problem);
    }

    private List<String> currentAssignments() {
        java.time.Instant now = assignments.now();
        return assignments.of(token.getSubject()).stream().filter(a -> a.isCurrent(now))
                .map(LookPolicy.Assignment::touchpoint).distinct().sorted().toList();
    }

    @POST
    @Path("/station")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseStation(@FormParam("type") String type, @FormParam("place") String place,
                                  @FormParam("role") String role, @FormParam("device") String device,
                                  @Context jakarta.ws.rs.core.UriInfo uri) {
        String touchpoint = (type == null ? "" : type) + "/" + (place == null ? "" : place.strip().toUpperCase(java.util.Locale.ROOT));
        Optional<Station> chosen = Station.parse(touchpoint, role, device == null ? null : device.strip())
                .filter(s -> heldRoles().contains(s.role()));
        if (chosen.isEmpty()) {
            return page(400, stationForm(null, new PageProblem(400, "Check the form", "Choose a touchpoint type, a place of "
                    + "letters and digits (such as A12), one of your roles and a device name.")));
        }
        // The same decision as every card: a station the role or the assignment does not allow is never set.
        Optional<LookPolicy.Refusal> refusal = looks.refusal(chosen.get().role(), chosen.get().touchpoint(), PURPOSE,
                assignments.of(token.getSubject()), assignments.now());
        if (refusal.isPresent()) {
            LookPolicy.Refusal r = refusal.get();
            return page(r.status(), stationForm(null, new PageProblem(r.status(), r.title(), r.detail())));
        }
        NewCookie cookie = new NewCookie.Builder(Station.COOKIE).value(chosen.get().toCookie()).path("/tablet")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).secure("https".equals(uri.getBaseUri().getScheme())).build();
        return Response.seeOther(URI.create("/tablet")).cookie(cookie).build();
    }

    @POST
    @Path("/card")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response card(@CookieParam(Station.COOKIE) String cookie, @FormParam("kind") String kind,
                         @FormParam("barcode") String barcode, @FormParam("bookingReference") String bookingReference,
                         @FormParam("surname") String surname, @FormParam("loyaltyNumber") String loyaltyNumber,
                         @FormParam("customerId") String customerId, @FormParam("justification") String justification,
                         @Context ContainerRequestContext context) {
        Optional<Station> found = station(cookie);
        if (found.isEmpty()) {
            return Response.seeOther(URI.create("/tablet/station")).build();
        }
        Station station = found.get();
        String shownKind = kind == null ? "boarding-pass" : kind;
        ObjectNode presented = JsonNodeFactory.instance.objectNode();
        switch (shownKind) {
            case "booking" -> presented.put("type", "BOOKING_REFERENCE").put("bookingReference", blankToNull(bookingReference))
                    .put("surname", blankToNull(surname));
            case "loyalty" -> presented.put("type", "LOYALTY_NUMBER").put("loyaltyNumber", blankToNull(loyaltyNumber));
            case "customer" -> presented.put("type", "CUSTOMER_ID").put("customerId", blankToNull(customerId));
            default -> presented.put("type", "BOARDING_PASS").put("barcode", barcode == null || barcode.isBlank() ? null : barcode); // spaces are part of a BCBP
        }
        if (!"customer".equals(shownKind) && missingValue(presented)) {
            return page(400, Templates.scan(station, null, new PageProblem(400, "Nothing to look up",
                    "Scan the boarding pass, or type a booking reference with the surname, or a loyalty number."), shownKind));
        }
        // The API's order: a malformed request is refused first (400); then the card service refuses and records a
        // frontline break-glass attempt (403) and a break-glass look without its justification (400).
        boolean breakGlass = "customer".equals(shownKind);
        String reason = breakGlass ? blankToNull(justification) : null;
        CardRequest request = new CardRequest(presented, station.touchpoint(), PURPOSE, station.role(), station.device(), reason);
        Set<ConstraintViolation<CardRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return page(400, Templates.scan(station, null, PageProblem.invalid(violations), breakGlass ? "boarding-pass" : shownKind));
        }
        try {
            JsonNode card = cards.card(asker(station, context), request);
            return page(200, Templates.scan(station, CardView.of(card), null, shownKind));
        } catch (HttpProblem problem) {
            return page(problem.getStatusCode(), Templates.scan(station, null, PageProblem.of(problem),
                    breakGlass ? "boarding-pass" : shownKind));
        }
    }

    @GET
    @Path("/search")
    public Response searchForm(@CookieParam(Station.COOKIE) String cookie) {
        Optional<Station> found = station(cookie);
        if (found.isEmpty()) {
            return Response.seeOther(URI.create("/tablet/station")).build();
        }
        if (!"supervisor".equals(found.get().role())) {
            return page(403, Templates.scan(found.get(), null, NO_BROWSING, "boarding-pass"));
        }
        return page(200, Templates.search(found.get(), null, null, "", "", ""));
    }

    private static final PageProblem NO_BROWSING = new PageProblem(403, "No name search for this role",
            "Only a supervisor may search by name; find the customer from what they present.");

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@CookieParam(Station.COOKIE) String cookie, @FormParam("familyName") String familyName,
                           @FormParam("givenName") String givenName, @FormParam("justification") String justification,
                           @Context ContainerRequestContext context) {
        Optional<Station> found = station(cookie);
        if (found.isEmpty()) {
            return Response.seeOther(URI.create("/tablet/station")).build();
        }
        Station station = found.get();
        SearchRequest request = new SearchRequest(blankToNull(familyName), blankToNull(givenName), blankToNull(justification),
                station.touchpoint(), PURPOSE, station.device());
        Set<ConstraintViolation<SearchRequest>> violations = validator.validate(request);
        boolean supervisor = "supervisor".equals(station.role());
        if (!violations.isEmpty()) {
            return supervisor
                    ? page(400, Templates.search(station, null, PageProblem.invalid(violations), orEmpty(familyName),
                    orEmpty(givenName), orEmpty(justification)))
                    : page(400, Templates.scan(station, null, PageProblem.invalid(violations), "boarding-pass"));
        }
        try {
            // As POST /api/cards/search: the card service refuses and records a frontline attempt to browse.
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode c : cards.search(asker(station, context), request)) {
                candidates.add(new Candidate(c.path("customerId").asText(),
                        (c.path("givenName").asText("") + " " + c.path("familyName").asText("")).strip(), c.path("tier").asText(null)));
            }
            return page(200, Templates.search(station, candidates, null, familyName, orEmpty(givenName), justification));
        } catch (HttpProblem problem) {
            return supervisor
                    ? page(problem.getStatusCode(), Templates.search(station, null, PageProblem.of(problem), orEmpty(familyName),
                    orEmpty(givenName), orEmpty(justification)))
                    : page(problem.getStatusCode(), Templates.scan(station, null, NO_BROWSING, "boarding-pass"));
        }
    }

    private Downstream.Asker asker(Station station, ContainerRequestContext context) {
        return Downstream.Asker.of(token.getSubject(), station.role(), station.touchpoint(), PURPOSE, context);
    }

    /** The station in the cookie, if it is well formed, names a role this user still holds and a place it may act at. */
    private Optional<Station> station(String cookie) {
        return Station.fromCookie(cookie).filter(s -> identity.hasRole(s.role()) && looks.mayActAt(s.role(), s.touchpoint()));
    }

    private List<String> heldRoles() {
        return ScopePolicy.STAFF_ROLES.stream().filter(identity::hasRole).sorted().toList();
    }

    private static boolean missingValue(ObjectNode presented) {
        for (var field : presented.properties()) {
            if (field.getValue().isNull()) {
                return true;
            }
        }
        return false;
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Anything this page did not handle, as a page rather than a JSON problem. */
    @ServerExceptionMapper
    Response failed(RuntimeException failure, ContainerRequestContext context) {
        return PagesResource.error(failure, context);
    }
}
