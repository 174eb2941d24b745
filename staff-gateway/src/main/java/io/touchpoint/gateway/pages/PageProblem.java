package io.touchpoint.gateway.pages;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.ConstraintViolation;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** A problem as a page shows it: the same title and detail the API would give, in a banner. */
public record PageProblem(int status, String title, String detail) {

    public static PageProblem of(HttpProblem problem) {
        return new PageProblem(problem.getStatusCode(), problem.getTitle(), problem.getDetail());
    }

    /** A downstream service's refusal (its own 4xx problem), as the page shows it. */
    public static PageProblem of(io.touchpoint.gateway.downstream.DownstreamRefusal refusal) {
        return new PageProblem(refusal.status(), refusal.title(), refusal.detail());
    }

    /** Bean-validation failures of a form, named by field, as the API's 400 would name them. */
    public static PageProblem invalid(Set<? extends ConstraintViolation<?>> violations) {
        String detail = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        return new PageProblem(400, "Check the form", detail);
    }

    public boolean notFound() {
        return status == 404;
    }
}
