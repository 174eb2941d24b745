package io.touchpoint.gateway.portal;

import io.touchpoint.gateway.pages.PagesResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.touchpoint.gateway.audit.AccessHistoryService;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import io.touchpoint.gateway.downstream.SubjectToken;
import io.touchpoint.gateway.erasure.ErasureService;
import io.touchpoint.gateway.pages.PageProblem;
import io.touchpoint.support.web.CurrentCustomer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer's portal: preferences, consents with their notices, what each staff role would see, who looked,
 * export and erasure. It holds no data of its own: every read and change goes to the service that owns it, as
 * the customer (their own token), and it sends nothing the customer has not submitted (architecture rule 11).
 */
@Path("/portal")
@RolesAllowed("customer")
@Produces(MediaType.TEXT_HTML)
public class PortalPage {

    private static final Map<String, String> DONE = Map.of(
            "preferences", "Your preferences are saved.",
            "granted", "Consent given. Your receipt is in the list below.",
            "withdrawn", "Consent withdrawn. Staff no longer see what it covered; its history and receipts are kept.",
            "renewed", "Consent renewed.",
            "photo-saved", "Your photo is saved. Its metadata was removed.",
            "photo-deleted", "Your photo is deleted.");
    static final int LOOKS_PER_PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(View view);

