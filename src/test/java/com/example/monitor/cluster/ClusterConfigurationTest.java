package com.example.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.MonitorLauncher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster service declared the way Camel Main declares any bean ({@code camel.beans.*}), through
 * the launcher in this JVM: what is refused with exit code 2 before anything runs, and what a
 * one-shot run or a process without one does (nothing new).
 */
class ClusterConfigurationTest {

    private static final String FILE_LOCK = "--camel.beans.cluster=#class:"
            + "org.apache.camel.component.file.cluster.FileLockClusterService";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path lockRoot;

    @BeforeEach
    void oneH2Database() throws IOException {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/one.sql"), "SELECT 1 AS one FROM DUAL WHERE :start_date IS NOT NULL\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: h2
                    url: "jdbc:h2:mem:cluster_configuration;MODE=Oracle;DB_CLOSE_DELAY=-1"
                    auth: password
                    username: sa
                    password: sa
                    sql_queries:
                      - name: One
                        query_location: sql/one.sql
                """);
        lockRoot = dir.resolve("cluster");
    }

    @Test
    void aClusterServiceWithoutAnIdIsRefusedBeforeAnythingRuns() throws Exception {
        int exit = run("--monitor.mode=service", "--monitor.schedule=1s", FILE_LOCK,
                "--camel.beans.cluster.root=" + lockRoot);

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: camel.beans.cluster.id: missing; every replica needs its own"
                + " id, e.g. camel.beans.cluster.id = {{env:HOSTNAME}}");
        assertThat(reports()).isEmpty();
        assertThat(lockRoot).doesNotExist();
    }

    @Test
    void anIdThatCannotBePartOfAFileNameIsRefused() throws Exception {
        int exit = run("--monitor.mode=service", "--monitor.schedule=1s", FILE_LOCK,
                "--camel.beans.cluster.id=eu/n1", "--camel.beans.cluster.root=" + lockRoot);

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: camel.beans.cluster.id: 'eu/n1' is not a replica id; use up"
                + " to 63 letters, digits, '.', '_' and '-', starting with a letter or digit");
    }

    @Test
    void aFileLockWithoutItsRootFolderIsRefused() throws Exception {
        int exit = run("--monitor.mode=service", "--monitor.schedule=1s", FILE_LOCK, "--camel.beans.cluster.id=n1");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: camel.beans.cluster: cannot join the election in namespace"
                + " client-activity-monitor (FileLockClusterService root directory must be specified)");
    }

    @Test
    void twoClusterServicesAreRefused() throws Exception {
        int exit = run("--monitor.mode=service", "--monitor.schedule=1s", FILE_LOCK,
                "--camel.beans.cluster.id=n1", "--camel.beans.cluster.root=" + lockRoot,
                FILE_LOCK.replace("beans.cluster", "beans.spare"), "--camel.beans.spare.id=n1",
                "--camel.beans.spare.root=" + lockRoot);

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: camel.beans: 2 cluster services declared (cluster, spare); declare exactly one");
    }

    @Test
    void aBadNamespaceIsRefused() throws Exception {
        int exit = run("--monitor.mode=service", "--monitor.cluster.namespace=Client Activity");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.cluster.namespace: 'Client Activity' is not a"
                + " namespace; use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
    }

    @Test
    void aOneShotRunTakesNoPartInTheElectionAndItsReportNamesNoNode() throws Exception {
        int exit = run("--monitor.start-date=2026-10-01", FILE_LOCK, "--camel.beans.cluster.id=n1",
                "--camel.beans.cluster.root=" + lockRoot);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = onlyReport();
        assertThat(report.get("node").isNull()).as("node: %s", report.get("node")).isTrue();
        assertThat(report.get("runId").asText()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
        assertThat(lockRoot).as("no lock taken").doesNotExist();
    }

    @Test
    void withoutAClusterServiceTheReportNamesNoNodeAndRunIdsAreAsBefore() throws Exception {
        int exit = run("--monitor.start-date=2026-10-01");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = onlyReport();
        assertThat(report.has("node")).isTrue();
        assertThat(report.get("node").isNull()).isTrue();
        assertThat(report.get("runId").asText()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--monitor.databases-file=" + dir.resolve("databases.yaml"),
                "--monitor.output-dir=" + dir.resolve("output")));
        args.addAll(List.of(extra));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new MonitorLauncher(out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    private List<String> errorLines() {
        return err.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    private List<Path> reports() throws IOException {
        if (!Files.isDirectory(dir.resolve("output"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("output"))) {
            return files.filter(file -> file.toString().endsWith(".json")).toList();
        }
    }

    private JsonNode onlyReport() throws IOException {
        List<Path> reports = reports();
        assertThat(reports).hasSize(1);
        return new ObjectMapper().readTree(reports.get(0).toFile());
    }
}
