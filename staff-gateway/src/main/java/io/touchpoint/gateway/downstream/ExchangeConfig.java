package io.touchpoint.gateway.downstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the gateway exchanges a person's token for one meant for a downstream service (RFC 8693, ADR 0015). */
@ConfigMapping(prefix = "touchpoint.exchange")
public interface ExchangeConfig {

    /** The audience (client id) profile-service accepts. */
    @WithDefault("profile-service")
    String profileAudience();

    /** The audience (client id) recognition-service accepts. */
    @WithDefault("recognition-service")
    String recognitionAudience();

    /** How long an exchange may take before the call counts as the identity provider being unavailable. */
    @WithDefault("2s")
    Duration timeout();

    /** An exchanged token is reused until this long before it expires, never after. */
    @WithDefault("30s")
    Duration expiryMargin();

    /** At most this many exchanged tokens are kept (least recently used go first). */
    @WithDefault("2000")
    int cacheSize();
}
