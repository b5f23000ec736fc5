package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.monitor.config.AuthMode;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.RowsFormat;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.sql.CheckedSql;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report read back into the {@link RunReport} it was written from, the rows skipped on the way. */
class RunReportJsonTest {

    private static final String RUN_ID = "20261128T191500Z-9acc8c32";
    private static final String AFTER_ROWS = "]}}}}}";

    @TempDir
    Path output;

    @Test
    void aReportReadBackIsTheRunReportItWasWrittenFromWithoutItsColumns() throws Exception {
        RunReport written = new ReportWriter(PosixFilePermissions.fromString("rw-------"), RowsFormat.JSON)
                .write(run(2), output);

        RunReport read = new RunReportJson().read(output.resolve(RUN_ID + ".json"));

        assertThat(read).usingRecursiveComparison()
                .ignoringFields("databases.queries.columns", "databases.queries.columnTypes").isEqualTo(written);
        assertThat(written.database("crm").query("Q").columns()).containsExactly("ID");
        assertThat(read.database("crm").query("Q").columns()).as("not read back").isEmpty();
        assertThat(read.database("crm").query("Q").truncated()).isTrue();
        assertThat(read.reportFile()).isEqualTo(output.resolve(RUN_ID + ".json").toAbsolutePath().toString());
    }

    /**
     * Databind holds a field a record does not know until the record's object ends; the rows must be
     * skipped instead. Reading a report of 10 MB of rows allocates a small part of that, where holding
     * them would allocate more than the file.
     */
    @Test
    void theRowsOfALargeReportAreSkippedNotHeld() throws Exception {
        RunReportJson json = new RunReportJson();
        // the first read builds databind's deserializers; what the second allocates is the reading itself
        json.read(Files.writeString(output.resolve("small.json"), report("{\"ID\": 0, \"NAME\": \"client 0\"}", 1)));
        Path large = output.resolve("large.json");
        try (BufferedWriter out = Files.newBufferedWriter(large)) {
            out.write(beforeRows(250_000));
            out.write("{\"ID\": 0, \"NAME\": \"client 0\"}");
            for (int i = 1; i < 250_000; i++) {
                out.write(", {\"ID\": " + i + ", \"NAME\": \"client " + i + "\"}");
            }
            out.write(AFTER_ROWS);
        }
        long size = Files.size(large);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        RunReport read = json.read(large);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(read.database("crm").query("Q").rowCount()).isEqualTo(250_000);
        assertThat(size).isGreaterThan(9_000_000);
        assertThat(allocated).as("bytes allocated (%d) to read %d bytes", allocated, size).isLessThan(size / 10);
    }

    @Test
    void aTruncatedReportOrOneWithMoreAfterItIsNotAReport() throws Exception {
        String report = report("", 0);
        Path truncated = Files.writeString(output.resolve("truncated.json"), report.substring(0, report.length() - 1));
        Path twice = Files.writeString(output.resolve("twice.json"), report + report);
        RunReportJson json = new RunReportJson();

        assertThatThrownBy(() -> json.read(truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> json.read(twice)).isInstanceOf(IOException.class);
    }

    /** A report of one query with that many rows, as the writer leaves it, up to its rows. */
    private static String beforeRows(int rowCount) {
        return """
                {"runId": "%s", "node": null, "trigger": "cli", "requestFile": null, "startDate": "2026-10-01T00:00:00",
                 "startedAt": "2026-11-28T19:15:00Z", "finishedAt": "2026-11-28T19:15:02Z", "elapsedMs": 2000,
                 "status": "completed", "databases": {"crm": {"status": "completed", "error": null, "elapsedMs": 10,
                 "queries": {"Q": {"status": "completed", "rowCount": %d, "truncated": false, "elapsedMs": 5,
                 "error": null, "columns": ["ID", "NAME"], "columnTypes": [], "rows": [""".formatted(RUN_ID, rowCount);
    }

    private static String report(String rows, int rowCount) {
        return beforeRows(rowCount) + rows + AFTER_ROWS;
    }

    private AnalysisRun run(int rows) throws IOException {
        QueryConfig query = new QueryConfig("Q", Path.of("q.sql"), null, null, null,
                CheckedSql.check("SELECT 1 AS one", problem -> {
                    throw new IllegalStateException(problem);
                }).orElseThrow());
        AnalysisRun run = new AnalysisRun(RUN_ID, null, "file", "request.json", LocalDateTime.parse("2026-10-01T00:00:00"),
                Instant.parse("2026-11-28T19:15:00Z"), List.of(new DatabaseConfig("crm", "jdbc:postgresql://localhost/crm",
                AuthMode.PASSWORD, "u", null, null, Map.of(), null, List.of(query))));
        DatabaseOutcome crm = run.database("crm");
        crm.connecting();
        crm.query("Q").running();
        Path spool = Files.writeString(output.resolve("rows.spool"), "{\"ID\":1},{\"ID\":2}");
        crm.query("Q").completed(List.of(ColumnType.unknown("ID")), List.of(), spool, null, rows, true, 15);
        crm.finished(DatabaseStatus.COMPLETED, null, 20);
        run.finish(Instant.parse("2026-11-28T19:15:02Z"));
        return run;
    }
}
