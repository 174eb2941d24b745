package io.touchpoint.gateway.portal;

import io.touchpoint.gateway.pages.PagesResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.touchpoint.gateway.audit.AccessHistoryResource;
import io.touchpoint.gateway.card.CardService;
import io.touchpoint.gateway.card.ScopePolicy;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import io.touchpoint.gateway.erasure.ErasureResource;
import io.touchpoint.gateway.pages.PageProblem;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final List<String> STAFF_ROLES = List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(View view);

        static native TemplateInstance erasure(ErasureResource.CombinedReceipt receipt, PageProblem problem);
    }

    public record Field(Portal.Definition definition, String value) {
    }

    public record PurposeRow(Portal.Purpose purpose, Portal.Consent active, List<String> staffRoles) {
    }

    public record View(String done, PageProblem problem, boolean recognitionUnavailable, List<Field> fields,
                       List<PurposeRow> purposes, List<Portal.Consent> expiringSoon, List<Portal.Consent> past,
                       List<Portal.RolePreview> previews, boolean photo, List<AccessHistoryResource.Look> looks,
                       String olderLooks, boolean newestLooks) {
    }

    private final CustomerRecognition recognition;
    private final CustomerProfile profile;
    private final AccessHistoryResource history;
    private final ErasureResource erasure;
    private final AccessTokenCredential accessToken;
    private final ObjectMapper json;
    private final ScopePolicy policy;

    public PortalPage(@RestClient CustomerRecognition recognition, @RestClient CustomerProfile profile,
                      AccessHistoryResource history, ErasureResource erasure, AccessTokenCredential accessToken, ObjectMapper json,
                      ScopePolicy policy) {
        this.policy = policy;
        this.recognition = recognition;
        this.profile = profile;
        this.history = history;
        this.erasure = erasure;
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
            export.set("preferences", json.valueToTree(recognition.preferences(bearer())));
            export.set("consents", json.valueToTree(recognition.consents(bearer())));
            export.set("accessHistory", json.valueToTree(allLooks()));
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
        try {
            return Templates.erasure(erasure.status(), null);
        } catch (HttpProblem none) {
            return Templates.erasure(null, null);
        }
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("confirm") String confirm) {
        if (!"erase-everything".equals(confirm)) {
            return Response.status(400).entity(Templates.erasure(null, new PageProblem(400, "Not confirmed",
                    "confirm: tick the box to confirm that you want everything erased."))).type(MediaType.TEXT_HTML).build();
        }
        Response response = erasure.erase();
        return Response.status(response.getStatus()).type(MediaType.TEXT_HTML)
                .entity(Templates.erasure((ErasureResource.CombinedReceipt) response.getEntity(), null)).build();
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
        String bearer = bearer();
        AccessHistoryResource.History page = history.history(looksCursor, LOOKS_PER_PAGE);
        List<AccessHistoryResource.Look> looks = page.looks();
        String older = page.next() == null ? null
                : "/portal?looks=" + java.net.URLEncoder.encode(page.next(), java.nio.charset.StandardCharsets.UTF_8) + "#history";
        View view;
        try {
            Portal.Catalogue catalogue = recognition.catalogue(bearer);
            Map<String, String> values = new LinkedHashMap<>();
            recognition.preferences(bearer).forEach(p -> values.put(p.key(), p.value()));
            List<Field> fields = catalogue.preferences().stream().map(d -> new Field(d, values.get(d.key()))).toList();
            Portal.Consents consents = recognition.consents(bearer);
            List<PurposeRow> purposes = new ArrayList<>();
            for (Portal.Purpose purpose : catalogue.purposes()) {
                Optional<Portal.Consent> active = consents.active().stream().filter(c -> c.purpose().equals(purpose.key())).findFirst();
                purposes.add(new PurposeRow(purpose, active.orElse(null), STAFF_ROLES));
            }
            view = new View(done, problem, false, fields, purposes, consents.expiringSoon(), consents.past(),
                    asCards(recognition.preview(bearer)), hasPhoto(bearer), looks, older, looksCursor == null);
        } catch (RuntimeException e) {
            view = new View(done, problem == null ? unavailable() : problem, true, List.of(), List.of(), List.of(), List.of(),
                    List.of(), false, looks, older, looksCursor == null);
        }
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.portal(view)).build();
    }

    /**
     * recognition-service says what it would disclose to each role; the card shows only what the role's scope
     * lists too. The preview applies the same scope policy as the card, so it shows what staff really see.
     */
    private List<Portal.RolePreview> asCards(List<Portal.RolePreview> previews) {
        return previews.stream().map(p -> {
            var visible = policy.visibleTo(p.role());
            List<Portal.Disclosed> shown = p.preferences().stream()
                    .filter(d -> CardService.fieldOf(d.category()) != null && visible.contains(CardService.fieldOf(d.category())))
                    .toList();
            return new Portal.RolePreview(p.role(), p.touchpointType(), shown, p.photo() && visible.contains("photo"));
        }).toList();
    }

    private boolean hasPhoto(String bearer) {
        try {
            recognition.photo(bearer).close();
            return true;
        } catch (RuntimeException noneOrUnavailable) {
            return false; // the upload form is shown either way
        }
    }

    private List<AccessHistoryResource.Look> allLooks() {
        List<AccessHistoryResource.Look> all = new ArrayList<>();
        String cursor = null;
        do {
            AccessHistoryResource.History page = history.history(cursor, 500);
            all.addAll(page.looks());
            cursor = page.next();
        } while (cursor != null);
        return all;
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
