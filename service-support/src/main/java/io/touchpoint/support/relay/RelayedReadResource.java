package io.touchpoint.support.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** The reads this service answered for staff, for the gateway's reconciliation against its access records. */
@Path("/api/relayed-reads")
@Tag(name = "Relayed reads", description = "For the staff-gateway's reconciliation only (docs/decisions/0018)")
@SecurityRequirement(name = "SecurityScheme")
@IfBuildProperty(name = "touchpoint.relayed-reads.enabled", stringValue = "true")
public class RelayedReadResource {

    /** The gateway's own service account (client credentials); it acts for nobody. */
    static final String GATEWAY_SERVICE = "gateway-service";

    private final RelayedReads reads;

    public RelayedReadResource(RelayedReads reads) {
        this.reads = reads;
    }

    public record Page(List<RelayedReads.Read> reads,
                       @Schema(example = "4211", description = "Pass as after for the next page; the same after when nothing is new")
                       long next) {
    }

    @GET
    @RolesAllowed(GATEWAY_SERVICE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reads answered for staff after a given id, oldest first",
            description = "Only reads at least settledSeconds old, so that the gateway's access record has been written. "
                    + "Who read is the staff member's token subject; gatewayRequestId is the id the gateway sent.")
    @APIResponse(responseCode = "200", description = "A page of reads")
    @APIResponse(responseCode = "400", description = "after, limit or settledSeconds out of range")
    @APIResponse(responseCode = "403", description = "Not the gateway's service account")
    public Page after(@QueryParam("after") @DefaultValue("0")
                      @Pattern(regexp = "[0-9]{1,18}", message = "must be the next value of an earlier page, or 0") String after,
                      @QueryParam("limit") @DefaultValue("500") @Pattern(regexp = "[0-9]{1,6}", message = "must be a whole number") @Min(1) @Max(RelayedReads.MAX_PAGE) String limit,
                      @QueryParam("settledSeconds") @DefaultValue("120") @Pattern(regexp = "[0-9]{1,6}", message = "must be a whole number of seconds") @Min(0) @Max(86400) String settledSeconds) {
        // Strings, so that after=x is a 400 problem that says so, not the 404 JAX-RS gives an unparseable number.
        long from = Long.parseLong(after);
        List<RelayedReads.Read> page = reads.after(from, Duration.ofSeconds(Long.parseLong(settledSeconds)), Integer.parseInt(limit));
        return new Page(page, page.isEmpty() ? from : page.getLast().id());
    }
}
