package io.touchpoint.support.secrets;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secrets from mounted files, the container convention: for every environment variable {@code TOUCHPOINT_X_FILE},
 * the file's content (without the final line break) is the value of {@code TOUCHPOINT_X}, which
 * application.properties reads (e.g. {@code TOUCHPOINT_DB_PASSWORD_FILE=/run/secrets/db-password}). A variable set
 * directly wins (environment variables rank above this source). An unreadable file stops the start, naming the
 * variable, never the content.
 */
public class SecretFiles implements ConfigSource {

    /** Just below environment variables (300), above application.properties (250). */
    static final int ORDINAL = 295;
    private static final String PREFIX = "TOUCHPOINT_";
    private static final String SUFFIX = "_FILE";

    private final Map<String, String> values;

    public SecretFiles() {
        this(System.getenv());
    }

    SecretFiles(Map<String, String> environment) {
        Map<String, String> read = new HashMap<>();
        environment.forEach((name, file) -> {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && !file.isBlank()) {
                try {
                    read.put(name.substring(0, name.length() - SUFFIX.length()), Files.readString(Path.of(file)).stripTrailing());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the file named by " + name, e);
                }
            }
        });
        this.values = Map.copyOf(read);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "TOUCHPOINT_*_FILE secret files";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
