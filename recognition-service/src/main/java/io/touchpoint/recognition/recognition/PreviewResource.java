package io.touchpoint.recognition.recognition;

import io.touchpoint.recognition.catalogue.Purpose;
import io.touchpoint.support.touchpoint.TouchpointType;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** "What would staff see about me right now": the same evaluation recognition runs, for each staff role. */
@Path("/api/me/preview")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My preview", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class PreviewResource {

    /**
     * Where each role works, in the touchpoint names the tablet and the gateway's look policy use: each frontline
     * role at its own type, a supervisor at any. A consent may name either the role or the touchpoint type.
     */
    static final Map<String, List<String>> TOUCHPOINTS_OF_ROLE = touchpointsOfRole();

    private static Map<String, List<String>> touchpointsOfRole() {
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        for (TouchpointType type : TouchpointType.values()) {
            byRole.put(type.frontlineRole(), List.of(type.name()));
        }
        byRole.put("supervisor", TouchpointType.names());
        return java.util.Collections.unmodifiableMap(byRole);
    }

    private final CurrentCustomer customer;
    private final RecognitionService recognition;

    public PreviewResource(CurrentCustomer customer, RecognitionService recognition) {
        this.customer = customer;
        this.recognition = recognition;
    }

    public record RolePreview(
            @Schema(example = "gate-agent") String role,
            @Schema(example = "GATE", description = "Where this role works; absent for a role that works at every touchpoint type")
            String touchpointType,
            List<RecognitionResource.Disclosed> preferences,
            @Schema(description = "Whether this role would see your photo") boolean photo) {
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the preferences each staff role would see about me right now")
    @APIResponse(responseCode = "200", description = "One entry per staff role")
    public List<RolePreview> preview() {
        // Every purpose in the catalogue: the preview shows the most a role could be given at its usual touchpoint.
        Set<String> purposes = Purpose.<Purpose>listAll().stream().map(p -> p.key).collect(Collectors.toSet());
        Map<String, RecognitionService.Recognised> seen = recognition.preview(customer.id(), purposes, TOUCHPOINTS_OF_ROLE);
        return TOUCHPOINTS_OF_ROLE.entrySet().stream()
                .map(e -> new RolePreview(e.getKey(), e.getValue().size() == 1 ? e.getValue().getFirst() : null,
                        seen.get(e.getKey()).preferences().stream().map(RecognitionResource.Disclosed::of).toList(),
                        seen.get(e.getKey()).photo() != null))
                .toList();
    }
}
