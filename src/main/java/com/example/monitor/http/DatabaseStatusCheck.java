package com.example.monitor.http;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Each configured database's state in the newest report that has it, as details
 * ({@code ?exposureLevel=full&data=true}). Read from the reports at each call, as the metrics are, so a
 * restart and a standby replica show what the last run showed. Neither liveness nor readiness, and
 * always UP: a remote database being down is worth seeing, never a reason to restart or unplug this
 * service.
 */
public final class DatabaseStatusCheck extends AbstractHealthCheck {

    private final List<String> databases;
    private final RunHistory history;

    public DatabaseStatusCheck(List<String> databases, RunHistory history) {
        super("monitor", "databases");
        this.databases = List.copyOf(databases);
        this.history = history;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            lastStates().forEach(builder::detail);
        } catch (UncheckedIOException e) {
            builder.detail("reports", "could not be read: " + e.getMessage());
        }
        builder.up();
    }

    /**
     * {@code <state> in run <runId>} by database, in configuration order, and {@code none} for a
     * database with no run on record (one just added to databases.yaml, say), as the metrics say it.
     */
    Map<String, String> lastStates() {
        Map<String, String> states = new LinkedHashMap<>();
        databases.forEach(database -> states.put(database, DatabaseState.NONE.label()));
        Set<String> missing = new HashSet<>(databases);
        Iterator<RecordedRun> runs = history.newestFirst().limit(RunHistory.MAX_LIMIT).iterator();
        while (!missing.isEmpty() && runs.hasNext()) {
            RecordedRun run = runs.next();
            run.databases().forEach((database, state) -> {
                if (missing.remove(database)) {
                    states.put(database, state.label() + " in run " + run.runId());
                }
            });
        }
        return states;
    }
}
