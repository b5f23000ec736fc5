package com.example.monitor.progress;

import org.apache.camel.spi.CamelEvent;

/**
 * One progress step of a run, delivered to every Camel {@code EventNotifier} as a custom event.
 * {@code query} is null for database-level events; {@code rows}, {@code elapsedMs} and {@code error}
 * are null where they do not apply.
 */
public final class ProgressEvent implements CamelEvent {

    private final String runId;
    private final String database;
    private final String query;
    private final String status;
    private final Integer rows;
    private final Long elapsedMs;
    private final String error;
    private long timestamp = System.currentTimeMillis();

    /** A database whose connection is being checked. */
    public static ProgressEvent connecting(String runId, String database) {
        return new ProgressEvent(runId, database, null, "connecting", null, null, null);
    }

    /** A database settled: its final status, with the error when it failed. */
    public static ProgressEvent databaseFinished(String runId, String database, String status, long elapsedMs,
                                                 String error) {
        return new ProgressEvent(runId, database, null, status, null, elapsedMs, error);
    }

    /** A query that has started on its database. */
    public static ProgressEvent running(String runId, String database, String query) {
        return new ProgressEvent(runId, database, query, "running", null, null, null);
    }

    /** A query whose rows are all in. */
    public static ProgressEvent completed(String runId, String database, String query, Integer rows, long elapsedMs) {
        return new ProgressEvent(runId, database, query, "completed", rows, elapsedMs, null);
    }

    /** A query that stopped with an error. */
    public static ProgressEvent failed(String runId, String database, String query, long elapsedMs, String error) {
        return new ProgressEvent(runId, database, query, "failed", null, elapsedMs, error);
    }

    /** A query stopped, or never started, because its run was cancelled. */
    public static ProgressEvent cancelled(String runId, String database, String query, long elapsedMs) {
        return new ProgressEvent(runId, database, query, "cancelled", null, elapsedMs, null);
    }

    public ProgressEvent(String runId, String database, String query, String status, Integer rows,
                         Long elapsedMs, String error) {
        this.runId = runId;
        this.database = database;
        this.query = query;
        this.status = status;
        this.rows = rows;
        this.elapsedMs = elapsedMs;
        this.error = error;
    }

    public String runId() {
        return runId;
    }

    public String database() {
        return database;
    }

    /** The query name, or null for an event about the whole database. */
    public String query() {
        return query;
    }

    public boolean isDatabaseLevel() {
        return query == null;
    }

    public String status() {
        return status;
    }

    public Integer rows() {
        return rows;
    }

    public Long elapsedMs() {
        return elapsedMs;
    }

    public String error() {
        return error;
    }

    /** A step that went wrong: failed or cancelled. */
    public boolean isAlarming() {
        return "failed".equals(status) || "cancelled".equals(status);
    }

    /** The console form: {@code progress database=.. query=".." status=.. rows=.. elapsedMs=.. error=".."}. */
    public String logLine() {
        return "progress " + fields();
    }

    /** The log line without its logger's name: {@code database=.. query=".." status=..}. */
    public String fields() {
        StringBuilder line = new StringBuilder("database=").append(database)
                .append(" query=").append(quoted(query == null ? "all" : query))
                .append(" status=").append(status);
        if (rows != null) {
            line.append(" rows=").append(rows);
        }
        if (elapsedMs != null) {
            line.append(" elapsedMs=").append(elapsedMs);
        }
        if (error != null) {
            line.append(" error=").append(quoted(error));
        }
        return line.toString();
    }

    private static String quoted(String text) {
        // one event, one line: driver messages often span lines and contain quotes
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s*[\\r\\n]+\\s*", " ") + '"';
    }

    @Override
    public Type getType() {
        return Type.Custom;
    }

    @Override
    public Object getSource() {
        return this;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return logLine();
    }
}
