package io.touchpoint.support.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

// Read while REST providers are set up, which happens before runtime-only config is available.
@StaticInitSafe
@ConfigMapping(prefix = "touchpoint.limits")
public interface LimitsConfig {

    /** Largest JSON request body accepted; larger ones get a 413 problem. */
    @WithDefault("1M")
    MemorySize jsonBody();

    /** Largest image upload accepted; larger ones get a 413 problem. */
    @WithDefault("5M")
    MemorySize imageBody();

    /**
     * Longest request URI (path and query, in characters) answered with something other than a 414 problem. Keep it
     * below {@code quarkus.http.limits.max-initial-line-length}: longer request lines get the HTTP layer's bare 414.
     */
    @WithDefault("4000")
    int uri();

    /** Longest value of one query parameter, decoded; longer ones get a 400 problem naming the parameter. */
    @WithDefault("1000")
    int queryParameter();
}
