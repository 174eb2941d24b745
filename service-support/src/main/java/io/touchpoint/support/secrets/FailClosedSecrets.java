package io.touchpoint.support.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outside the local stack, a service with a missing, default or published secret refuses to start (architecture
 * rule 14, ADR 0017). The refusal names each setting and says what is wrong with it, never its value. The local
 * stack is an explicit flag, {@value #LOCAL_STACK}: {@code ./touchpoint up} and the test profile set it, a
 * production deployment does not.
 */
@ApplicationScoped
public class FailClosedSecrets {

    public static final String LOCAL_STACK = "touchpoint.local-stack";
    /** Shortest session encryption key accepted; Quarkus derives an AES-256 key from it. */
    static final int SESSION_SECRET_MIN_LENGTH = 32;

    private static final Pattern OIDC_CLIENT_SECRET = Pattern.compile("quarkus\\.oidc-client\\.(?:([^.\"]+|\"[^\"]+\")\\.)?credentials\\.secret");
    private static final Pattern OIDC_TENANT_SECRET = Pattern.compile("quarkus\\.oidc\\.(?:([^.\"]+|\"[^\"]+\")\\.)?credentials\\.secret");
    /** A named datasource's login, e.g. the trail integrator's {@code quarkus.datasource.trail.username}. */
    private static final Pattern NAMED_DATASOURCE_LOGIN = Pattern.compile("quarkus\\.datasource\\.([^.\"]+|\"[^\"]+\")\\.(?:username|password)");
    private static final Pattern WEB_APP_TENANT = Pattern.compile("quarkus\\.oidc\\.(?:([^.\"]+|\"[^\"]+\")\\.)?application-type");

    void refuseDemoSecrets(@Observes StartupEvent started, Config config) {
        List<String> faults = faults(config);
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the local stack (" + LOCAL_STACK + " is not true): "
                    + String.join("; ", faults) + ". Give each a real secret from the environment or a mounted file "
                    + "(docs/operations.md, Production configuration); a developer machine sets " + LOCAL_STACK + "=true.");
        }
    }

    /** What is wrong with this configuration's secrets, one entry per setting; empty on the local stack. */
    public static List<String> faults(Config config) {
        if (config.getOptionalValue(LOCAL_STACK, Boolean.class).orElse(false)) {
            return List.of();
        }
        List<String> faults = new ArrayList<>();
        password(config, faults, "quarkus.datasource.password", "TOUCHPOINT_DB_PASSWORD", "quarkus.datasource.username");
        for (String datasource : datasources(config)) {
            String prefix = "quarkus.datasource." + datasource;
            password(config, faults, prefix + ".password", "trail".equals(datasource) ? "TOUCHPOINT_TRAIL_DB_PASSWORD" : "its secret",
                    prefix + ".username");
        }
        if (present(config, "quarkus.flyway.username") || present(config, "quarkus.flyway.password")) {
            password(config, faults, "quarkus.flyway.password", "TOUCHPOINT_DB_OWNER_PASSWORD", "quarkus.flyway.username");
        }
        for (String name : names(config, OIDC_CLIENT_SECRET)) {
            String client = name.replace("credentials.secret", "client-id");
            if (present(config, client) || present(config, name)) {
                secret(config, faults, name, "quarkus.oidc-client.credentials.secret".equals(name) ? "TOUCHPOINT_GATEWAY_CLIENT_SECRET" : null);
            }
        }
        for (String name : names(config, OIDC_TENANT_SECRET)) {
            value(config, name).filter(DemoSecrets::isDemoValue).ifPresent(v -> faults.add(name + " is a published demo value"));
        }
        for (String type : names(config, WEB_APP_TENANT)) {
            if (value(config, type).filter("web-app"::equals).isPresent()) {
                sessionSecret(config, faults, type.replace("application-type", "token-state-manager.encryption-secret"));
            }
        }
        signingKey(config, faults);
        return faults;
    }

    /** The named datasources that log in (the default one is checked on its own). */
    private static TreeSet<String> datasources(Config config) {
        TreeSet<String> datasources = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = NAMED_DATASOURCE_LOGIN.matcher(name);
            if (matcher.matches() && present(config, name)) {
                datasources.add(matcher.group(1));
            }
        }
        return datasources;
    }

    private static void password(Config config, List<String> faults, String name, String env, String userName) {
        Optional<String> password = value(config, name);
        if (password.isEmpty()) {
            faults.add(name + " (" + env + ") is missing");
        } else if (DemoSecrets.isDemoValue(password.get())) {
            faults.add(name + " (" + env + ") is a published demo value");
        } else if (value(config, userName).filter(password.get()::equals).isPresent()) {
            faults.add(name + " (" + env + ") equals the user name " + userName);
        }
    }

    private static void secret(Config config, List<String> faults, String name, String env) {
        String label = env == null ? name : name + " (" + env + ")";
        Optional<String> secret = value(config, name);
        if (secret.isEmpty()) {
            faults.add(label + " is missing");
        } else if (DemoSecrets.isDemoValue(secret.get())) {
            faults.add(label + " is a published demo value");
        }
    }

    private static void sessionSecret(Config config, List<String> faults, String name) {
        String label = name + " (TOUCHPOINT_SESSION_SECRET)";
        Optional<String> secret = value(config, name);
        if (secret.isEmpty()) {
            faults.add(label + " is missing: without it every start makes a new key and signs everyone out");
        } else if (DemoSecrets.isDemoValue(secret.get())) {
            faults.add(label + " is a published demo value");
        } else if (secret.get().length() < SESSION_SECRET_MIN_LENGTH) {
            faults.add(label + " is shorter than " + SESSION_SECRET_MIN_LENGTH + " characters");
        }
    }

    /** The trail's signer must be the operator's own key, never one of deploy/dev-keys. */
    private static void signingKey(Config config, List<String> faults) {
        if (!present(config, "touchpoint.trail.origin")) {
            return; // this service keeps no trail
        }
        Optional<String> inline = value(config, "touchpoint.trail.signing-key");
        Optional<String> file = value(config, "touchpoint.trail.signing-key-file");
        if (inline.isPresent()) {
            if (DemoSecrets.isDevelopmentSigningKey(inline.get())) {
                faults.add("touchpoint.trail.signing-key is a development key from deploy/dev-keys");
            }
        } else if (file.isPresent()) {
            try {
                if (DemoSecrets.isDevelopmentSigningKey(Files.readString(Path.of(file.get())))) {
                    faults.add("touchpoint.trail.signing-key-file (TOUCHPOINT_TRAIL_SIGNING_KEY_FILE) holds a development key from deploy/dev-keys");
                }
            } catch (IOException e) {
                faults.add("touchpoint.trail.signing-key-file (TOUCHPOINT_TRAIL_SIGNING_KEY_FILE) cannot be read");
            }
        } else {
            faults.add("touchpoint.trail.signing-key-file (TOUCHPOINT_TRAIL_SIGNING_KEY_FILE) is missing");
        }
    }

    private static TreeSet<String> names(Config config, Pattern pattern) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean present(Config config, String name) {
        return value(config, name).isPresent();
    }

    /** A setting's value; an empty one (e.g. {@code ${TOUCHPOINT_SESSION_SECRET:}} unset) counts as missing. */
    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
