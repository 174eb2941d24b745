package io.touchpoint.profile.ingest;

import io.touchpoint.profile.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

/** Operational systems feed customers and history here, keyed by their own external ids (idempotent). */
@Path("/api/ingest")
@RolesAllowed(Roles.OPS_IMPORT)
@Tag(name = "Ingest", description = "For operational systems (role ops-import)")
@SecurityRequirement(name = "SecurityScheme")
public class IngestResource {

    static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";
    static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;
    private final BulkImporter importer;

    public IngestResource(IngestService ingest, BulkImporter importer) {
        this.ingest = ingest;
        this.importer = importer;
    }

    public record Stored(@Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID id,
                         @Schema(example = "CREATED") IngestService.Outcome outcome) {
    }

    @PUT
    @Path("/customers/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a customer and replace their identifiers")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid record or identifier")
    @APIResponse(responseCode = "409", description = "An identifier belongs to another customer, or the customer was erased")
    public Response putCustomer(@PathParam("externalId") @Pattern(regexp = EXTERNAL_ID) @Parameter(example = "crm-000042") String externalId,
                                @NotNull @Valid CustomerRecord record) {
        return stored(ingest.upsertCustomer(externalId, record));
    }

    @PUT
    @Path("/trips/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a trip and its flights")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid record, or the customer is unknown")
    public Response putTrip(@PathParam("externalId") @Pattern(regexp = EXTERNAL_ID) @Parameter(example = "pss-trip-7781") String externalId,
                            @NotNull @Valid TripRecord record) {
        return stored(ingest.upsertTrip(externalId, record));
    }

    @PUT
    @Path("/service-events/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a service event (disruption, complaint, compliment, recovery action)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid record, or the customer or trip is unknown")
    public Response putServiceEvent(@PathParam("externalId") @Pattern(regexp = EXTERNAL_ID) @Parameter(example = "crm-case-991") String externalId,
                                    @NotNull @Valid ServiceEventRecord record) {
        return stored(ingest.upsertServiceEvent(externalId, record));
    }

    @POST
    @Path("/imports")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bulk import NDJSON, streamed",
            description = "One record per line: {\"kind\": \"customer\"|\"trip\"|\"service-event\", \"externalId\": ..., "
                    + "\"record\": {...}}. Valid lines are stored even when others fail; re-importing a file "
                    + "creates no duplicates.")
    @RequestBody(content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two lines", value = """
            {"kind":"customer","externalId":"crm-000042","record":{"givenName":"Luc","familyName":"Desmarais","tier":"GOLD","identifiers":[{"type":"LOYALTY_NUMBER","value":"TP12345678"}]}}
            {"kind":"trip","externalId":"pss-trip-7781","record":{"customerExternalId":"crm-000042","bookingReference":"ABC123","segments":[{"carrier":"AC","flightNumber":"834","origin":"YUL","destination":"FRA","scheduledDeparture":"2026-11-22T21:45:00Z","seat":"1A"}]}}
            """)))
    @APIResponse(responseCode = "200", description = "The import report, with per-line errors")
    public ImportReport importNdjson(InputStream body) {
        return importer.importNdjson(body);
    }

    private static Response stored(IngestService.Result result) {
        int status = result.outcome() == IngestService.Outcome.CREATED ? 201 : 200;
        return Response.status(status).entity(new Stored(result.id(), result.outcome())).build();
    }
}
