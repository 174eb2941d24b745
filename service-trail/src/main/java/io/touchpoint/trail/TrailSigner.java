package io.touchpoint.trail;

import io.quarkus.runtime.Startup;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.SignedNote;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Signs checkpoints with the configured key. The service does not start without one: an unsigned trail proves nothing. */
@Startup
@ApplicationScoped
public class TrailSigner {

    private final NoteKeys.Signer signer;

    public TrailSigner(TrailConfig config) {
        String key = config.signingKey().or(() -> config.signingKeyFile().map(file -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the trail signing key file " + file, e);
            }
        })).orElseThrow(() -> new IllegalStateException(
                "No trail signing key: set TOUCHPOINT_TRAIL_SIGNING_KEY_FILE (or touchpoint.trail.signing-key-file) "
                        + "to a file holding a PRIVATE+KEY+... note key; docs/audit-trail.md says how to make one"));
        try {
            this.signer = NoteKeys.signer(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The trail signing key is not a valid Ed25519 note key: " + e.getMessage());
        }
    }

    public String sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.body(), signer);
    }

    /** The public verifier key, {@code name+hash+key}, which witnesses pin. */
    public NoteKeys.Verifier verifier() {
        return signer.verifier();
    }
}
