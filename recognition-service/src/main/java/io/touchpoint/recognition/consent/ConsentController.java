package io.touchpoint.recognition.consent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who is responsible for the processing, as receipts name them (Kantara "PII controller"). */
@ConfigMapping(prefix = "touchpoint.consent")
public interface ConsentController {

    @WithDefault("Touchpoint demo operator")
    String controllerName();

    @WithDefault("Data Protection Officer")
    String controllerContact();

    @WithDefault("dpo@touchpoint.example")
    String controllerEmail();

    @WithDefault("https://touchpoint.example/privacy")
    String policyUrl();

    @WithDefault("EU")
    String jurisdiction();

    /** Consents due to expire within this many days are flagged so the customer can renew them. */
    @WithDefault("30")
    int expiringSoonDays();
}
