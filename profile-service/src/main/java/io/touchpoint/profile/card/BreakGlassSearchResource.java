package io.touchpoint.profile.card;

import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.customer.CustomerStatus;
import io.touchpoint.profile.customer.Tier;
import io.touchpoint.profile.web.Roles;
import io.touchpoint.support.justification.Justification;
import io.touchpoint.support.justification.Justifications;
import io.touchpoint.support.web.ActingStaff;
import io.touchpoint.support.web.GatewayRelay;
import io.touchpoint.support.relay.RelayedReads;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The only name search there is: for a supervisor acting through the gateway, with a written justification
 * that the gateway records (break-glass). Frontline roles cannot reach it.
 */
@Path("/api/card-projections/search")
@Tag(name = "Card projection", description = "For staff, through the staff-gateway only (their token exchanged for this service)")
@SecurityRequirement(name = "SecurityScheme")
public class BreakGlassSearchResource {

    private static final Logger LOG = Logger.getLogger(BreakGlassSearchResource.class);
    static final int MAX_RESULTS = 20;

    public record SearchRequest(
            @NotBlank @Size(min = 2, max = 100) @Schema(example = "Desmarais") String familyName,
            @Size(max = 100) @Schema(example = "Luc") String givenName,
            // Free text travels in the body, never in a header: line breaks, tabs, any script or emoji are fine here.
            // The gateway's rule, from service-support: what one service takes, the other takes too.
            @Justification(message = "must explain the search in 30 to 2000 characters, without control characters")
            @Schema(example = "Passenger unwell at gate B7; the medical team needs the booking") String justification) {

        public SearchRequest {
            justification = Justifications.normalise(justification);
        }
    }

    private final GatewayRelay relay;
    private final RelayedReads reads;

    public BreakGlassSearchResource(GatewayRelay relay, RelayedReads reads) {
        this.relay = relay;
        this.reads = reads;
    }

    public record Candidate(
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "Luc") String givenName,
            @Schema(example = "Desmarais") String familyName,
            @Schema(example = "GOLD") Tier tier) {
    }

    /**
     * The one check for every break-glass path: a supervisor, with a written justification. What makes a justification
     * valid is {@link Justifications}, shared with the gateway; the requests check it when one is given, this checks
     * that one is, and again by the same rule so that no path can skip it.
     */
    static void require(ActingStaff staff, String justification) {
        if (!"supervisor".equals(staff.role)) {
            throw Problems.of(403, "no-browsing", "No name search for this role",
                    "Only a supervisor may search by name; frontline staff find customers from what they present.");
        }
        if (!Justifications.isValid(justification)) {
            throw Problems.badRequest("justification-needed", "Justification needed",
                    "justification must explain the search in " + Justifications.MIN + " to " + Justifications.MAX
                            + " characters, without control characters");
        }
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.GATE_AGENT, Roles.CHECK_IN_AGENT, Roles.LOUNGE_HOST, Roles.CABIN_CREW, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Break-glass: find customers by name, for a supervisor with a written justification",
            description = "At most " + MAX_RESULTS + " active customers whose family name matches exactly (any case).")
    @APIResponse(responseCode = "200", description = "Matching customers")
    @APIResponse(responseCode = "400", description = "No justification, or one that is not 30 to 2,000 characters once the white "
            + "space around it is removed (the gateway's rule)")
    @APIResponse(responseCode = "403", description = "The acting role is not supervisor, or the token does not prove it")
    public List<Candidate> search(@Valid @BeanParam ActingStaff declared, @NotNull @Valid SearchRequest request) {
        ActingStaff staff = relay.staff(declared);
        require(staff, request.justification());
        String given = request.givenName() == null ? "" : request.givenName().strip().toLowerCase(Locale.ROOT);
        List<Candidate> found = Customer.<Customer>find(
                        "lower(familyName) = ?1 and status = ?2 and (?3 = '' or lower(givenName) like ?4) order by givenName",
                        request.familyName().strip().toLowerCase(Locale.ROOT), CustomerStatus.ACTIVE, given, given + "%")
                .page(0, MAX_RESULTS).list().stream()
                .map(c -> new Candidate(c.id, c.givenName, c.familyName, c.tier))
                .toList();
        reads.record(staff, "break-glass-search", found.stream().map(Candidate::customerId).toList());
        LOG.infof("break-glass search by %s: %d candidates", staff.describe(), found.size());
        return found;
    }
}
