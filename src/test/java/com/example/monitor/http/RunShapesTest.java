package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.AuthMode;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.RowsFormat;
import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.ReportWriter;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.sql.CheckedSql;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run as each rendering gives it, byte for byte: the report file (docs/report-format.md) with its
 * rows or its Parquet files named, a line of {@code GET /api/runs} and the run in flight
 * ({@code GET /api/runs/current}). All three are rendered from its RunReport; these are the texts the
 * hand-written writers gave before.
 */
class RunShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "20261128T191500Z-n1-9acc8c32";
    /** The run's own time while it is in flight is the wall clock's, so it is left out of the comparison. */
    private static final String RUN_IN_FLIGHT_FOR = "\"elapsedMs\":\\d+,\"status\":\"running\",\"databases\"";
    /** The run's own fields, as the report and the run list both begin. */
    private static final String RUN_FIELDS = """
            {"runId":"20261128T191500Z-n1-9acc8c32","node":"n1","trigger":"file:req \\"1\\".json",\
            "requestFile":"req \\"1\\".json","startDate":"2026-10-01T06:30:00",\
            "startedAt":"2026-11-28T19:15:00.120Z","finishedAt":"2026-11-28T19:15:02.456Z","elapsedMs":2336,\
            "status":"cancelled",""";
    /** The report's first query up to its column types, the same whether its rows are in the report or a file. */
    private static final String FIRST_QUERY_UP_TO_ITS_COLUMN_TYPES = """
            "databases":{"crm":{"status":"completed","error":null,"elapsedMs":40,\
            "queries":{"Q1":{"status":"completed","rowCount":2,"truncated":true,"elapsedMs":15,"error":null,\
            "columns":["ID","ID_2","WHEN"],"columnTypes":[{"type":"integer","databaseType":"NUMBER",\
            "precision":10,"scale":0,"nullable":false,"label":"ID"},{"type":"decimal","databaseType":"NUMBER",\
            "precision":null,"scale":null,"nullable":true,"label":"ID"},{"type":"timestamptz",\
            "databaseType":null,"precision":null,"scale":null,"nullable":true,"label":"WHEN"}],""";

    @TempDir
    Path output;

    @Test
    void theReportKeepsItsFieldsTheirOrderAndTheRowsCopiedFromTheSpool() throws Exception {
        AnalysisRun run = finished(run(RowsFormat.JSON));

        new ReportWriter(PosixFilePermissions.fromString("rw-------"), RowsFormat.JSON).write(run, output);

        assertThat(Files.readString(output.resolve(RUN_ID + ".json")))
                .isEqualTo(RUN_FIELDS + FIRST_QUERY_UP_TO_ITS_COLUMN_TYPES + """
                "rows":[{"ID":1,\
                "ID_2":2.50,"WHEN":null},{"ID":3,"ID_2":1E+3,"WHEN":"2026-01-01T00:00:00Z"}]},\
                "Clients/2026 ü \\"x\\"":{"status":"completed","rowCount":0,"truncated":false,"elapsedMs":3,\
                "error":null,"columns":[],"columnTypes":[],"rows":[]},"Fails":{"status":"failed","rowCount":null,\
                "truncated":false,"elapsedMs":7,"error":"ERROR: boom\\n\\tat line 2","columns":[],"columnTypes":[],\
                "rows":[]}}},"billing":{"status":"failed","error":"refused","elapsedMs":1200,\
                "queries":{"B1":{"status":"skipped","rowCount":null,"truncated":false,"elapsedMs":0,\
                "error":"database unavailable: refused","columns":[],"columnTypes":[],"rows":[]},\
                "B2":{"status":"skipped","rowCount":null,"truncated":false,"elapsedMs":0,\
                "error":"database unavailable: refused","columns":[],"columnTypes":[],"rows":[]}}},\
                "hr":{"status":"cancelled","error":null,"elapsedMs":600,"queries":{"R":{"status":"cancelled",\
                "rowCount":null,"truncated":false,"elapsedMs":500,"error":"cancelled while running","columns":[],\
                "columnTypes":[],"rows":[]},"P":{"status":"cancelled","rowCount":null,"truncated":false,\
                "elapsedMs":0,"error":null,"columns":[],"columnTypes":[],"rows":[]}}},"late":{"status":"pending",\
                "error":null,"elapsedMs":0,"queries":{"L":{"status":"cancelled","rowCount":null,"truncated":false,\
                "elapsedMs":0,"error":null,"columns":[],"columnTypes":[],"rows":[]}}}}}""");
    }

    @Test
    void withParquetEachQueryNamesItsFileOrNullAndHasNoRows() throws Exception {
        AnalysisRun run = finished(run(RowsFormat.PARQUET));

        new ReportWriter(PosixFilePermissions.fromString("rw-------"), RowsFormat.PARQUET).write(run, output);

        assertThat(Files.readString(output.resolve(RUN_ID + ".json")))
                .isEqualTo(RUN_FIELDS + FIRST_QUERY_UP_TO_ITS_COLUMN_TYPES + """
                "rowsFile":"20261128T191500Z-n1-9acc8c32/crm/Q1.parquet"},\
                "Clients/2026 ü \\"x\\"":{"status":"completed","rowCount":0,"truncated":false,"elapsedMs":3,\
                "error":null,"columns":[],"columnTypes":[],"rowsFile":"20261128T191500Z-n1-9acc8c32/crm/C.parquet"},\
                "Fails":{"status":"failed","rowCount":null,"truncated":false,"elapsedMs":7,\
                "error":"ERROR: boom\\n\\tat line 2","columns":[],"columnTypes":[],"rowsFile":null}}},\
                "billing":{"status":"failed","error":"refused","elapsedMs":1200,"queries":{"B1":{"status":"skipped",\
                "rowCount":null,"truncated":false,"elapsedMs":0,"error":"database unavailable: refused",\
                "columns":[],"columnTypes":[],"rowsFile":null},"B2":{"status":"skipped","rowCount":null,\
                "truncated":false,"elapsedMs":0,"error":"database unavailable: refused","columns":[],\
                "columnTypes":[],"rowsFile":null}}},"hr":{"status":"cancelled","error":null,"elapsedMs":600,\
                "queries":{"R":{"status":"cancelled","rowCount":null,"truncated":false,"elapsedMs":500,\
                "error":"cancelled while running","columns":[],"columnTypes":[],"rowsFile":null},\
                "P":{"status":"cancelled","rowCount":null,"truncated":false,"elapsedMs":0,"error":null,"columns":[],\
                "columnTypes":[],"rowsFile":null}}},"late":{"status":"pending","error":null,"elapsedMs":0,\
                "queries":{"L":{"status":"cancelled","rowCount":null,"truncated":false,"elapsedMs":0,"error":null,\
                "columns":[],"columnTypes":[],"rowsFile":null}}}}}""");
    }

    @Test
    void theRunListShowsTheRunsFieldsWithItsQueriesCountedByStatusAndItsRows() throws Exception {
        AnalysisRun run = finished(run(RowsFormat.JSON));
        new ReportWriter(PosixFilePermissions.fromString("rw-------"), RowsFormat.JSON).write(run, output);

        assertThat(JSON.writeValueAsString(new RunHistory(output).recent(null))).isEqualTo("[" + RUN_FIELDS + """
                "queries":{"cancelled":3,"completed":2,"failed":1,"skipped":2},"rows":2}""" + "]");
    }

    @Test
    void theRunInFlightHasTheReportsShapeWithoutRequestFileColumnsOrRowsAndARunningQueryCountsUp() throws Exception {
        AnalysisRuns runs = new AnalysisRuns(new StatementTracker());
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T19:15:01Z"), ZoneOffset.UTC);
        LiveStatus live = new LiveStatus(runs, null, new ClusterRole(), clock, output);
        runs.addListener(live);
        AnalysisRun run = runs.begin(() -> run(RowsFormat.JSON));
        ProgressEvent started = ProgressEvent.running(RUN_ID, "hr", "R");
        started.setTimestamp(Instant.parse("2026-11-28T19:15:00.300Z").toEpochMilli());
        live.notify(started);

        String current = JSON.writeValueAsString(live.current());

        assertThat(current.replaceFirst(RUN_IN_FLIGHT_FOR, "RUN_IN_FLIGHT_FOR")).isEqualTo("""
                {"runId":"20261128T191500Z-n1-9acc8c32","node":"n1","trigger":"file:req \\"1\\".json",\
                "startDate":"2026-10-01T06:30:00","startedAt":"2026-11-28T19:15:00.120Z","finishedAt":null,\
                RUN_IN_FLIGHT_FOR:{"crm":{"status":"completed","error":null,"elapsedMs":40,\
                "queries":{"Q1":{"status":"completed","rowCount":2,"truncated":true,"elapsedMs":15,"error":null},\
                "Clients/2026 ü \\"x\\"":{"status":"completed","rowCount":0,"truncated":false,"elapsedMs":3,\
                "error":null},"Fails":{"status":"failed","rowCount":null,"truncated":false,"elapsedMs":7,\
                "error":"ERROR: boom\\n\\tat line 2"}}},"billing":{"status":"failed","error":"refused",\
                "elapsedMs":1200,"queries":{"B1":{"status":"skipped","rowCount":null,"truncated":false,\
                "elapsedMs":0,"error":"database unavailable: refused"},"B2":{"status":"skipped","rowCount":null,\
                "truncated":false,"elapsedMs":0,"error":"database unavailable: refused"}}},"hr":{"status":"running",\
                "error":null,"elapsedMs":0,"queries":{"R":{"status":"running","rowCount":null,"truncated":false,\
                "elapsedMs":700,"error":null},"P":{"status":"pending","rowCount":null,"truncated":false,\
                "elapsedMs":0,"error":null}}},"late":{"status":"pending","error":null,"elapsedMs":0,\
                "queries":{"L":{"status":"pending","rowCount":null,"truncated":false,"elapsedMs":0,"error":null}}}}}""");
        assertThat(JSON.readTree(JSON.writeValueAsString(live.status())).get("run").toString()
                .replaceFirst(RUN_IN_FLIGHT_FOR, "RUN_IN_FLIGHT_FOR"))
                .as("the status page's run").isEqualTo(current.replaceFirst(RUN_IN_FLIGHT_FOR, "RUN_IN_FLIGHT_FOR"));
        runs.end(run);
    }

    /**
     * crm: two completed queries (one cut short by max_rows) and a failed one, under names JSON must
     * escape; billing: unreachable, its queries skipped; hr: a query running, one pending; late: not
     * reached. Finished, hr and late are cancelled.
     */
    private AnalysisRun run(RowsFormat rows) {
        AnalysisRun run = new AnalysisRun(RUN_ID, "n1", "file", "req \"1\".json",
                LocalDateTime.parse("2026-10-01T06:30:00"), Instant.parse("2026-11-28T19:15:00.120Z"),
                List.of(database("crm", "Q1", "Clients/2026 ü \"x\"", "Fails"), database("billing", "B1", "B2"),
                        database("hr", "R", "P"), database("late", "L")));
        DatabaseOutcome crm = run.database("crm");
        crm.connecting();
        crm.running();
        List<ColumnType> types = List.of(new ColumnType("ID", ColumnType.Kind.INTEGER, "NUMBER", 10, 0, false),
                new ColumnType("ID", ColumnType.Kind.DECIMAL, "NUMBER", null, null, true),
                new ColumnType("WHEN", ColumnType.Kind.TIMESTAMPTZ, null, null, null, true));
        completed(crm, "Q1", "Q1", types, rows, "{\"ID\":1,\"ID_2\":2.50,\"WHEN\":null},"
                + "{\"ID\":3,\"ID_2\":1E+3,\"WHEN\":\"2026-01-01T00:00:00Z\"}", 2, true, 15);
        completed(crm, "Clients/2026 ü \"x\"", "C", List.of(), rows, "", 0, false, 3);
        crm.query("Fails").running();
        crm.query("Fails").failed("ERROR: boom\n\tat line 2", 7);
        crm.finished(DatabaseStatus.COMPLETED, null, 40);
        DatabaseOutcome billing = run.database("billing");
        billing.connecting();
        billing.query("B1").skipped("database unavailable: refused");
        billing.query("B2").skipped("database unavailable: refused");
        billing.finished(DatabaseStatus.FAILED, "refused", 1200);
        DatabaseOutcome hr = run.database("hr");
        hr.connecting();
        hr.running();
        hr.query("R").running();
        return run;
    }

    /** Cancelled while hr ran its first query and before late was reached. */
    private static AnalysisRun finished(AnalysisRun run) {
        DatabaseOutcome hr = run.database("hr");
        hr.query("R").cancelled(500);
        hr.query("P").cancelled(0);
        hr.finished(DatabaseStatus.CANCELLED, null, 600);
        run.database("late").query("L").cancelled(0);
        run.cancel();
        run.finish(Instant.parse("2026-11-28T19:15:02.456Z"));
        return run;
    }

    /** Its rows in a spool of their JSON, or in a Parquet file named {@code file} (not written: the report only names it). */
    private void completed(DatabaseOutcome database, String query, String file, List<ColumnType> types, RowsFormat rows,
                           String spooled, int rowCount, boolean truncated, long elapsedMs) {
        try {
            Path spool = rows == RowsFormat.JSON ? Files.writeString(output.resolve(file + ".spool"), spooled) : null;
            Path rowsFile = rows == RowsFormat.PARQUET
                    ? output.resolve(RUN_ID).resolve(database.name()).resolve(file + ".parquet") : null;
            database.query(query).running();
            database.query(query).completed(types, List.of(), spool, rowsFile, rowCount, truncated, elapsedMs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DatabaseConfig database(String name, String... queries) {
        return new DatabaseConfig(name, "jdbc:postgresql://localhost/" + name, AuthMode.PASSWORD, "u", null, null, Map.of(),
                null, Arrays.stream(queries).map(query -> new QueryConfig(query, Path.of("q.sql"), null, null, null,
                CheckedSql.check("SELECT 1 AS one", problem -> {
                    throw new IllegalStateException(problem);
                }).orElseThrow())).toList());
    }
}
