package io.touchpoint.gateway.audit;

import io.touchpoint.support.web.ActingStaff;
import io.touchpoint.support.web.Problems;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The compliance filters, as query parameters; the search and the CSV export take the same ones. */
public class ComplianceFilter {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @QueryParam("customerId")
    @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
    public String customerId;

    @QueryParam("staffSubject")
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}")
    public String staffSubject;

    @QueryParam("touchpoint")
    @Pattern(regexp = ActingStaff.TOUCHPOINT)
    public String touchpoint;

    @QueryParam("role")
    @Pattern(regexp = ActingStaff.STAFF_ROLES)
    public String role;

    @QueryParam("from")
    @Schema(example = "2026-11-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Schema(example = "2026-12-01T00:00:00Z")
    public String to;

    @QueryParam("outcome")
    @Pattern(regexp = "SERVED|SERVED_WITHOUT_PREFERENCES|NOT_FOUND|DENIED|FAILED")
    public String outcome;

    @QueryParam("breakGlass")
    public Boolean breakGlass;

    AccessQuery.Filter toFilter() {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw Problems.badRequest("invalid-period", "Invalid period", "from must be before to");
        }
        return new AccessQuery.Filter(customerId == null ? null : UUID.fromString(customerId), staffSubject, touchpoint,
                role, start, end, outcome, breakGlass);
    }

    /** The range the database can store and any trail can hold; a year 200000 is a mistake, not a query. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("invalid-time", "Invalid time", name + ": must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        return within(name, instant);
    }

    /** The instant, if it lies in the range any trail can hold; a 400 problem naming the parameter otherwise. */
    static Instant within(String name, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Problems.badRequest("invalid-time", "Invalid time", name + ": must lie between 1970 and 9999");
        }
        return instant;
    }
}
