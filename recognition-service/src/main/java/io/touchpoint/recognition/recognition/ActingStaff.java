package io.touchpoint.recognition.recognition;

import io.touchpoint.recognition.web.Roles;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Who is asking on the gateway's behalf: required on every recognition call, checked and logged. */
public class ActingStaff {

    static final String TOUCHPOINT = "([A-Z][A-Z_]{1,19})/[A-Za-z0-9._-]{1,40}";
    static final String PURPOSES = "[a-z][a-z0-9-]{1,49}(,[a-z][a-z0-9-]{1,49}){0,4}";

    @HeaderParam("X-Acting-Subject")
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be the staff member's token subject")
    @Parameter(example = "0b8c6f0e-staff")
    public String subject;

    @HeaderParam("X-Acting-Role")
    @NotBlank
    @Pattern(regexp = Roles.STAFF_PATTERN, message = "must be one of " + Roles.STAFF_PATTERN)
    @Parameter(example = "gate-agent")
    public String role;

    @HeaderParam("X-Touchpoint")
    @NotBlank
    @Pattern(regexp = TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
    @Parameter(example = "GATE/A12")
    public String touchpoint;

    @HeaderParam("X-Purpose")
    @NotBlank
    @Pattern(regexp = PURPOSES, message = "must be one to five purpose keys, comma-separated")
    @Parameter(example = "personalised-service,assistance-sharing")
    public String purpose;

    public Set<String> purposes() {
        return new LinkedHashSet<>(Arrays.asList(purpose.split(",")));
    }

    public String touchpointType() {
        return touchpoint.substring(0, touchpoint.indexOf('/'));
    }
}
