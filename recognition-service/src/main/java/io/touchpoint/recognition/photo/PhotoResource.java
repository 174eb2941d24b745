package io.touchpoint.recognition.photo;

import io.touchpoint.support.web.CurrentCustomer;
import io.touchpoint.recognition.web.Roles;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** The customer's own photo: uploaded by them only, shown to staff only under a recognition-by-photo consent. */
@Path("/api/me/photo")
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My photo", description = "For the signed-in customer")
@SecurityRequirement(name = "SecurityScheme")
public class PhotoResource {

    private final CurrentCustomer customer;
    private final PhotoConsent consent;

    public PhotoResource(CurrentCustomer customer, PhotoConsent consent) {
        this.customer = customer;
        this.consent = consent;
    }

    public record Stored(@Schema(example = "image/jpeg") String mediaType, @Schema(example = "600") int width,
                         @Schema(example = "800") int height, @Schema(example = "2026-11-23T10:00:00Z") Instant uploadedAt) {
    }

    @PUT
    @Consumes({"image/jpeg", "image/png"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload my photo (JPEG or PNG, at most 5 MB, 64 to 2048 pixels a side)",
            description = "Needs a current recognition-by-photo consent: the photo exists only while one stands, and is deleted "
                    + "when the last one is withdrawn or expires. The content is checked, not the declared type; the image is "
                    + "re-encoded from its pixels, so no metadata is kept.")
    @APIResponse(responseCode = "200", description = "Stored, without metadata")
    @APIResponse(responseCode = "400", description = "Not really a JPEG or PNG, or of unsuitable size")
    @APIResponse(responseCode = "409", description = "No current recognition-by-photo consent: give one first")
    @APIResponse(responseCode = "413", description = "Larger than 5 MB")
    public Stored upload(byte[] body) {
        UUID id = customer.id();
        PhotoSanitiser.Clean clean;
        try {
            // Outside the transaction: decoding is the slow part, and holds no lock or connection.
            clean = PhotoSanitiser.sanitise(body);
        } catch (PhotoSanitiser.Rejected e) {
            throw Problems.badRequest("invalid-photo", "Invalid photo", e.getMessage());
        }
        CustomerPhoto photo = consent.store(id, clean);
        return new Stored(photo.mediaType, photo.width, photo.height, photo.uploadedAt);
    }

    @GET
    @Transactional
    @Produces({"image/jpeg", "image/png", "application/problem+json"})
    @Operation(summary = "My photo, as stored")
    @APIResponse(responseCode = "200", description = "The photo")
    @APIResponse(responseCode = "404", description = "No photo, or no current recognition-by-photo consent (it is being deleted)")
    public Response download() {
        // A photo whose consent ended waits for the sweep only in storage: it is never served meanwhile.
        CustomerPhoto photo = CustomerPhoto.<CustomerPhoto>findByIdOptional(customer.id())
                .filter(p -> consent.current(p.customerId))
                .orElseThrow(() -> Problems.of(404, "no-photo", "No photo", "You have no photo under a current consent."));
        return Response.ok(photo.content, photo.mediaType).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Transactional
    @Operation(summary = "Delete my photo")
    @APIResponse(responseCode = "204", description = "Deleted (or there was none)")
    public void delete() {
        CustomerPhoto.deleteById(customer.id());
    }
}
