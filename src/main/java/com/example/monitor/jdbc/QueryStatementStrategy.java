package com.example.monitor.jdbc;

import com.example.monitor.exchange.MonitorConstants;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlPrepareStatementStrategy;
import org.postgresql.util.PGobject;

/**
 * Prepares each query's statement for camel-sql: binds the run's start date to every {@code ?} that was
 * a {@code :start_date}, and applies the query's timeout and row cap on the statement itself, so they
 * hold in memory and in stream mode alike (stream mode bypasses camel-sql's JdbcTemplate options).
 * The text itself is the checked statement from the message body, which is prepared unchanged.
 */
public final class QueryStatementStrategy implements SqlPrepareStatementStrategy {

    /** Its name in the registry: the run-query route names it as camel-sql's prepareStatementStrategy. */
    public static final String BEAN = "queryStatements";

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) {
        // already translated from the checked file text; camel-sql's own named-parameter parsing would
        // rewrite it
        return query;
    }

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams,
                                              Exchange exchange, Object value) throws SQLException {
        StatementOptions options = exchange.getProperty(MonitorConstants.STATEMENT_OPTIONS_PROPERTY, StatementOptions.class);
        if (options == null) {
            throw new SQLException("no statement options on the exchange: the start date to bind is unknown");
        }
        return new StatementSettings(options.startDate(), expectedParams, options.timeoutSeconds(),
                options.maxRows());
    }

    @Override
    public void populateStatement(PreparedStatement ps, Iterator<?> iterator, int expectedParams)
            throws SQLException {
        StatementSettings settings = (StatementSettings) iterator;
        if (settings.timeoutSeconds != null) {
            ps.setQueryTimeout(settings.timeoutSeconds);
        }
        if (settings.maxRows != null) {
            // one more than kept, so the result can say whether it was truncated
            ps.setMaxRows(settings.maxRows + 1);
        }
        boolean oracle = ps.isWrapperFor(oracle.jdbc.OraclePreparedStatement.class);
        boolean postgres = !oracle && ps.isWrapperFor(org.postgresql.PGStatement.class);
        for (int index = 1; index <= expectedParams && settings.hasNext(); index++) {
            LocalDateTime startDate = settings.next();
            if (oracle) {
                // a DATE bind keeps an index on a DATE column usable; TIMESTAMP would wrap the column
                // in INTERNAL_FUNCTION and scan the table. oracle.sql.DATE keeps the time of day.
                ps.setObject(index, oracleDate(startDate));
            } else if (postgres) {
                // pgjdbc sends a LocalDateTime untyped, even as Types.TIMESTAMP, so that the server picks
                // timestamp or timestamptz; "WHERE :start_date IS NOT NULL" then has no type to pick
                ps.setObject(index, postgresTimestamp(startDate));
            } else {
                ps.setObject(index, startDate, Types.TIMESTAMP);
            }
        }
    }

    static PGobject postgresTimestamp(LocalDateTime startDate) throws SQLException {
        PGobject timestamp = new PGobject();
        timestamp.setType("timestamp");
        timestamp.setValue(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(startDate));
        return timestamp;
    }

    static oracle.sql.DATE oracleDate(LocalDateTime startDate) {
        return new oracle.sql.DATE(Timestamp.valueOf(startDate));
    }

    /** The start date once per bind, plus the statement limits; camel-sql hands it back to us. */
    private static final class StatementSettings implements Iterator<LocalDateTime> {
        private final LocalDateTime startDate;
        private final Integer timeoutSeconds;
        private final Integer maxRows;
        private int remaining;

        StatementSettings(LocalDateTime startDate, int binds, Integer timeoutSeconds, Integer maxRows) {
            this.startDate = startDate;
            this.remaining = binds;
            this.timeoutSeconds = timeoutSeconds;
            this.maxRows = maxRows;
        }

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public LocalDateTime next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            remaining--;
            return startDate;
        }
    }
}
