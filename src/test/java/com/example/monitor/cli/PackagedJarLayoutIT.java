package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.PackagedJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shaded jar as the build leaves it: how its entries are stored, and what it does not carry. */
@PackagedJar
class PackagedJarLayoutIT {

    @Test
    void everyClassIsStoredUncompressedWhileTheNativeLibrariesStayDeflated() throws IOException {
        try (ZipFile jar = new ZipFile(MonitorProcess.JAR.toFile())) {
            List<? extends ZipEntry> entries = jar.stream().toList();

            assertThat(entries).filteredOn(entry -> entry.getName().endsWith(".class")).hasSizeGreaterThan(10_000)
                    .allMatch(entry -> entry.getMethod() == ZipEntry.STORED, "stored");
            assertThat(entries).filteredOn(entry -> entry.getName().startsWith("libduckdb_java.so_linux")).hasSize(2)
                    .allMatch(entry -> entry.getMethod() == ZipEntry.DEFLATED, "deflated");
        }
    }

    @Test
    void theManifestComesFirstSoThatAStreamReaderFindsTheMainClass() throws IOException {
        try (InputStream file = Files.newInputStream(MonitorProcess.JAR);
                JarInputStream stream = new JarInputStream(file)) {
            Manifest manifest = stream.getManifest();

            assertThat(manifest).isNotNull();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("com.example.monitor.MonitorApplication");
        }
    }

    @Test
    void theJarCarriesOneJacksonAndNeitherC3p0NorAProtobufRuntime() throws IOException {
        try (ZipFile jar = new ZipFile(MonitorProcess.JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).anyMatch(name -> name.startsWith("com/fasterxml/jackson/databind/"))
                    .noneMatch(name -> name.startsWith("tools/jackson/"))
                    .noneMatch(name -> name.startsWith("com/mchange/"))
                    .noneMatch(name -> name.startsWith("com/google/protobuf/"))
                    .noneMatch(name -> name.startsWith("io/prometheus/metrics/shaded/"));
        }
    }
}
