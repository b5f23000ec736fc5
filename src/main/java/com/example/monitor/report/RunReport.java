package com.example.monitor.report;

import com.example.monitor.rows.ColumnType;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunStatus;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A run's outcome without its rows: serialisable and free of Camel types, so routes and teams can
 * keep, log or forward it. The full report, rows included, is the JSON file at {@code reportFile}.
 * {@code node} is the id of the replica that ran it, {@code null} without a cluster service.
 *
 * <p>It is the one summary of a run. The report file is its JSON with the rows added
 * ({@link ReportWriter}), the run history reads that JSON back into it, and the status page shows the
 * run in flight as one; {@link RunReportJson} maps it. Its components are in the report's order, under
 * the report's names; databases and queries are objects keyed by their names there. {@link Views}
 * says which of those JSON renderings leave which field out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunReport(String runId, String node, String trigger,
                        @JsonView({Views.File.class, Views.Recorded.class, Views.Listed.class}) String requestFile,
                        String startDate, String startedAt, String finishedAt, long elapsedMs, String status,
                        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
                        @JacksonInject(value = RunReportJson.REPORT_FILE, useInput = OptBoolean.FALSE) String reportFile,
                        @JsonView({Views.File.class, Views.Recorded.class, Views.Live.class})
                        @JsonSerialize(using = RunReportJson.DatabasesWriter.class)
                        @JsonDeserialize(using = RunReportJson.DatabasesReader.class) List<DatabaseReport> databases)
        implements Serializable {

    /**
     * The renderings of a run as JSON ({@link JsonView}): a field that names none is in all of them.
     * The report's field set is the contract (docs/report-format.md), and the API's answers have kept
     * theirs since before this record was their source.
     */
    public static final class Views {

        /** The report file. */
        public interface File {
        }

        /** A report read back for the run history: all but the columns, which it has no use for. */
        public interface Recorded {
        }

        /** A line of {@code GET /api/runs}: the run without its databases (the history adds counts). */
        public interface Listed {
        }

        /** The run in flight ({@code GET /api/runs/current}, the status page): no request file, no columns. */
        public interface Live {
        }

        private Views() {
        }
    }

    /**
     * The run as it stands: finished, or in flight (status {@code running}, no {@code finishedAt}).
     *
     * @param reportFile where its report is or will be; a query's {@code rowsFile} is named relative to its folder
     */
    public static RunReport of(AnalysisRun run, Path reportFile) {
        Path folder = reportFile.toAbsolutePath().getParent();
        List<DatabaseReport> databases = run.databases().stream()
                .map(database -> new DatabaseReport(database.name(), database.status().label(), database.error(),
                        database.elapsedMs(), database.queries().stream()
                        .map(query -> new QueryReport(query.name(), query.status().label(), query.rowCount(),
                                query.truncated(), query.elapsedMs(), query.error(), query.columns(),
                                query.columnTypes(), RowsFiles.relative(folder, query.rowsFile())))
                        .toList()))
                .toList();
        return new RunReport(run.runId(), run.node(), run.reportedTrigger(), run.requestFile(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.startDate()), run.startedAt().toString(),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.elapsedMs(), run.status().label(),
                reportFile.toAbsolutePath().toString(), databases);
    }

    /** {@code status} as the run had it (the record holds it as the report writes it). */
    public RunStatus runStatus() {
        return RunStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("run status " + status));
    }

    /** The database of that name, for routes: {@code ${exchangeProperty.analysisReport.database('crm')}}. */
    public DatabaseReport database(String name) {
        return databases.stream().filter(database -> database.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no database '" + name + "'"));
    }

    /** The same run with each query as {@code change} gives it, for a view that shows a query otherwise. */
    public RunReport withQueries(BiFunction<DatabaseReport, QueryReport, QueryReport> change) {
        List<DatabaseReport> changed = databases.stream()
                .map(database -> new DatabaseReport(database.name(), database.status(), database.error(),
                        database.elapsedMs(), database.queries().stream()
                        .map(query -> change.apply(database, query)).toList()))
                .toList();
        return new RunReport(runId, node, trigger, requestFile, startDate, startedAt, finishedAt, elapsedMs, status,
                reportFile, changed);
    }

    /** Its name is the key the report files it under, not a field of its own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DatabaseReport(@JsonIgnore String name, String status, String error, long elapsedMs,
                                 @JsonSerialize(using = RunReportJson.QueriesWriter.class)
                                 @JsonDeserialize(using = RunReportJson.QueriesReader.class) List<QueryReport> queries)
            implements Serializable {

        /** {@code status} as the run had it (the record holds it as the report writes it). */
        public DatabaseStatus databaseStatus() {
            return DatabaseStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("database status " + status));
        }

        /** The query of that name, for routes: {@code ...database('crm').query('Get all email changes')}. */
        public QueryReport query(String name) {
            return queries.stream().filter(query -> query.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("database '" + this.name + "' has no query '" + name + "'"));
        }

        DatabaseReport withName(String name) {
            return new DatabaseReport(name, status, error, elapsedMs, queries);
        }
    }

    /**
     * {@code columns} are unique within the query, {@code columnTypes} one per column in the same order;
     * {@code truncated} is true when max_rows cut the result short; {@code rowsFile} is the query's
     * Parquet file, relative to the report's folder, or null (rows in the report, or none: a query that
     * did not complete). The report writer puts {@code rowsFile} or the rows after the other fields.
     *
     * <p>Unknown fields, the rows among them, are skipped while read, not kept: databind builds a record
     * through its constructor, and holds a field it was not told to ignore until the object ends, a
     * million rows included.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryReport(@JsonIgnore String name, String status, Integer rowCount, boolean truncated,
                              long elapsedMs, String error,
                              @JsonView(Views.File.class) List<String> columns,
                              @JsonView(Views.File.class) List<ColumnType> columnTypes,
                              @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String rowsFile)
            implements Serializable {

        /** {@code status} as the run had it (the record holds it as the report writes it). */
        public QueryStatus queryStatus() {
            return QueryStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("query status " + status));
        }

        public QueryReport withElapsedMs(long elapsedMs) {
            return new QueryReport(name, status, rowCount, truncated, elapsedMs, error, columns, columnTypes, rowsFile);
        }

        QueryReport withName(String name) {
            return new QueryReport(name, status, rowCount, truncated, elapsedMs, error, columns, columnTypes, rowsFile);
        }
    }
}
