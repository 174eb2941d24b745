package io.touchpoint.trail;

import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The verifiable trail for compliance auditors and witnesses: checkpoints, proofs and re-verification. */
@Path("/api/trail")
@RolesAllowed("compliance-auditor")
@Tag(name = "Verifiable trail", description = "Signed checkpoints, inclusion and consistency proofs, re-verification (docs/audit-trail.md)")
@SecurityRequirement(name = "SecurityScheme")
public class TrailResource {

    /** The media type of range bundles. */
    public static final String BUNDLE = "application/vnd.touchpoint.bundle";

    private final TrailTrees trees;
    private final TrailProofs proofs;
    private final TrailCosignatures cosignatures;
    private final TrailBundles bundles;

    public TrailResource(TrailTrees trees, TrailProofs proofs, TrailCosignatures cosignatures, TrailBundles bundles) {
        this.trees = trees;
        this.proofs = proofs;
        this.cosignatures = cosignatures;
        this.bundles = bundles;
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The trees (one per month, and epochs) with their latest signed sizes and roots")
    @APIResponse(responseCode = "200", description = "The trail's trees")
    public TrailTrees.Trail trail() {
        return trees.trail();
    }

    @GET
    @Path("/trees/{tree}/checkpoint")
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A signed checkpoint (C2SP tlog-checkpoint as a signed note): the latest, or the one at a size")
    @APIResponse(responseCode = "200", description = "The signed note")
    @APIResponse(responseCode = "404", description = "No such tree or checkpoint")
    public String checkpoint(@PathParam("tree") String tree, @QueryParam("size") Long size) {
        return trees.checkpoint(tree, size);
    }

    @POST
    @Path("/trees/{tree}/checkpoints/{size}/cosignatures")
    @Transactional
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a witness's cosignature of a checkpoint (C2SP tlog-cosignature, cosignature/v1)",
            description = "The body is one or more signature lines, '— <witness name> <base64>'. Stored only if every line is by a "
                    + "configured witness key (touchpoint.trail.witness-keys) and verifies against the checkpoint as stored; "
                    + "then served with the checkpoint as extra signature lines of its note.")
    @APIResponse(responseCode = "200", description = "The checkpoint's cosignatures, the new ones included")
    @APIResponse(responseCode = "400", description = "Not a cosignature line")
    @APIResponse(responseCode = "404", description = "No checkpoint of this tree at this size")
    @APIResponse(responseCode = "422", description = "Not by a configured witness, or does not verify for this checkpoint")
    public List<TrailCosignatures.Stored> cosign(@PathParam("tree") String tree, @PathParam("size") long size,
                                                 @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
                                                         example = "— witness.example.org/w1 nC/OjAAAAABpLvG4…\n")) String lines) {
        return cosignatures.add(TrailTrees.name(tree), size, lines);
    }

    @GET
    @Path("/trees/{tree}/checkpoints/{size}/cosignatures")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The witness cosignatures stored for a checkpoint")
    @APIResponse(responseCode = "200", description = "The cosignatures, oldest first (empty if none)")
    public List<TrailCosignatures.Stored> cosignatures(@PathParam("tree") String tree, @PathParam("size") long size) {
        return cosignatures.of(TrailTrees.name(tree), size);
    }

    @GET
    @Path("/trees/{tree}/bundle")
    @Transactional
    @Produces(BUNDLE)
    @Operation(summary = "Download leaves [from, to) of a month as a bundle to re-verify offline (touchpoint-bundle/v1)",
            description = "The latest signed checkpoint with its cosignatures, the hashes left and right of the range, a consistency "
                    + "proof from size 'since' if asked, then every entry's canonical bytes in leaf order; streamed. "
                    + "Verify with: touchpoint-verify bundle --key <vkey> bundle.tpb. At most " + TrailBundles.MAX_RANGE + " entries.")
    @APIResponse(responseCode = "200", description = "The bundle (docs/audit-trail.md describes the layout)",
            content = @Content(mediaType = BUNDLE, example = "touchpoint-bundle/v1\nrange 0 2\ncheckpoint 154\n<signed note>left 0\nright 0\n"
                    + "entries\n412\n{\"breakGlassJustification\":null,…}\n398\n{…}\nend\n"))
    @APIResponse(responseCode = "400", description = "Invalid or too large range, or the epochs tree")
    @APIResponse(responseCode = "410", description = "The month was retired")
    public Response bundle(@PathParam("tree") String tree, @QueryParam("from") Long from, @QueryParam("to") Long to,
                           @QueryParam("since") Long since) {
        TrailBundles.Header header = bundles.header(TrailTrees.name(tree), from, to, since);
        return Response.ok(bundles.stream(header), BUNDLE)
                .header("Content-Disposition", "attachment; filename=\"" + header.tree() + "_" + header.from() + "-" + header.to() + ".tpb\"")
                .build();
    }

    @GET
    @Path("/trees/{tree}/consistency")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A consistency proof between two sizes of a tree: the smaller is a prefix of the larger")
    @APIResponse(responseCode = "200", description = "The proof, with the signed checkpoint at the larger size")
    @APIResponse(responseCode = "400", description = "Sizes out of order or beyond the latest checkpoint")
    public TrailProofs.ConsistencyProof consistency(@PathParam("tree") String tree, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw Problems.badRequest("missing-tree-sizes", "Missing tree sizes", "give both from and to, e.g. ?from=1000&to=1200");
        }
        return proofs.consistency(TrailTrees.name(tree), from, to);
    }

    @GET
    @Path("/entries/{id}/proof")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An inclusion proof for one entry, with the entry's canonical bytes and the signed checkpoint")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "404", description = "No such entry in any tree yet (entries join a tree within seconds)")
    public TrailProofs.InclusionProof entryProof(@PathParam("id") UUID id) {
        return proofs.inclusion(id, true).orElseThrow(() -> Problems.of(404, "entry-not-in-trail", "Entry not in the trail",
                "no tree holds an entry with this id; a new entry joins a tree within seconds"));
    }

    @GET
    @Path("/epochs/{epoch}/proof")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proof that a closed month's final checkpoint is in the long-lived epochs tree")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "404", description = "The month is not closed")
    public TrailProofs.EpochProof epochProof(@PathParam("epoch") String epoch) {
        if (!epoch.matches("[0-9]{4}-[0-9]{2}")) {
            throw Problems.badRequest("invalid-epoch", "Invalid epoch", "an epoch is a month, yyyy-MM");
        }
        return proofs.epoch(epoch).orElseThrow(() -> Problems.of(404, "epoch-not-closed", "Epoch not closed",
                "the month " + epoch + " has no final checkpoint yet; months close a few minutes after they end"));
    }

    @POST
    @Path("/trees/{tree}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-verify a tree now: signature, stored tree against the signed root, and each entry in [from, to) against its leaf",
            description = "Reports every problem, the one at the lowest leaf index first. At most "
                    + TrailVerification.MAX_RANGE + " entries re-read per request.")
    @APIResponse(responseCode = "200", description = "The report; intact is false when anything was found")
    @APIResponse(responseCode = "400", description = "Invalid or too large range")
    public TrailVerification.Report verify(@PathParam("tree") String tree, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        return trees.verify(tree, from, to);
    }
}
