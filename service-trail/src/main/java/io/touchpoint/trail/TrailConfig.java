package io.touchpoint.trail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "touchpoint.trail")
public interface TrailConfig {

    /** Origin of this service's trees; each checkpoint's first line is {@code origin/tree}. */
    String origin();

    /** The Ed25519 signer key, {@code PRIVATE+KEY+name+hash+key} (a secret: from the environment, never the repository). */
    Optional<String> signingKey();

    /** A file holding the signer key, e.g. a mounted Kubernetes secret. */
    Optional<Path> signingKeyFile();

    /** How often the integrator runs ({@code off} to run it only on demand). */
    @WithDefault("1s")
    String integrateEvery();

    /** How often the trail monitor refreshes its gauges ({@code off}: only when the health group is asked). */
    @WithDefault("30s")
    String monitorEvery();

    /** Entries integrated per run at most; the rest wait for the next run. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How long an entry may take from its timestamp to its commit. A month's tree closes this long after the
     * month ends; an entry integrated later than this after its timestamp is reported as backdated.
     */
    @WithDefault("5m")
    Duration lag();

    /**
     * The witnesses whose cosignatures are accepted and served, as cosignature/v1 verifier keys
     * ({@code name+keyid+base64(0x04 || key)}), comma-separated. A cosignature by any other key is refused.
     */
    Optional<List<String>> witnessKeys();

    /** How often checkpoints no proof needs are pruned ({@code off} to never prune). */
    @WithDefault("1h")
    String pruneEvery();

    /** Checkpoints younger than this are kept, so that witnesses have time to cosign them. */
    @WithDefault("24h")
    Duration pruneAfter();
}
