package com.example.monitor.steps;

import com.example.monitor.config.QueryConfig;
import com.example.monitor.exchange.MonitorConstants;
import java.time.Duration;

/**
 * What one query step needs, set by {@code start} under {@link MonitorConstants#QUERY_STEP_PROPERTY}.
 * The run-query route reads its endpoint options from it:
 * {@code ${exchangeProperty.monitorQuery.dataSourceName()}} and
 * {@code ${exchangeProperty.monitorQuery.fetchSize()}}.
 *
 * @param startNanos when the query step started, for its elapsed time and its deadline
 */
public record QueryStep(DatabaseStep database, QueryConfig query, int fetchSize, long startNanos) {

    public String name() {
        return query.name();
    }

    public String dataSourceName() {
        return database.dataSourceName();
    }

    public long elapsedMs() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
