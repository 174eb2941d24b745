package io.touchpoint.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is asking through the gateway: the acting role, touchpoint and purposes, required as headers on every
 * service-to-service call, validated here and logged (never anything about the customer). The staff member is
 * not a header: {@link GatewayRelay#staff} takes the subject from the exchanged token and checks that the token
 * holds the role named here (RFC 8693 token exchange, docs/decisions/0015).
 */
public class ActingStaff {

    public static final String STAFF_ROLES = "gate-agent|check-in-agent|lounge-host|cabin-crew|supervisor";

    public static final String TOUCHPOINT = "([A-Z][A-Z_]{1,19})/[A-Za-z0-9._-]{1,40}";
    public static final String PURPOSES = "[a-z][a-z0-9-]{1,49}(,[a-z][a-z0-9-]{1,49}){0,4}";

    /** The staff member, from the exchanged token's subject once {@link GatewayRelay#staff} has proven it. */
    public String subject;

    // Violations name the field; the messages name the header, which is what a client developer sees.
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

    /**
     * The gateway's own id for the look this call serves, under which its access record is written; the services
     * keep it with each read they answer, so the gateway can find the record for every read ({@code RelayedReads}).
     */
    @HeaderParam("X-Request-Id")
    @Pattern(regexp = "[A-Za-z0-9-]{8,64}", message = "header X-Request-Id must be 8 to 64 letters, digits or hyphens")
    @Parameter(example = "7c1e4f52-9d0b-4a8e-b1f3-2a6d5c4e3f21")
    public String requestId;

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
