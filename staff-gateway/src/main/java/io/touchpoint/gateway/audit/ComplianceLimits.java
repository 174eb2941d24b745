package io.touchpoint.gateway.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How much one compliance request may ask for (docs/api.md, Limits): beyond it, a 400 problem says how to narrow it. */
@ConfigMapping(prefix = "touchpoint.compliance")
public interface ComplianceLimits {

    /** Longest period of the unusual-access report; each finding compares it with the 30 days before. */
    @WithDefault("P31D")
    Duration maxReportPeriod();

    /** Most records one CSV export holds; a search matching more is refused before anything is streamed. */
    @WithDefault("100000")
    int maxExportRows();
}
