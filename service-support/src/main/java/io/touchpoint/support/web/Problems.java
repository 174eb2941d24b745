package io.touchpoint.support.web;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;

/** The problems this service answers with besides the ones the problem extension derives from exceptions. */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem of(int status, String slug, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create("urn:touchpoint:problem:" + slug))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }

    public static HttpProblem badRequest(String slug, String title, String detail) {
        return of(400, slug, title, detail);
    }

    /** Same answer for every miss, so a caller cannot tell "nobody" from "somebody under another identifier". */
    public static HttpProblem customerNotFound() {
        return of(404, "customer-not-found", "Customer not found",
                "No customer matches the presented identifier.");
    }
}
