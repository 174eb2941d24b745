package io.touchpoint.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is asking on the gateway's behalf: the acting staff member, role, touchpoint and purposes, required as
 * headers on every service-to-service call, validated here and logged (never anything about the customer).
 */
public class ActingStaff {

    public static final String STAFF_ROLES = "gate-agent|check-in-agent|lounge-host|cabin-crew|supervisor";

    public static final String TOUCHPOINT = "([A-Z][A-Z_]{1,19})/[A-Za-z0-9._-]{1,40}";
    public static final String PURPOSES = "[a-z][a-z0-9-]{1,49}(,[a-z][a-z0-9-]{1,49}){0,4}";

    // Violations name the field; the messages name the header, which is what a client developer sees.
    @HeaderParam("X-Acting-Subject")
    @NotBlank(message = "header X-Acting-Subject is required")
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "header X-Acting-Subject must be the staff member's token subject")
    @Parameter(example = "0b8c6f0e-staff")
    public String subject;

    @HeaderParam("X-Acting-Role")
    @NotBlank(message = "header X-Acting-Role is required")
    @Pattern(regexp = STAFF_ROLES, message = "header X-Acting-Role must be one of " + STAFF_ROLES)
    @Parameter(example = "gate-agent")
    public String role;

    @HeaderParam("X-Touchpoint")
    @NotBlank(message = "header X-Touchpoint is required")
    @Pattern(regexp = TOUCHPOINT, message = "header X-Touchpoint must be TYPE/ID, e.g. GATE/A12")
    @Parameter(example = "GATE/A12")
    public String touchpoint;

    @HeaderParam("X-Purpose")
    @NotBlank(message = "header X-Purpose is required")
    @Pattern(regexp = PURPOSES, message = "header X-Purpose must be one to five purpose keys, comma-separated")
    @Parameter(example = "personalised-service,assistance-sharing")
    public String purpose;

    public Set<String> purposes() {
        return new LinkedHashSet<>(Arrays.asList(purpose.split(",")));
    }

    public String touchpointType() {
        return touchpoint.substring(0, touchpoint.indexOf('/'));
    }

    /**
     * For application logs: role, touchpoint and purposes, never the staff member's subject. Who it was is in the
     * gateway's access record, which the log line's request id leads to.
     */
    public String describe() {
        return "role " + role + ", touchpoint " + touchpoint + ", purposes " + purposes();
    }
}
