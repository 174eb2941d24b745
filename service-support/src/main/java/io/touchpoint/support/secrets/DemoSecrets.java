package io.touchpoint.support.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Every secret this repository publishes, in one place: the local stack's and the tests' passwords and client
 * secrets, and the development trail signing keys of deploy/dev-keys. Anything in here protects nothing.
 */
public final class DemoSecrets {

    /** Passwords and client secrets written in this repository (application.properties, the run command, tests). */
    static final Set<String> VALUES = Set.of(
            "postgres", "profile_app", "recognition_app", "gateway_app", "keycloak",
            "gateway_integrator", "recognition_integrator", "gateway_auditor", "recognition_auditor",
            "local-only-secret", "local-demo-only", "secret",
            "admin", "password", "changeme", "change-me");

    /** Names of the trail signer keys in deploy/dev-keys; every {@code touchpoint.dev/} name is a development key. */
    static final String DEVELOPMENT_KEY_PREFIX = "touchpoint.dev/";
    static final Set<String> DEVELOPMENT_KEY_IDS = Set.of(
            "touchpoint.dev/access-log+22a16224",
            "touchpoint.dev/consent-ledger+04035f4e");

    private DemoSecrets() {
    }

    static boolean isDemoValue(String value) {
        return VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a {@code PRIVATE+KEY+name+hash+key} note key is one of the public development keys. */
    static boolean isDevelopmentSigningKey(String key) {
        String[] parts = key.strip().split("\\+", 5);
        if (parts.length < 4 || !"PRIVATE".equals(parts[0]) || !"KEY".equals(parts[1])) {
            return false; // not a note key at all: the trail signer refuses it with its own message
        }
        return parts[2].startsWith(DEVELOPMENT_KEY_PREFIX) || DEVELOPMENT_KEY_IDS.contains(parts[2] + "+" + parts[3]);
    }
}
