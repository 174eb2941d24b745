package io.touchpoint.gateway.console;

import io.touchpoint.gateway.pages.PagesResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.touchpoint.gateway.audit.ComplianceFilter;
import io.touchpoint.gateway.audit.ComplianceService;
import io.touchpoint.gateway.audit.UnusualAccess;
import io.touchpoint.gateway.card.ScopePolicy;
import io.touchpoint.gateway.pages.PageProblem;
import io.touchpoint.trail.TrailCosignatures;
import io.touchpoint.trail.TrailTrees;
import io.touchpoint.trail.TrailVerification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The compliance console: search the access records, export them, read the latest signed checkpoints and
 * re-verify a tree, the unusual-access report, and card views per hour. Everything it shows comes from the
 * same code as the compliance and trail APIs, under the same role.
 */
@Path("/console")
@RolesAllowed("compliance-auditor")
@Produces(MediaType.TEXT_HTML)
public class ConsolePage {

    static final int PAGE = 25;
    static final Duration CHART_SPAN = Duration.ofHours(24);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(View view);
    }

    /** The filter as typed into the form; times are the browser's datetime-local values, read as UTC. */
    public record Form(String customerId, String staffSubject, String touchpoint, String role, String from, String to,
                       String outcome, String breakGlass) {
    }

    public record View(Form form, PageProblem problem, List<ComplianceService.Row> rows, String nextPage, String firstPage,
                       String exportLink, TrailTrees.Trail trail, String checkpoint, String checkpointTree,
                       TrailVerification.Report verification, List<UnusualAccess.Finding> unusual, ViewsChart chart,
                       Instant chartFrom, Instant chartTo, List<TrailCosignatures.Stored> cosignatures) {

        public List<String> roles() {
            return ScopePolicy.STAFF_ROLES.stream().sorted().toList();
        }

        public List<String> outcomes() {
            return List.of("SERVED", "SERVED_WITHOUT_PREFERENCES", "NOT_FOUND", "DENIED", "FAILED");
        }
    }

    /** Cosignatures listed in the console, newest first. */
    static final int RECENT_COSIGNATURES = 20;

    private final ComplianceService compliance;
    private final TrailTrees trail;
    private final TrailCosignatures cosignatures;

    public ConsolePage(ComplianceService compliance, TrailTrees trail, TrailCosignatures cosignatures) {
        this.compliance = compliance;
        this.trail = trail;
        this.cosignatures = cosignatures;
    }

    @GET
    public Response console(@BeanParam PageFilter filter, @QueryParam("cursor") String cursor) {
        return render(filter, cursor, null, null);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam PageFilter filter) {
        try {
            return Response.ok(compliance.export(filter.toApiFilter()), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"access-records.csv\"").build();
        } catch (HttpProblem | ConstraintViolationException e) {
            return render(filter, null, null, null);
        }
    }

    @POST
    @Path("/verification")
    public Response verify(@FormParam("tree") String tree) {
        TrailVerification.Report report;
        try {
            report = trail.verify(tree == null ? "" : tree, null, null);
        } catch (HttpProblem problem) {
            return render(new PageFilter(), null, PageProblem.of(problem), null);
        }
        return render(new PageFilter(), null, null, report);
    }

    private Response render(PageFilter filter, String cursor, PageProblem problem, TrailVerification.Report verification) {
        View view = view(filter, cursor, problem, verification);
        return Response.status(view.problem() == null ? 200 : view.problem().status()).type(MediaType.TEXT_HTML)
                .entity(Templates.console(view)).build();
    }

    private View view(PageFilter filter, String cursor, PageProblem given, TrailVerification.Report verification) {
        PageProblem problem = given;
        List<ComplianceService.Row> rows = List.of();
        String next = null;
        ComplianceFilter api = null;
        try {
            api = filter.toApiFilter();
            ComplianceService.Rows page = compliance.search(api, cursor, PAGE);
            rows = page.records();
            next = page.next() == null ? null : filter.link("/console", "cursor", page.next());
        } catch (HttpProblem e) {
            problem = PageProblem.of(e);
        } catch (ConstraintViolationException e) {
            problem = PageProblem.invalid(e.getConstraintViolations());
        }
        Instant chartTo = instantOr(api == null ? null : api.to, Instant.now());
        Instant chartFrom = instantOr(api == null ? null : api.from, chartTo.minus(CHART_SPAN));
        if (!chartFrom.isBefore(chartTo) || Duration.between(chartFrom, chartTo).compareTo(Duration.ofDays(31)) > 0) {
            chartFrom = chartTo.minus(CHART_SPAN);
        }
        TrailTrees.Trail all = trail.trail();
        // Newest month first, the epochs tree last: the current month is what a reviewer checks most.
        TrailTrees.Trail trails = new TrailTrees.Trail(all.verifierKey(), all.trees().stream()
                .sorted(java.util.Comparator.comparing((TrailTrees.Tree t) -> "epochs".equals(t.tree()))
                        .thenComparing(TrailTrees.Tree::tree, java.util.Comparator.reverseOrder()))
                .toList(), all.witnessKeys());
        String latestTree = trails.trees().stream().map(TrailTrees.Tree::tree).filter(t -> !"epochs".equals(t))
                .findFirst().orElse(null);
        String checkpoint = latestTree == null ? null : trail.checkpoint(latestTree, null);
        List<UnusualAccess.Finding> unusual = compliance.unusualAccess(chartFrom, chartTo);
        return new View(filter.form(), problem, rows, next,
                cursor == null ? null : filter.link("/console"),
                filter.link("/console/export.csv"), trails, checkpoint, latestTree, verification, unusual,
                ViewsChart.draw(views(chartFrom, chartTo), chartFrom, chartTo), chartFrom, chartTo,
                cosignatures.recent(RECENT_COSIGNATURES));
    }

    /** Card views per hour and touchpoint, as the chart counts them. */
    private List<ViewsChart.Count> views(Instant from, Instant to) {
        return compliance.viewsPerHour(from, to).stream().map(v -> new ViewsChart.Count(v.hour(), v.touchpoint(), v.views())).toList();
    }

    private static Instant instantOr(String value, Instant otherwise) {
        try {
            return value == null ? otherwise : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    /** The console's filter form, turned into the API's filter (the form's local times read as UTC). */
    public static class PageFilter {
        @QueryParam("customerId") public String customerId;
        @QueryParam("staffSubject") public String staffSubject;
        @QueryParam("touchpoint") public String touchpoint;
        @QueryParam("role") public String role;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("outcome") public String outcome;
        @QueryParam("breakGlass") public String breakGlass;

        Form form() {
            return new Form(orEmpty(customerId), orEmpty(staffSubject), orEmpty(touchpoint), orEmpty(role), orEmpty(from),
                    orEmpty(to), orEmpty(outcome), orEmpty(breakGlass));
        }

        ComplianceFilter toApiFilter() {
            ComplianceFilter f = new ComplianceFilter();
            f.customerId = blankToNull(customerId);
            f.staffSubject = blankToNull(staffSubject);
            f.touchpoint = blankToNull(touchpoint) == null ? null : touchpoint.strip().toUpperCase(java.util.Locale.ROOT);
            f.role = blankToNull(role);
            f.from = utc("from", from);
            f.to = utc("to", to);
            f.outcome = blankToNull(outcome);
            f.breakGlass = blankToNull(breakGlass) == null ? null : Boolean.valueOf(breakGlass);
            return f;
        }

        /** The path with this filter as its query, each value percent-encoded (never read as a URI template). */
        String link(String path, String... more) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("customerId", customerId);
            params.put("staffSubject", staffSubject);
            params.put("touchpoint", touchpoint);
            params.put("role", role);
            params.put("from", from);
            params.put("to", to);
            params.put("outcome", outcome);
            params.put("breakGlass", breakGlass);
            for (int i = 0; i + 1 < more.length; i += 2) {
                params.put(more[i], more[i + 1]);
            }
            StringBuilder link = new StringBuilder(path);
            params.forEach((name, value) -> {
                if (blankToNull(value) != null) {
                    link.append(link.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                            .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return link.toString();
        }

        private static String utc(String name, String local) {
            String value = blankToNull(local);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
            } catch (DateTimeParseException e) {
                return value; // the API's own check names the field and the expected form
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    /** Anything this page did not handle, as a page rather than a JSON problem. */
    @ServerExceptionMapper
    Response failed(RuntimeException failure, ContainerRequestContext context) {
        return PagesResource.error(failure, context);
    }
}
