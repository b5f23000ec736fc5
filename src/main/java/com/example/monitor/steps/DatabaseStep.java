package com.example.monitor.steps;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import java.time.Duration;

/**
 * What the steps of one database's branch of a run share: set by {@code start} under
 * {@link MonitorConstants#DATABASE_STEP_PROPERTY}, and copied by Camel to each query of that database.
 * The analyse-database route branches on it.
 *
 * @param outcome        the database's outcome in the run
 * @param dataSourceName the bean name of the database's pool, which the run-query route's endpoint names
 * @param startNanos     when the branch started, for its elapsed time
 */
public record DatabaseStep(DatabaseOutcome outcome, String dataSourceName, long startNanos) {

    public String name() {
        return outcome.name();
    }

    /** Its connection check passed: its queries run. */
    public boolean isConnected() {
        return outcome.status() == DatabaseStatus.RUNNING;
    }

    /** Unavailable, or broken by a fault outside any query: its queries are skipped. */
    public boolean hasFailed() {
        return outcome.status() == DatabaseStatus.FAILED;
    }

    public long elapsedMs() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
