package io.touchpoint.support.secrets;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMountedFileGivesTheSettingItsValueThroughApplicationProperties() throws IOException {
        Path file = Files.writeString(dir.resolve("db-password"), "Vf3#pq81-hL0zz\n");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(
                new SecretFiles(Map.of("TOUCHPOINT_DB_PASSWORD_FILE", file.toString())),
                new PropertiesConfigSource(Map.of("quarkus.datasource.password", "${TOUCHPOINT_DB_PASSWORD:gateway_app}"), "app", 250))
                .build();

        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("Vf3#pq81-hL0zz");
    }

    @Test
    void anUnreadableFileStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> new SecretFiles(Map.of("TOUCHPOINT_DB_PASSWORD_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("TOUCHPOINT_DB_PASSWORD_FILE");
    }

    @Test
    void onlyTouchpointVariablesAreRead() {
        assertThat(new SecretFiles(Map.of("HOME_FILE", "/etc/passwd")).getPropertyNames()).isEmpty();
    }
}
