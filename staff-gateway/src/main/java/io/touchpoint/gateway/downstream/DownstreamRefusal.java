package io.touchpoint.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;

/**
 * A downstream service refused the request (4xx): its problem is the client's answer, not a fault to retry
 * or to trip a circuit breaker over. 5xx and transport failures stay ordinary exceptions.
 */
public class DownstreamRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;

    public DownstreamRefusal(int status, String title, String detail) {
        super("downstream refused with " + status);
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Maps a downstream error response; problem bodies of our services never carry personal data. */
    public static RuntimeException of(String service, Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            JsonNode problem = null;
            try {
                problem = response.readEntity(JsonNode.class);
            } catch (RuntimeException ignored) {
                // no readable problem body: the status alone says enough
            }
            return new DownstreamRefusal(status,
                    problem == null ? "Refused" : problem.path("title").asText("Refused"),
                    problem == null ? service + " refused the request." : detail(problem));
        }
        return new IllegalStateException(service + " answered " + status);
    }

    /** The problem's detail, or the field-by-field list a validation problem carries instead. */
    private static String detail(JsonNode problem) {
        StringBuilder detail = new StringBuilder(problem.path("detail").asText(""));
        for (JsonNode violation : problem.path("violations")) {
            detail.append(detail.isEmpty() ? "" : "; ").append(violation.path("field").asText())
                    .append(": ").append(violation.path("message").asText());
        }
        return detail.toString();
    }
}
