package io.touchpoint.trail;

import io.touchpoint.merkle.Cosignature;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The trail's trees with their latest signed checkpoints and witnesses, a tree's checkpoint and its re-verification:
 * what the trail API and a service's own pages both show. The one place that says what a tree's name may be.
 */
@ApplicationScoped
public class TrailTrees {

    private static final String TREE = "[0-9]{4}-[0-9]{2}|epochs";

    private final TrailStore store;
    private final TrailProofs proofs;
    private final TrailVerification verification;
    private final TrailSigner signer;
    private final TrailIntegrator integrator;
    private final TrailCosignatures cosignatures;

    public TrailTrees(TrailStore store, TrailProofs proofs, TrailVerification verification, TrailSigner signer,
                      TrailIntegrator integrator, TrailCosignatures cosignatures) {
        this.store = store;
        this.proofs = proofs;
        this.verification = verification;
        this.signer = signer;
        this.integrator = integrator;
        this.cosignatures = cosignatures;
    }

    public record Tree(@Schema(example = "2026-11") String tree,
                       @Schema(example = "touchpoint.example/access-log/2026-11") String origin,
                       @Schema(example = "1200") long size,
                       @Schema(example = "3Wi76oUqg7J/8lt2XEpYaBwi4mm4cLjZ78bFO7QgrBE=") String root,
                       @Schema(example = "2026-11-23T10:00:00Z") Instant signedAt,
                       @Schema(description = "A closed month: its final checkpoint is a leaf of the epochs tree", example = "false") boolean closed,
                       @Schema(description = "The largest size of this tree a configured witness cosigned (null: none yet)", example = "1150") Long witnessedSize,
                       @Schema(description = "The witnesses that cosigned the checkpoint at witnessedSize", example = "[\"witness.example.org/w1\"]")
                       List<String> witnessedBy) {
    }

    public record Trail(@Schema(description = "The Ed25519 note verifier key; pin it out of band, do not trust this copy alone",
                                example = "touchpoint.example/access-log+5b6c1a2e+AcQ1b...") String verifierKey,
                        List<Tree> trees,
                        @Schema(description = "The witness keys whose cosignatures this service accepts and serves (cosignature/v1)")
                        List<String> witnessKeys) {
    }

    /** The trees (one per month, and epochs) with their latest signed sizes and roots, and who witnessed them. */
    @Transactional
    public Trail trail() {
        List<Tree> trees = store.latestCheckpoints().stream().map(c -> {
            List<TrailCosignatures.Stored> witnessed = cosignatures.latestWitnessed(c.tree());
            return new Tree(c.tree(), integrator.origin(c.tree()), c.size(), Base64.getEncoder().encodeToString(c.root()),
                    c.signedAt(), store.epoch(c.tree()).isPresent(), witnessed.isEmpty() ? null : witnessed.getFirst().size(),
                    witnessed.stream().map(TrailCosignatures.Stored::witness).toList());
        }).toList();
        return new Trail(signer.verifier().encoded(), trees, cosignatures.witnesses().stream().map(Cosignature.Verifier::encoded).toList());
    }

    /** A tree's signed checkpoint: the latest, or the one at {@code size}. */
    @Transactional
    public String checkpoint(String tree, Long size) {
        return proofs.checkpoint(name(tree), size);
    }

    /** Re-verifies a tree now, re-reading the entries in [from, to). */
    public TrailVerification.Report verify(String tree, Long from, Long to) {
        return verification.verify(name(tree), from, to);
    }

    /** The tree's name as given, if it is one: a month, yyyy-MM, or epochs; a 400 problem otherwise. */
    public static String name(String tree) {
        if (tree == null || !tree.matches(TREE)) {
            throw Problems.badRequest("invalid-tree", "Invalid tree", "a tree is a month, yyyy-MM, or epochs");
        }
        return tree;
    }
}
