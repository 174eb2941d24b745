package io.touchpoint.recognition.consent;

import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.support.web.Problems;
import io.touchpoint.trail.TrailProofs;
import io.touchpoint.recognition.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** The customer's consents: grant, withdraw (as easy as granting), renew, and the receipts of each step. */
@Path("/api/me")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My consents", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class ConsentResource {

    private final CurrentCustomer customer;
    private final ConsentService consents;
    private final TrailProofs proofs;

    public ConsentResource(CurrentCustomer customer, ConsentService consents, TrailProofs proofs) {
        this.customer = customer;
        this.consents = consents;
        this.proofs = proofs;
    }

    @GET
    @Path("/consents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My consents: active, expiring within 30 days, and past (withdrawn or expired)")
    @APIResponse(responseCode = "200", description = "All my consents with their receipt ids")
    public ConsentView.Overview list() {
        return consents.overview(customer.id());
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a consent, pinned to the notice version I was shown",
            description = "Expires after durationMonths (at most 24; never open-ended).")
    @APIResponse(responseCode = "201", description = "Granted; the body holds the receipt")
    @APIResponse(responseCode = "400", description = "Unknown purpose, category the purpose cannot cover, nobody to share with")
    @APIResponse(responseCode = "409", description = "The notice changed since it was shown")
    public Response grant(@NotNull @Valid GrantRequest request) {
        ConsentService.Granted granted = consents.grant(customer.id(), request, ConsentEvent.Channel.PORTAL);
        return Response.created(URI.create("/api/me/receipts/" + granted.receipt().consentReceiptID()))
                .entity(granted).build();
    }

    @POST
    @Path("/consents/{consentId}/withdrawal")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a consent; staff stop seeing what it covered from the next look")
    @APIResponse(responseCode = "200", description = "The withdrawal receipt (the same one if already withdrawn)")
    @APIResponse(responseCode = "404", description = "I have no consent with this id")
    public ConsentReceipt withdraw(@PathParam("consentId") UUID consentId) {
        return consents.withdraw(customer.id(), consentId, ConsentEvent.Channel.PORTAL);
    }

    @POST
    @Path("/consents/{consentId}/renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renew a consent for a full term from now, under the current notice")
    @APIResponse(responseCode = "200", description = "The renewal receipt")
    @APIResponse(responseCode = "409", description = "Withdrawn, or the notice changed since it was shown")
    public ConsentReceipt renew(@PathParam("consentId") UUID consentId, @NotNull @Valid RenewRequest request) {
        return consents.renew(customer.id(), consentId, request.noticeVersion());
    }

    @GET
    @Path("/receipts/{receiptId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A consent receipt (Kantara CR 1.1 fields, ISO/IEC TS 27560 structure)")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "I have no receipt with this id")
    public ConsentReceipt receipt(@PathParam("receiptId") UUID receiptId) {
        return consents.receiptFor(customer.id(), receiptId);
    }

    @GET
    @Path("/receipts/{receiptId}/proof")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proof that this step of my consent is in the signed consent ledger trail",
            description = "The ledger entry's canonical bytes, its inclusion proof and the signed checkpoint; "
                    + "touchpoint-verify inclusion checks it offline (docs/audit-trail.md).")
    @APIResponse(responseCode = "200", description = "The inclusion proof")
    @APIResponse(responseCode = "404", description = "I have no such step in the trail (a new one joins within seconds)")
    public TrailProofs.InclusionProof receiptProof(@PathParam("receiptId") UUID receiptId) {
        boolean mine = ConsentEvent.count("id = ?1 and customerId = ?2", receiptId, customer.id()) > 0;
        return (mine ? proofs.inclusion(receiptId, true) : Optional.<TrailProofs.InclusionProof>empty())
                .orElseThrow(() -> Problems.of(404, "receipt-not-in-trail", "Receipt not in the trail",
                        "you have no consent step with this id in the trail; a new one joins within seconds"));
    }
}
