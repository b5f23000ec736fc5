package com.example.monitor.jdbc;

import com.example.monitor.run.AnalysisRun;
import com.example.monitor.sql.StartDateTranslator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Iterator;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlPrepareStatementStrategy;

/**
 * Turns an analyst's {@code :start_date} into a JDBC parameter. camel-sql's own {@code :#name} parsing
 * rewrites every {@code #} in the text, so the endpoints run with {@code usePlaceholder=false} and this
 * strategy translates with a real tokenizer instead.
 */
public final class StartDateBinding implements SqlPrepareStatementStrategy {

    public static final String RUN_PROPERTY = "analysisRun";

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) {
        return StartDateTranslator.translate(query).jdbcSql();
    }

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams,
                                              Exchange exchange, Object value) throws SQLException {
        AnalysisRun run = exchange.getProperty(RUN_PROPERTY, AnalysisRun.class);
        if (run == null) {
            throw new SQLException("no analysis run on the exchange to take start_date from");
        }
        return Collections.nCopies(expectedParams, run.startDate()).iterator();
    }

    @Override
    public void populateStatement(PreparedStatement ps, Iterator<?> iterator, int expectedParams)
            throws SQLException {
        boolean oracle = ps.isWrapperFor(oracle.jdbc.OraclePreparedStatement.class);
        for (int index = 1; index <= expectedParams && iterator.hasNext(); index++) {
            LocalDateTime startDate = (LocalDateTime) iterator.next();
            if (oracle) {
                // a DATE bind keeps an index on a DATE column usable; TIMESTAMP would wrap the column
                // in INTERNAL_FUNCTION and scan the table. oracle.sql.DATE keeps the time of day.
                ps.setObject(index, new oracle.sql.DATE(Timestamp.valueOf(startDate)));
            } else {
                ps.setObject(index, startDate);
            }
        }
    }
}
