package com.example.monitor.http;

import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Each database's status in the last run, as details ({@code ?exposureLevel=full&data=true}). Neither
 * liveness nor readiness, and always UP: a remote database being down is worth seeing, never a reason
 * to restart or unplug this service.
 */
public final class DatabaseStatusCheck extends AbstractHealthCheck implements RunListener {

    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

    public DatabaseStatusCheck() {
        super("monitor", "databases");
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
    public void runEnded(AnalysisRun run) {
        for (DatabaseOutcome database : run.databases()) {
            long failed = database.queries().stream().map(QueryOutcome::status)
                    .filter(status -> status != QueryStatus.COMPLETED).count();
            lastStatus.put(database.name(), database.status().label()
                    + (failed > 0 && database.error() == null ? " (" + failed + " queries not completed)" : "")
                    + " in run " + run.runId());
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        lastStatus.forEach(builder::detail);
        builder.up();
    }
}
