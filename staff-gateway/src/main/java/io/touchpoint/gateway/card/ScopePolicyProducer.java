package io.touchpoint.gateway.card;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the scope policy at start-up, so an invalid policy stops the gateway with a message that names the
 * fault instead of serving cards under a broken one.
 */
public class ScopePolicyProducer {

    private static final Logger LOG = Logger.getLogger(ScopePolicyProducer.class);

    @Produces
    @Startup
    @ApplicationScoped
    ScopePolicy scopePolicy(@ConfigProperty(name = "touchpoint.scope-policy.file") Optional<Path> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : ScopePolicyProducer.class.getResourceAsStream("/scope-policy.yaml")) {
            if (in == null) {
                throw new ScopePolicy.InvalidPolicy("the built-in scope-policy.yaml is missing");
            }
            ScopePolicy policy = ScopePolicy.load(in);
            LOG.infof("scope policy %s loaded from %s", policy.version(), file.map(Path::toString).orElse("the built-in resource"));
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("The scope policy file could not be read: " + file.orElseThrow(), e);
        }
    }
}
