package com.example.monitor.jdbc;

import com.example.monitor.exchange.MonitorConstants;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What {@link QueryStatementStrategy} applies to a query's statement, set on the exchange under
 * {@link MonitorConstants#STATEMENT_OPTIONS_PROPERTY} before camel-sql prepares it.
 *
 * @param startDate      bound to every {@code ?} that was a {@code :start_date}
 * @param timeoutSeconds the statement's query timeout
 * @param maxRows        the query's row cap, or null for none
 * @param parameterCount how many {@code ?} the statement has; the route gives it to camel-sql, which
 *                       otherwise asks the driver, and PostgreSQL cannot answer that for a parameter
 *                       whose type only the bind gives ({@code WHERE :start_date IS NOT NULL})
 */
public record StatementOptions(LocalDateTime startDate, int timeoutSeconds, Integer maxRows, int parameterCount) {

    public StatementOptions {
        Objects.requireNonNull(startDate, "startDate");
    }
}
