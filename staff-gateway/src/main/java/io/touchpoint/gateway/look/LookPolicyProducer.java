package io.touchpoint.gateway.look;

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

/** Loads the look policy at start-up, so an invalid policy stops the gateway with a message that names the fault. */
public class LookPolicyProducer {

    private static final Logger LOG = Logger.getLogger(LookPolicyProducer.class);

    @Produces
    @Startup
    @ApplicationScoped
    LookPolicy lookPolicy(@ConfigProperty(name = "touchpoint.look-policy.file") Optional<Path> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : LookPolicyProducer.class.getResourceAsStream("/look-policy.yaml")) {
            if (in == null) {
                throw new LookPolicy.InvalidPolicy("the built-in look-policy.yaml is missing");
            }
            LookPolicy policy = LookPolicy.load(in);
            LOG.infof("look policy %s loaded from %s", policy.version(), file.map(Path::toString).orElse("the built-in resource"));
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("The look policy file could not be read: " + file.orElseThrow(), e);
        }
    }
}
