package com.example.monitor.steps;

import com.example.monitor.exchange.MonitorConstants;
import java.time.Duration;

/**
 * What the steps of one database's branch of a run share: set by {@code connect} under
 * {@link MonitorConstants#DATABASE_STEP_PROPERTY}, and copied by Camel to each query of that database.
 *
 * @param dataSourceName the bean name of the database's pool, which the run-query route's endpoint names
 * @param startNanos     when the branch started, for its elapsed time
 */
public record DatabaseStep(String database, String dataSourceName, long startNanos) {

    public long elapsedMs() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
