package com.example.monitor.perf;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ParquetFiles;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1,000,000 rows x 6 columns through the packaged jar with a 512 MB heap, in both result modes.
 * Behaviour only (it completes, every row is in the report); speed and memory are in bench/.
 */
@PackagedJar
class LargeResultIT {

    private static final int ROWS = 1_000_000;

    /** Shared with the other ITs of the failsafe JVM; the million rows are dropped after this class. */
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;

    @BeforeAll
    static void createMillionRows() throws Exception {
        String url = POSTGRES.server().createDatabase("large",
                "CREATE TABLE activity (client_id int, email text, amount numeric(12,2), changed_at timestamp,"
                        + " channel_id int, note text)",
                "INSERT INTO activity SELECT g, md5(g::text), (g % 100000) / 100.0,"
                        + " timestamp '2026-11-01' + g * interval '1 second', g % 7, 'note ' || g"
                        + " FROM generate_series(1, " + ROWS + ") g");
        project = new ProjectFiles(Files.createTempDirectory("large-result"))
                .database("large", url)
                .query("Million rows", "million.sql",
                        "SELECT client_id, email, amount, changed_at, channel_id, note FROM activity"
                                + " WHERE changed_at >= :start_date");
        project.write();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "stream"})
    void millionRowsCompleteWithinHalfAGigabyteOfHeap(String mode) throws Exception {
        Path output = Files.createTempDirectory(project.root(), "out-" + mode);
        Result result = MonitorProcess.jar().in(project.root())
                .jvmOptions("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")
                .args("--monitor.databases-file=" + project.databasesFile(), "--monitor.output-dir=" + output,
                        "--monitor.start-date=2026-01-01", "--monitor.results=" + mode)
                .run(Duration.ofMinutes(5));

        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(result.log()).contains("query=\"Million rows\" status=completed rows=" + ROWS + " ");
        assertThat(countRows(onlyReport(output))).isEqualTo(ROWS);
    }

    @Test
    void millionRowsToParquetInStreamModeCompleteWithinHalfAGigabyteOfHeap() throws Exception {
        Path output = Files.createTempDirectory(project.root(), "out-parquet");
        Result result = MonitorProcess.jar().in(project.root())
                .jvmOptions("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")
                .args("--monitor.databases-file=" + project.databasesFile(), "--monitor.output-dir=" + output,
                        "--monitor.start-date=2026-01-01", "--monitor.results=stream", "--monitor.rows-format=parquet")
                .run(Duration.ofMinutes(5));

        assertThat(result.exit()).as(result.log()).isZero();
        JsonNode query = new ObjectMapper().readTree(onlyReport(output).toFile())
                .at("/databases/large/queries/Million rows");
        assertThat(query.get("rowCount").asInt()).isEqualTo(ROWS);
        Path file = output.resolve(query.get("rowsFile").asText());
        assertThat(ParquetFiles.count(file)).isEqualTo(ROWS);
        assertThat(ParquetFiles.columnTypes(file)).containsEntry("amount", "DECIMAL(12,2)")
                .containsEntry("changed_at", "TIMESTAMP");
    }

    /** Streams through the report, as a consumer of a big report would, counting the row objects. */
    private static int countRows(Path report) throws IOException {
        int rows = 0;
        try (JsonParser parser = new JsonFactory().createParser(report.toFile())) {
            int depthOfRows = -1;
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (token == JsonToken.START_OBJECT && depth == depthOfRows + 1 && depthOfRows > 0) {
                        rows++;
                    }
                    if (token == JsonToken.START_ARRAY && "rows".equals(parser.currentName())) {
                        depthOfRows = depth;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (token == JsonToken.END_ARRAY && depth == depthOfRows) {
                        depthOfRows = -1;
                    }
                    depth--;
                }
            }
        }
        return rows;
    }

    private static Path onlyReport(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            List<Path> reports = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }
}
