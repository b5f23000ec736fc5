package com.example.monitor.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.SettingSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys written in the properties files Camel loads are checked, each named with its file. */
class PropertiesFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMistypedKeyInAPropertiesFileStopsTheStartNamingTheFileTogetherWithBadValues() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), """
                monitor.query-timout = 5m
                monitor.fetch-size = 0
                """);
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + file + ";optional=true,classpath:application.properties");
        main.configure().addConfiguration(new MonitorConfiguration(new StartupProblems()));

        Throwable failure;
        try {
            failure = catchThrowable(main::start);
        } finally {
            main.stop();
        }

        assertThat(invalidConfiguration(failure).problems()).containsExactly(
                file + ": unknown setting monitor.query-timout; did you mean monitor.query-timeout?",
                "monitor.fetch-size: '0' is not a whole number >= 1");
    }

    @Test
    void eachLoadedFileIsNamedByItsPathOrClasspathUrlWithTheKeysWrittenInIt() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "monitor.zone = UTC\n");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(
                    "file:" + file + ";optional=true,classpath:application.properties;optional=true");
            context.start();

            List<SettingSource> sources = PropertiesFiles.loadedBy(context);

            assertThat(sources).extracting(SettingSource::name).hasSize(2).first().isEqualTo(file.toString());
            assertThat(sources.get(0).keys()).containsExactly("monitor.zone");
            assertThat(sources.get(1).name()).matches("(file|jar:file):.*application\\.properties");
            assertThat(sources.get(1).keys()).contains("monitor.mode", "camel.main.name");
        }
    }

    private static InvalidConfigurationException invalidConfiguration(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidConfigurationException in " + failure, failure);
    }
}
