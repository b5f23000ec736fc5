package com.example.monitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/: the systemd unit, checked by systemd's own verifier where it is installed, and the
 * Dockerfile's promises. Building the image needs a container engine and a registry, so it is not
 * done here.
 */
class DeploymentFilesTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path UNIT = PROJECT.resolve("deploy/client-activity-monitor.service");
    private static final Path DOCKERFILE = PROJECT.resolve("deploy/Dockerfile");
    /** camel.main.shutdown-timeout in application.properties: the service's own stop time. */
    private static final Duration SERVICE_STOP = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        // the unit names /usr/bin/java, which the verifier checks exists: use this JVM's where that differs
        Path unit = dir.resolve("client-activity-monitor.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/usr/bin/java", javaCommand()));

        Verified verified = verify(unit);

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).doesNotContain("client-activity-monitor.service");
    }

    @Test
    void systemdVerifierCatchesAMistakeInACopyOfTheUnit() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        Path unit = dir.resolve("client-activity-monitor.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/usr/bin/java", "/no/such/java"));

        Verified verified = verify(unit);

        assertThat(verified.exit()).isNotZero();
        assertThat(verified.output()).contains("/no/such/java");
    }

    @Test
    void unitRunsTheServiceAsADedicatedUserWithSecretsFromAFileAndHardening() throws IOException {
        String unit = Files.readString(UNIT);
        List<String> lines = unit.lines().map(String::strip).toList();

        assertThat(lines).contains("User=monitor", "Group=monitor", "Restart=on-failure", "NoNewPrivileges=yes",
                "PrivateTmp=yes", "ProtectSystem=strict",
                "EnvironmentFile=/etc/client-activity-monitor/secrets.env",
                "ReadWritePaths=/var/lib/client-activity-monitor /var/spool/client-activity-monitor");
        assertThat(unit).contains("--monitor.mode=service")
                .contains("--monitor.output-dir=/var/lib/client-activity-monitor/output")
                .contains("--monitor.inbox-dir=/var/spool/client-activity-monitor/inbox")
                // secrets only through EnvironmentFile=
                .doesNotContainPattern("(?m)^Environment=");
        Matcher stop = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)s$").matcher(unit);
        assertThat(stop.find()).as("TimeoutStopSec in seconds").isTrue();
        assertThat(Duration.ofSeconds(Long.parseLong(stop.group(1)))).isGreaterThan(SERVICE_STOP);
        assertThat(Files.readString(PROJECT.resolve("application.properties")))
                .contains("camel.main.shutdown-timeout = " + SERVICE_STOP.toSeconds());
    }

    @Test
    void dockerfileBuildsOnTemurin17JreAsANonRootUserWithAnAppCdsArchive() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);

        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
                .containsPattern("(?m)^USER monitor$")
                .contains("-XX:ArchiveClassesAtExit=/app/client-activity-monitor.jsa")
                .contains("\"-XX:SharedArchiveFile=/app/client-activity-monitor.jsa\"");
        // the archive is made before USER, by the image build, and every COPY source exists in a built repo
        assertThat(dockerfile.indexOf("ArchiveClassesAtExit")).isLessThan(dockerfile.indexOf("USER monitor"));
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            String source = copy.group(1);
            if (!source.startsWith("target/")) {
                assertThat(PROJECT.resolve(source)).as(source).exists();
            }
        }
        assertThat(copies).isEqualTo(3);
    }

    private static Verified verify(Path unit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("systemd-analyze", "verify", unit.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        return new Verified(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        try (Stream<String> dirs = Stream.of(path.split(java.io.File.pathSeparator))) {
            return dirs.anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
        }
    }

    private record Verified(int exit, String output) {
    }
}
