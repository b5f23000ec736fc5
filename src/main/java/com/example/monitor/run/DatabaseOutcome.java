package com.example.monitor.run;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.QueryConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one database in one run; its queries keep databases.yaml order. */
public final class DatabaseOutcome {

    private final DatabaseConfig database;
    private final Map<String, QueryOutcome> queries = new LinkedHashMap<>();
    private volatile DatabaseStatus status = DatabaseStatus.PENDING;
    private volatile String error;
    private volatile long elapsedMs;

    DatabaseOutcome(DatabaseConfig database) {
        this.database = database;
        for (QueryConfig query : database.queries()) {
            queries.put(query.name(), new QueryOutcome(query));
        }
    }

    public DatabaseConfig database() {
        return database;
    }

    public String name() {
        return database.name();
    }

    public DatabaseStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    public List<QueryOutcome> queries() {
        return Collections.unmodifiableList(new ArrayList<>(queries.values()));
    }

    public QueryOutcome query(String name) {
        QueryOutcome outcome = queries.get(name);
        if (outcome == null) {
            throw new IllegalArgumentException("database '" + name() + "' has no query '" + name + "'");
        }
        return outcome;
    }

    /** {@code query -> rows}, the shape the next processing step consumes; failed queries map to no rows. */
    public Map<String, List<Map<String, Object>>> rowsByQuery() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (QueryOutcome query : queries.values()) {
            rows.put(query.name(), Collections.unmodifiableList(query.rows()));
        }
        return rows;
    }

    public void connecting() {
        status = DatabaseStatus.CONNECTING;
    }

    public void running() {
        status = DatabaseStatus.RUNNING;
    }

    public void finished(DatabaseStatus finalStatus, String error, long elapsedMs) {
        this.error = error;
        this.elapsedMs = elapsedMs;
        this.status = finalStatus;
    }
}
