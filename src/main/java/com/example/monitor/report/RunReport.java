package com.example.monitor.report;

import com.example.monitor.rows.ColumnType;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunStatus;
import java.io.Serializable;
import java.util.List;

/**
 * A run's outcome without its rows: serialisable and free of Camel types, so routes and teams can
 * keep, log or forward it. The full report, rows included, is the JSON file at {@code reportFile}.
 * {@code node} is the id of the replica that ran it, {@code null} without a cluster service.
 */
public record RunReport(String runId, String node, String trigger, String startDate, String startedAt, String finishedAt,
                        long elapsedMs, String status, String reportFile, List<DatabaseReport> databases)
        implements Serializable {

    /** {@code status} as the run had it (the record holds it as the report writes it). */
    public RunStatus runStatus() {
        return RunStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("run status " + status));
    }

    /** The database of that name, for routes: {@code ${exchangeProperty.analysisReport.database('crm')}}. */
    public DatabaseReport database(String name) {
        return databases.stream().filter(database -> database.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no database '" + name + "'"));
    }

    public record DatabaseReport(String name, String status, String error, long elapsedMs,
                                 List<QueryReport> queries) implements Serializable {

        /** {@code status} as the run had it (the record holds it as the report writes it). */
        public DatabaseStatus databaseStatus() {
            return DatabaseStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("database status " + status));
        }

        /** The query of that name, for routes: {@code ...database('crm').query('Get all email changes')}. */
        public QueryReport query(String name) {
            return queries.stream().filter(query -> query.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("database '" + this.name + "' has no query '" + name + "'"));
        }
    }

    /**
     * {@code columns} are unique within the query, {@code columnTypes} one per column in the same order;
     * {@code rowsFile} is the query's Parquet file, relative to the report's folder, or null (rows in
     * the report, or none: a query that did not complete).
     */
    public record QueryReport(String name, String status, Integer rowCount, long elapsedMs, String error,
                              List<String> columns, List<ColumnType> columnTypes, String rowsFile)
            implements Serializable {

        /** {@code status} as the run had it (the record holds it as the report writes it). */
        public QueryStatus queryStatus() {
            return QueryStatus.ofLabel(status).orElseThrow(() -> new IllegalStateException("query status " + status));
        }
    }
}
