package com.example.monitor.run;

import com.example.monitor.config.QueryConfig;
import java.util.List;

/** What happened to one query in one run. Written by its database's branch, read after the split joins. */
public final class QueryOutcome {

    private final QueryConfig query;
    private volatile QueryStatus status = QueryStatus.PENDING;
    private volatile List<String> columns = List.of();
    private volatile List<Row> rows = List.of();
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

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Rows only count for a completed query: a failed one has none, and must not look like "zero rows". */
    public Integer rowCount() {
        return status == QueryStatus.COMPLETED ? rows.size() : null;
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    public String error() {
        return error;
    }

    void running() {
        status = QueryStatus.RUNNING;
    }

    void completed(List<String> columns, List<Row> rows, long elapsedMs) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.COMPLETED;
    }

    void failed(String error, long elapsedMs) {
        this.error = error;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.FAILED;
    }

    void cancelled(long elapsedMs) {
        this.error = status == QueryStatus.RUNNING ? "cancelled while running" : null;
        this.elapsedMs = elapsedMs;
        this.status = QueryStatus.CANCELLED;
    }

    void skipped(String reason) {
        this.error = reason;
        this.status = QueryStatus.SKIPPED;
    }
}
