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
}