        static native TemplateInstance erasure(ErasureService.CombinedReceipt receipt, PageProblem problem);
    }

    public record View(String done, PageProblem problem, boolean recognitionUnavailable, List<PortalReadModel.Field> fields,
                       List<PortalReadModel.PurposeRow> purposes, List<Portal.Consent> expiringSoon, List<Portal.Consent> past,
                       List<Portal.RolePreview> previews, boolean photo, List<AccessHistoryService.Look> looks,
                       String olderLooks, boolean newestLooks) {
    }

    private final CustomerRecognition recognition;
    private final CustomerProfile profile;
    private final PortalReadModel readModel;
    private final AccessHistoryService history;
    private final ErasureService erasures;
    private final CurrentCustomer customer;
    private final SubjectToken subjectToken;
    private final AccessTokenCredential accessToken;
    private final ObjectMapper json;

    public PortalPage(@RestClient CustomerRecognition recognition, @RestClient CustomerProfile profile, PortalReadModel readModel,
                      AccessHistoryService history, ErasureService erasures, CurrentCustomer customer,
                      SubjectToken subjectToken, AccessTokenCredential accessToken, ObjectMapper json) {
        this.recognition = recognition;
        this.profile = profile;
        this.readModel = readModel;
        this.history = history;
        this.erasures = erasures;
        this.customer = customer;
        this.subjectToken = subjectToken;
        this.accessToken = accessToken;
        this.json = json;
    }

    @GET
    public Response portal(@QueryParam("done") String done, @QueryParam("looks") String looksCursor) {
        return render(200, done == null ? null : DONE.get(done), null, looksCursor);
    }

    @POST
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePreferences(MultivaluedMap<String, String> form) {
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        ObjectNode values = update.putObject("preferences");
        form.forEach((name, value) -> {
            if (name.startsWith("pref:")) {
                String v = value.isEmpty() ? "" : value.getFirst().strip();
                if (v.isEmpty()) {
                    values.putNull(name.substring(5));
                } else {
                    values.put(name.substring(5), v);
                }
            }
        });
        return change(() -> recognition.updatePreferences(bearer(), update), "preferences");
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@FormParam("purpose") String purpose, @FormParam("noticeVersion") Integer noticeVersion,
                          @FormParam("category") List<String> categories, @FormParam("role") List<String> roles,
                          @FormParam("durationMonths") Integer durationMonths) {
        ObjectNode grant = JsonNodeFactory.instance.objectNode().put("purpose", purpose);
        grant.put("noticeVersion", noticeVersion);
        // Nothing ticked: recognition-service refuses, naming what is missing, and the page shows it.
        if (!categories.isEmpty()) {
            categories.forEach(grant.putArray("categories")::add);
        }
        if (!roles.isEmpty()) {
            roles.forEach(grant.putArray("roles")::add);
        }
        if (durationMonths != null) {
            grant.put("durationMonths", durationMonths);
        }
        return change(() -> recognition.grant(bearer(), grant), "granted");
    }

    @POST
    @Path("/consents/{consentId}/withdrawal")
    public Response withdraw(@PathParam("consentId") UUID consentId) {
        return change(() -> recognition.withdraw(bearer(), consentId), "withdrawn");
    }

    @POST
    @Path("/consents/{consentId}/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("consentId") UUID consentId, @FormParam("noticeVersion") Integer noticeVersion) {
        ObjectNode renewal = JsonNodeFactory.instance.objectNode().put("noticeVersion", noticeVersion);
        return change(() -> recognition.renew(bearer(), consentId, renewal), "renewed");
    }

    @GET
    @Path("/receipts/{receiptId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receipt(@PathParam("receiptId") UUID receiptId) {
        try {
            return download(recognition.receipt(bearer(), receiptId), "consent-receipt-" + receiptId + ".json");
        } catch (DownstreamRefusal refusal) {
            return render(refusal.status(), null, PageProblem.of(refusal));
        } catch (RuntimeException e) {
            return render(503, null, unavailable());
        }
    }

    @GET
    @Path("/photo")
    @Produces({"image/jpeg", "image/png"})
    public Response photo() {
        try {
            Response stored = recognition.photo(bearer());
            return Response.ok(stored.readEntity(byte[].class), stored.getMediaType()).header("Cache-Control", "no-store").build();
        } catch (DownstreamRefusal refusal) {
            return Response.status(refusal.status()).build();
        } catch (RuntimeException unavailable) {
            return Response.status(503).build();
        }
    }

    @POST
    @Path("/photo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadPhoto(@RestForm("photo") FileUpload photo) {
        if (photo == null || photo.size() == 0) {
            return render(400, null, new PageProblem(400, "No photo chosen", "photo: choose a JPEG or PNG file to upload."));
        }
        byte[] image;
        try {
            image = Files.readAllBytes(photo.uploadedFile());
        } catch (IOException e) {
            return render(400, null, new PageProblem(400, "Photo not received", "photo: the upload did not arrive whole; try again."));
        }
        // recognition-service checks the bytes themselves, whatever type the browser declared.
        String declared = "image/png".equals(photo.contentType()) ? "image/png" : "image/jpeg";
        return change(() -> recognition.uploadPhoto(bearer(), declared, image), "photo-saved");
    }

    @POST
    @Path("/photo/deletion")
    public Response deletePhoto() {
        return change(() -> {
            recognition.deletePhoto(bearer());
            return null;
        }, "photo-deleted");
    }

    /** Everything about me, from every service, in one JSON file. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        try {
            ObjectNode export = JsonNodeFactory.instance.objectNode();
            export.put("exportedAt", Instant.now().toString());
            export.set("profile", profile.export(bearer()));
            export.set("preferences", json.valueToTree(readModel.preferences(bearer())));
            export.set("consents", json.valueToTree(readModel.consents(bearer())));
            export.set("accessHistory", json.valueToTree(history.everyLook(customer.id())));
            return download(export, "my-touchpoint-data.json");
        } catch (DownstreamRefusal refusal) {
            return render(refusal.status(), null, PageProblem.of(refusal));
        } catch (RuntimeException e) {
            return render(503, null, new PageProblem(503, "Export unavailable right now",
                    "A service holding your data did not answer, so no partial export was made. Try again shortly."));
        }
    }

    /** The question, or, once asked, where the erasure stands service by service. */
    @GET
    @Path("/erasure")
    public TemplateInstance erasureQuestion() {
        return Templates.erasure(erasures.latestReceipt(customer.id()).orElse(null), null);
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("confirm") String confirm) {
        if (!"erase-everything".equals(confirm)) {
            return Response.status(400).entity(Templates.erasure(null, new PageProblem(400, "Not confirmed",
                    "confirm: tick the box to confirm that you want everything erased."))).type(MediaType.TEXT_HTML).build();
        }
        // Asking again while a request is open answers with that request (ADR 0017): one open request per customer.
        ErasureService.CombinedReceipt receipt = erasures.erase(customer.id(), subjectToken.raw());
        return Response.status(receipt.complete() ? 200 : 202).type(MediaType.TEXT_HTML)
                .entity(Templates.erasure(receipt, null)).build();
    }

    private interface Change {
        Object run();
    }

    /** A change, then back to the page (post-redirect-get), or the page again with what went wrong. */
    private Response change(Change change, String done) {
        try {
            change.run();
            return Response.seeOther(URI.create("/portal?done=" + done)).build();
        } catch (DownstreamRefusal refusal) {
            return render(refusal.status(), null, PageProblem.of(refusal));
        } catch (RuntimeException e) {
            return render(503, null, unavailable());
        }
    }

    private Response render(int status, String done, PageProblem problem) {
        return render(status, done, problem, null);
    }

    private Response render(int status, String done, PageProblem problem, String looksCursor) {
        AccessHistoryService.History page = history.history(customer.id(), looksCursor, LOOKS_PER_PAGE);
        List<AccessHistoryService.Look> looks = page.looks();
        String older = page.next() == null ? null
                : "/portal?looks=" + java.net.URLEncoder.encode(page.next(), java.nio.charset.StandardCharsets.UTF_8) + "#history";
        View view;
        try {
            PortalReadModel.Recognition read = readModel.read(bearer());
            view = new View(done, problem, false, read.fields(), read.purposes(), read.expiringSoon(), read.past(),
                    read.previews(), read.photo(), looks, older, looksCursor == null);
        } catch (RuntimeException e) {
            view = new View(done, problem == null ? unavailable() : problem, true, List.of(), List.of(), List.of(), List.of(),
                    List.of(), false, looks, older, looksCursor == null);
        }
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.portal(view)).build();
    }

    private static PageProblem unavailable() {
        return new PageProblem(503, "Preferences unavailable right now",
                "The preferences service did not answer. Nothing was changed; try again in a minute.");
    }

    private Response download(JsonNode body, String filename) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private String bearer() {
        return "Bearer " + accessToken.getToken();
    }

    /** Anything this page did not handle, as a page rather than a JSON problem. */
    @ServerExceptionMapper
    Response failed(RuntimeException failure, ContainerRequestContext context) {
        return PagesResource.error(failure, context);
    }
}
