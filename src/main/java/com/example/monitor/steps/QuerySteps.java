package com.example.monitor.steps;

import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.SqlFileReader;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.jdbc.ResultColumns;
import com.example.monitor.jdbc.StatementOptions;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.progress.ProgressPublisher;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.sql.PreparedSql;
import org.apache.camel.Exchange;

/**
 * The steps of one query, which the run-query route calls around camel-sql: start it, prepare its
 * statement, and record how it ended when it did not complete ({@link QueryResults} reads the rows of
 * one that did).
 */
public final class QuerySteps {

    /** Its name in the registry: the run-query route's steps. */
    public static final String BEAN = "querySteps";

    private final DataSourceFactory dataSources;
    private final ProgressPublisher progress;
    private final ErrorMessages errors;

    public QuerySteps(DataSourceFactory dataSources, ProgressPublisher progress, ErrorMessages errors) {
        this.dataSources = dataSources;
        this.progress = progress;
        this.errors = errors;
    }

    /** Starts the step of the query in the body: its clock runs from here, for its timeout too. */
    public void start(Exchange exchange) {
        QueryConfig query = exchange.getMessage().getBody(QueryConfig.class);
        exchange.setProperty(MonitorConstants.QUERY_STEP_PROPERTY, new QueryStep(Steps.databaseStep(exchange), query,
                dataSources.fetchSize(query), System.nanoTime()));
    }

    /** Marks the query running; the body becomes the statement camel-sql prepares. */
    public void prepare(Exchange exchange) {
        AnalysisRun run = Steps.run(exchange);
        QueryStep step = Steps.queryStep(exchange);
        // camel-sql runs the body as it is (useMessageBodyForSql): the checked statement, never its own
        // re-read of the file, which would drop blank and "--" lines, even inside string literals
        PreparedSql statement = SqlFileReader.current(step.query()).statement();
        exchange.getMessage().setBody(statement.jdbcSql());
        exchange.setProperty(MonitorConstants.STATEMENT_OPTIONS_PROPERTY, new StatementOptions(run.startDate(),
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, dataSources.queryTimeout(step.query()).toSeconds())),
                step.query().maxRows(), statement.startDateBindCount()));
        ResultColumns.forget();
        Steps.queryOutcome(exchange).running();
        progress.publish(ProgressEvent.running(run.runId(), step.database().name(), step.name()));
    }

    /** A query the run's cancel stopped, or kept from starting, is cancelled, not failed. */
    public void cancel(Exchange exchange) {
        ResultColumns.forget();
        QueryStep step = Steps.queryStep(exchange);
        long elapsed = step.elapsedMs();
        Steps.queryOutcome(exchange).cancelled(elapsed);
        progress.publish(ProgressEvent.cancelled(Steps.run(exchange).runId(), step.database().name(), step.name(),
                elapsed));
    }

    /** A failed query fails alone: the others of its database still run. */
    public void fail(Exchange exchange) {
        ResultColumns.forget();
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        QueryStep step = Steps.queryStep(exchange);
        QueryOutcome outcome = Steps.queryOutcome(exchange);
        long elapsed = step.elapsedMs();
        String message = errors.queryFailed(error, dataSources.queryTimeout(step.query()), elapsed);
        outcome.failed(message, elapsed);
        progress.publish(ProgressEvent.failed(Steps.run(exchange).runId(), step.database().name(), step.name(),
                elapsed, message));
    }
}
