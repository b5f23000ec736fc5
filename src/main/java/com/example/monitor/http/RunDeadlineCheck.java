package com.example.monitor.http;

import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Liveness and readiness of the application itself: DOWN only when the run in flight has outlived
 * the longest it can take with every timeout honoured, which means it is stuck. A database that is
 * down makes its queries fail fast; it never makes this check DOWN.
 */
public final class RunDeadlineCheck extends AbstractHealthCheck {

    private final AnalysisRuns runs;
    private final Duration deadline;
    private final Clock clock;

    /** @param deadline how long a run may take at most: connect and query timeouts, plus a margin */
    public RunDeadlineCheck(AnalysisRuns runs, Duration deadline, Clock clock) {
        super("monitor", "run-deadline");
        this.runs = runs;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("deadlineSeconds", deadline.toSeconds());
        AnalysisRun run = runs.current();
        if (run == null) {
            builder.up();
            return;
        }
        Duration running = Duration.between(run.startedAt(), clock.instant());
        builder.detail("runId", run.runId());
        builder.detail("runningSeconds", running.toSeconds());
        if (running.compareTo(deadline) > 0) {
            builder.message("run " + run.runId() + " has been running for " + running.toSeconds()
                    + " s, past its deadline of " + deadline.toSeconds() + " s");
            builder.down();
        } else {
            builder.up();
        }
    }
}
