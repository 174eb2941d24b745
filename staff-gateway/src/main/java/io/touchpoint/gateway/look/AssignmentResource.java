package io.touchpoint.gateway.look;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations feed staff assignments here, keyed by their own ids (idempotent), as they feed history to profiles. */
@Path("/api/staff-assignments")
@RolesAllowed("ops-import")
@Tag(name = "Staff assignments", description = "For operational systems (role ops-import)")
@SecurityRequirement(name = "SecurityScheme")
public class AssignmentResource {

    private final StaffAssignments assignments;

    public AssignmentResource(StaffAssignments assignments) {
        this.assignments = assignments;
    }

    public record Stored(@Schema(example = "roster-2026-12-02-0042") String externalId,
                         @Schema(example = "CREATED") StaffAssignments.Outcome outcome) {
    }

    @PUT
    @Path("/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a staff assignment",
            description = "While an assignment is current, the staff member's cards must come from its touchpoint.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid assignment: unknown touchpoint type, empty or over-long interval")
    public Response put(@PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}")
                        @Parameter(example = "roster-2026-12-02-0042") String externalId,
                        @NotNull @Valid AssignmentRecord record) {
        StaffAssignments.Outcome outcome = assignments.put(externalId, record);
        return Response.status(outcome == StaffAssignments.Outcome.CREATED ? 201 : 200)
                .entity(new Stored(externalId, outcome)).build();
    }
}
