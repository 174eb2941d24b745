package io.touchpoint.gateway.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The trail, not the contents: access records by customer, staff, touchpoint, role, time and outcome. */
@Path("/api/compliance/access-records")
@RolesAllowed("compliance-auditor")
@Tag(name = "Compliance", description = "For compliance reviewers (role compliance-auditor)")
@SecurityRequirement(name = "SecurityScheme")
public class ComplianceResource {

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @Path("/unusual")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unusual access in a period, each finding explained in plain words",
            description = "High card-view rates against the staff member's own usual rate, repeated break-glass searches, "
                    + "and many identifiers that matched nobody. Defaults to the last 24 hours; at most 31 days "
                    + "(touchpoint.compliance.max-report-period).")
    @APIResponse(responseCode = "200", description = "The findings, possibly none")
    @APIResponse(responseCode = "400", description = "A malformed period, or one longer than the longest report period")
    public List<UnusualAccess.Finding> unusualAccess(@QueryParam("from") @Schema(example = "2026-11-22T00:00:00Z") String from,
                                                     @QueryParam("to") @Schema(example = "2026-11-23T00:00:00Z") String to) {
        Instant end = to == null ? Instant.now() : ComplianceFilter.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : ComplianceFilter.instant("from", from);
        return compliance.unusualAccess(start, end);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search access records, newest first, one page at a time")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "A malformed filter or cursor")
    public ComplianceService.Rows search(@Valid @BeanParam ComplianceFilter filters,
                                         @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(AccessQuery.MAX_PAGE) int limit) {
        return compliance.search(filters, cursor, limit);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The same search as CSV, every matching record, streamed page by page",
            description = "At most 100,000 records (touchpoint.compliance.max-export-rows): a search matching more is "
                    + "refused with a 400 problem before anything is streamed; narrow it with from and to.")
    @APIResponse(responseCode = "400", description = "A malformed filter, or more matching records than one export holds")
    @APIResponse(responseCode = "200", description = "CSV with a header row", content = @Content(mediaType = "text/csv",
            example = "id,recordedAt,requestId,staffSubject,role,device,touchpoint,customerId,purpose,policyVersion,fields,"
                    + "receipts,outcome,breakGlassJustification,recordHash\r\n7d3c1b2a-0000-4000-8000-000000000001,"
                    + "2026-11-23T10:15:30.123456Z,req-1,0b8c6f0e-staff,gate-agent,tablet-17,GATE/A12,"
                    + "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e,personalised-service,2026-11-23.1,greeting tier,,SERVED,,9f86d0…\r\n"))
    public Response export(@Valid @BeanParam ComplianceFilter filters) {
        StreamingOutput csv = compliance.export(filters);
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"access-records.csv\"").build();
    }
}
