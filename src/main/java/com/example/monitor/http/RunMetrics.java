package com.example.monitor.http;

import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's Prometheus metrics, from each finished run (its outcomes are all there), named by
 * Prometheus conventions once Micrometer renders them: {@code monitor_runs_total},
 * {@code monitor_run_duration_seconds}, {@code monitor_run_in_progress},
 * {@code monitor_query_duration_seconds}, {@code monitor_query_rows} and
 * {@code monitor_database_last_success_timestamp_seconds}.
 */
public final class RunMetrics implements RunListener {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> queryRows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public RunMetrics(MeterRegistry registry, AnalysisRuns runs) {
        this.registry = registry;
        Gauge.builder("monitor.run.in.progress", runs, r -> r.isBusy() ? 1 : 0)
                .description("1 while a run is in flight, else 0")
                .register(registry);
    }

    @Override
    public void runEnded(AnalysisRun run) {
        Counter.builder("monitor.runs")
                .description("Finished runs by what started them and how they ended")
                .tag("trigger", triggerKind(run.trigger()))
                .tag("status", run.status().label())
                .register(registry).increment();
        Timer.builder("monitor.run.duration")
                .description("Time from a run's start to its report")
                .register(registry).record(Duration.ofMillis(run.elapsedMs()));
        for (DatabaseOutcome database : run.databases()) {
            boolean allCompleted = database.status() == DatabaseStatus.COMPLETED;
            for (QueryOutcome query : database.queries()) {
                allCompleted &= query.status() == QueryStatus.COMPLETED;
                record(database.name(), query);
            }
            if (allCompleted && run.finishedAt() != null) {
                gauge(lastSuccess, "monitor.database.last.success.timestamp.seconds", database.name(), null,
                        "When every query of the database last completed, in Unix seconds")
                        .set(run.finishedAt().getEpochSecond());
            }
        }
    }

    private void record(String database, QueryOutcome query) {
        if (query.status() == QueryStatus.PENDING || query.status() == QueryStatus.SKIPPED) {
            return;
        }
        Timer.builder("monitor.query.duration")
                .description("Time of each query, by how it ended")
                .tag("database", database).tag("query", query.name()).tag("status", query.status().label())
                .register(registry).record(Duration.ofMillis(query.elapsedMs()));
        if (query.rowCount() != null) {
            gauge(queryRows, "monitor.query.rows", database, query.name(), "Rows of the query's last completed run")
                    .set(query.rowCount());
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String database, String query,
                             String description) {
        String key = query == null ? database : database + '\u0000' + query;
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> gauge = Gauge.builder(name, value, AtomicLong::doubleValue)
                    .description(description).tag("database", database);
            if (query != null) {
                gauge.tag("query", query);
            }
            gauge.register(registry);
            return value;
        });
    }

    /** {@code file:<name>} becomes {@code file}: one series per kind of trigger, not per file ever dropped. */
    static String triggerKind(String trigger) {
        int colon = trigger.indexOf(':');
        return colon < 0 ? trigger : trigger.substring(0, colon);
    }
}
