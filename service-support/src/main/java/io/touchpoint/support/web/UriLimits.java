package io.touchpoint.support.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * URIs and query parameters are bounded before any route sees them: a long URI is a 414 problem and a long or
 * badly encoded query parameter a 400 problem naming it, so no endpoint parses, logs or queries with them.
 * Request lines beyond {@code quarkus.http.limits.max-initial-line-length} never get here: the HTTP layer answers
 * those with a bare 414 (docs/api.md, Limits).
 */
public class UriLimits {

    /** A parameter name safe to repeat in the answer; any other is called "a query parameter". */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final int maxUri;
    private final int maxQueryParameter;

    public UriLimits(LimitsConfig config) {
        this.maxUri = config.uri();
        this.maxQueryParameter = config.queryParameter();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseOversizeUris(HttpServerRequest request) {
        String uri = request.uri();
        if (uri != null && uri.length() > maxUri) {
            throw Problems.of(414, "uri-too-long", "URI too long",
                    "Request URIs are limited to " + maxUri + " characters; send large input in a JSON body.");
        }
        String query = request.query();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (value.length() > maxQueryParameter || name.length() > maxQueryParameter) {
                throw Problems.badRequest("query-parameter-too-long", "Query parameter too long",
                        label(name) + ": at most " + maxQueryParameter + " characters");
            }
        }
    }

    private static String decode(String text, String name) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidEncoding(name);
        }
    }

    private static HttpProblem invalidEncoding(String name) {
        return Problems.badRequest("invalid-query", "Invalid query string",
                (name == null ? "a query parameter's name" : label(name)) + ": not valid percent-encoding (RFC 3986)");
    }

    private static String label(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "a query parameter";
    }
}
