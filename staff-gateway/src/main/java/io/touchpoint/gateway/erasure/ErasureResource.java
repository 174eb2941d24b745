package io.touchpoint.gateway.erasure;

import io.touchpoint.gateway.downstream.SubjectToken;
import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Erase me": one request for every service, and its status until every service has confirmed. */
@Path("/api/me/erasure")
@RolesAllowed("customer")
@Tag(name = "My erasure", description = "For the signed-in customer: one request, every service")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureResource {

    private final CurrentCustomer customer;
    private final ErasureService erasures;
    private final SubjectToken subjectToken;

    public ErasureResource(CurrentCustomer customer, ErasureService erasures, SubjectToken subjectToken) {
        this.customer = customer;
        this.erasures = erasures;
        this.subjectToken = subjectToken;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase me everywhere: profile anonymised, preferences and photo deleted, every consent withdrawn",
            description = "Every service is asked at once, with your own authority (your token, exchanged for each service). "
                    + "A service that accepted the request but could not confirm is asked again until it does. Asking again "
                    + "while a request is open answers with that same request and offers it again to every service that has "
                    + "not confirmed (one that could not be reached before); it never starts another. "
                    + "200 when every service confirmed, 202 while some part is pending (see GET).")
    @APIResponse(responseCode = "200", description = "Erased everywhere: the combined receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureService.CombinedReceipt.class)))
    @APIResponse(responseCode = "202", description = "Accepted; some services have not confirmed yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureService.CombinedReceipt.class)))
    public Response erase() {
        // Asking again while a request is open answers with that request (ADR 0017): one open request per customer.
        ErasureService.CombinedReceipt receipt = erasures.erase(customer.id(), subjectToken.raw());
        return Response.status(receipt.complete() ? 200 : 202).entity(receipt).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where my latest erasure request stands, service by service")
    @APIResponse(responseCode = "200", description = "The combined receipt so far")
    @APIResponse(responseCode = "404", description = "I never asked for erasure")
    public ErasureService.CombinedReceipt status() {
        return erasures.latestReceipt(customer.id())
                .orElseThrow(() -> Problems.of(404, "no-erasure-request", "No erasure request", "you have not asked for erasure"));
    }
}
