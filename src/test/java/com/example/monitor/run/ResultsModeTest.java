package com.example.monitor.run;

import com.example.monitor.testing.ReportFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.MonitorLauncher;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** max_rows and monitor.results=memory|stream, through the whole application. */
class ResultsModeTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private static JsonNode memoryReport;

    @BeforeAll
    static void createDatabase() throws Exception {
        String url = POSTGRES.server().createDatabase("results",
                "CREATE TABLE events (id int, label text, amount numeric(12,2), at timestamp, blob bytea,"
                        + " zoned timestamptz)",
                "INSERT INTO events SELECT g, 'label ' || g, g * 1.25, timestamp '2026-11-01 00:00:00'"
                        + " + g * interval '1 minute', decode('cafe', 'hex'), timestamptz '2026-11-01 00:00:00Z'"
                        + " FROM generate_series(1, 2500) g");
        project = new ProjectFiles(Files.createTempDirectory("results-mode"))
                .database("results", url)
                .query("All events", "all.sql",
                        "SELECT id, label, amount, at, blob, zoned FROM events WHERE at >= :start_date ORDER BY id")
                .query("Capped events", "capped.sql", "SELECT id FROM events ORDER BY id", "max_rows: 100")
                .query("Exactly at cap", "exact.sql", "SELECT id FROM events WHERE id <= 100", "max_rows: 100")
                .query("One row, cap written 1.0", "one.sql", "SELECT id FROM events ORDER BY id", "max_rows: 1.0")
                .query("No events", "none.sql", "SELECT id FROM events WHERE id < 0");
        project.write();
    }

    @Test
    void maxRowsKeepsThatManyAndSaysTheResultWasTruncated() throws Exception {
        JsonNode capped = memoryReport().at("/databases/results/queries/Capped events");

        assertThat(capped.get("rowCount").asInt()).isEqualTo(100);
        assertThat(capped.get("rows")).hasSize(100);
        assertThat(capped.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void aResultOfExactlyMaxRowsIsNotTruncated() throws Exception {
        JsonNode exact = memoryReport().at("/databases/results/queries/Exactly at cap");

        assertThat(exact.get("rowCount").asInt()).isEqualTo(100);
        assertThat(exact.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aQueryWithoutMaxRowsIsNotTruncated() throws Exception {
        assertThat(memoryReport().at("/databases/results/queries/All events/truncated").asBoolean()).isFalse();
    }

    /** JSON Schema counts 1.0 as the integer 1, and so the run does: the cap is neither ignored nor refused. */
    @Test
    void maxRowsWrittenWithAZeroFractionCapsAtThatWholeNumber() throws Exception {
        JsonNode capped = run("stream").at("/databases/results/queries/One row, cap written 1.0");

        assertThat(capped.get("rowCount").asInt()).isEqualTo(1);
        assertThat(capped.get("rows")).hasSize(1);
        assertThat(capped.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void streamModeWritesTheSameReportAsMemoryMode() throws Exception {
        JsonNode memory = withoutTimings(run("memory"));
        JsonNode stream = withoutTimings(run("stream"));

        assertThat(stream.get("databases").get("results").get("queries").get("All events").get("rows"))
                .hasSize(2500);
        assertThat(stream).isEqualTo(memory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "stream"})
    void queryWithZeroRowsStillReportsItsColumns(String mode) throws Exception {
        JsonNode none = run(mode).at("/databases/results/queries/No events");

        assertThat(none.get("status").asText()).isEqualTo("completed");
        assertThat(none.get("rowCount").asInt()).isZero();
        assertThat(none.get("columns").toString()).isEqualTo("[\"id\"]");
        assertThat(none.get("rows")).isEmpty();
    }

    @Test
    void streamModeLeavesNoSpoolFilesBehind() throws Exception {
        run("stream");

        try (Stream<Path> files = Files.walk(project.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(name -> name.endsWith(".rows") || name.equals(".spool"));
        }
    }

    /**
     * One memory-mode run for the tests that only read its report: the run is the slow part, and what
     * each of them checks is a different query of the same report.
     */
    private static JsonNode memoryReport() throws IOException {
        if (memoryReport == null) {
            memoryReport = run("memory");
        }
        return memoryReport;
    }

    private static JsonNode run(String mode) throws IOException {
        Path output = Files.createTempDirectory(project.root(), "out-" + mode);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)).run(
                "--monitor.databases-file=" + project.databasesFile(), "--monitor.output-dir=" + output,
                "--monitor.start-date=2026-10-01", "--monitor.results=" + mode);
        assertThat(exit).as(err.toString()).isZero();
        return new ReportFiles(output, project.databasesFile()).only();
    }

    private static JsonNode withoutTimings(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove(List.of("runId", "startedAt", "finishedAt", "elapsedMs"));
        copy.get("databases").forEach(database -> {
            ((ObjectNode) database).remove("elapsedMs");
            database.get("queries").forEach(query -> ((ObjectNode) query).remove("elapsedMs"));
        });
        return copy;
    }
}
