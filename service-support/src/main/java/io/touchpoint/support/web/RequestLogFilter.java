package io.touchpoint.support.web;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One log line per request with the route template (e.g. {@code /api/ingest/customers/{externalId}}),
 * never the raw path, query string, headers or body, so no identifier reaches the log. Also gives every
 * request an id of the server's own making: a client's {@code X-Request-Id} is kept only as a correlation id
 * (logged, echoed as {@code X-Correlation-Id}), so nothing that is recorded or counted rests on a value the
 * client chose.
 */
public class RequestLogFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    /** The request property (and MDC key) holding the server-made request id. */
    public static final String MDC_KEY = "request-id";
    /** The request property (and MDC key) holding the client's own id, when it sent a well-formed one. */
    public static final String CORRELATION_KEY = "correlation-id";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";
    private static final Logger LOG = Logger.getLogger("io.touchpoint.request");

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        String id = UUID.randomUUID().toString();
        request.setProperty(MDC_KEY, id);
        request.setProperty(STARTED, System.nanoTime());
        MDC.put(MDC_KEY, id);
        String given = request.getHeaderString(REQUEST_ID_HEADER);
        if (given != null && REQUEST_ID.matcher(given).matches()) {
            request.setProperty(CORRELATION_KEY, given);
            MDC.put(CORRELATION_KEY, given);
        } else {
            MDC.remove(CORRELATION_KEY);
        }
    }

    @ServerResponseFilter
    public void finish(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID_HEADER, id);
        }
        Object correlation = request.getProperty(CORRELATION_KEY);
        if (correlation != null) {
            response.getHeaders().putSingle(CORRELATION_ID_HEADER, correlation);
        }
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1000 : -1;
        LOG.infof("%s %s -> %d in %d.%03d ms", request.getMethod(), template(resource), response.getStatus(),
                micros / 1000, Math.abs(micros % 1000));
    }

    private static String template(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return "(no matching route)";
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : method.value());
    }
}
