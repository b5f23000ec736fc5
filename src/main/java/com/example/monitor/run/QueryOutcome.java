package com.example.monitor.run;

import com.example.monitor.config.QueryConfig;
import com.example.monitor.rows.ColumnNames;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.Row;
import java.nio.file.Path;
import java.util.List;

/** What happened to one query in one run. Written by its database's branch, read after the split joins. */
public final class QueryOutcome {

    private final QueryConfig query;
    private volatile QueryStatus status = QueryStatus.PENDING;
    private volatile List<String> columns = List.of();
    private volatile List<ColumnType> columnTypes = List.of();
    private volatile List<Row> rows = List.of();
    private volatile int rowCount;
    private volatile boolean truncated;
    private volatile Path spool;
    private volatile Path rowsFile;
    private volatile long elapsedMs;
    private volatile String error;

    QueryOutcome(QueryConfig query) {
        this.query = query;
    }

    public QueryConfig query() {
        return query;
    }

    public String name() {
        return query.name();
    }

    public QueryStatus status() {
        return status;
    }

    /** The column names, unique within the result (a repeated label gets {@code _2}, {@code _3}...). */
    public List<String> columns() {
        return columns;
    }

    /** One per column, in the same order: what the driver said about it, with the label it gave. */
    public List<ColumnType> columnTypes() {
        return columnTypes;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Rows only count for a completed query: a failed one has none, and must not look like "zero rows". */
    public Integer rowCount() {
        return status == QueryStatus.COMPLETED ? rowCount : null;
    }

    /** True when max_rows cut the result short. */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The rows as report JSON, encoded while the query ran, or null when they went to {@link #rowsFile()};
     * {@link #rows()} is empty in stream mode.
     */
    public Path spool() {
        return spool;
    }

    /** The Parquet file holding the rows, when rows go to files instead of the report; else null. */
    public Path rowsFile() {
        return rowsFile;
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    public String error() {
        return error;
    }

    public void running() {
        status = QueryStatus.RUNNING;
    }

    /** Exactly one of {@code spool} and {@code rowsFile} is given, as {@link #spool()} and {@link #rowsFile()} say. */
    public void completed(List<ColumnType> columnTypes, List<Row> rows, Path spool, Path rowsFile, int rowCount,
                          boolean truncated, long elapsedMs) {
        this.columnTypes = List.copyOf(columnTypes);
        this.columns = ColumnNames.unique(columnTypes.stream().map(ColumnType::label).toList());
        this.rows = rows;
        this.spool = spool;
        this.rowsFile = rowsFile;
        this.rowCount = rowCount;
        this.truncated = truncated;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.COMPLETED;
    }

    public void failed(String error, long elapsedMs) {
        this.error = error;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.FAILED;
    }

    public void cancelled(long elapsedMs) {
        this.error = status == QueryStatus.RUNNING ? "cancelled while running" : null;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.CANCELLED;
    }

    public void skipped(String reason) {
        this.error = reason;
        this.status = QueryStatus.SKIPPED;
    }
}
