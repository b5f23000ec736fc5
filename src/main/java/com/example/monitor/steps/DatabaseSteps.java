package com.example.monitor.steps;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.jdbc.DatabasePools;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.progress.ProgressPublisher;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryStatus;
import java.sql.Connection;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The steps of one database's branch, which the analyse-database route calls: the connection check
 * before its queries, and the status it ends with. Which of them runs, the route decides.
 */
public final class DatabaseSteps {

    /** Its name in the registry: the analyse-database route's steps. */
    public static final String BEAN = "databaseSteps";

    private final DataSourceFactory dataSources;
    private final DatabasePools pools;
    private final ProgressPublisher progress;
    private final ErrorMessages errors;

    public DatabaseSteps(DataSourceFactory dataSources, DatabasePools pools, ProgressPublisher progress,
                         ErrorMessages errors) {
        this.dataSources = dataSources;
        this.pools = pools;
        this.progress = progress;
        this.errors = errors;
    }

    /** Starts the branch of the database in the body: it is connecting, and its clock runs. */
    public void start(Exchange exchange) {
        AnalysisRun run = Steps.run(exchange);
        DatabaseConfig database = exchange.getMessage().getBody(DatabaseConfig.class);
        DatabaseStep step = new DatabaseStep(run.database(database.name()), DatabasePools.beanName(database.name()),
                System.nanoTime());
        exchange.setProperty(MonitorConstants.DATABASE_STEP_PROPERTY, step);
        step.outcome().connecting();
        progress.publish(ProgressEvent.connecting(run.runId(), database.name()));
    }

    /**
     * Checks the database answers: its settings first, then one connection from its pool. The outcome
     * is running when it does, failed (or cancelled, when the run was cancelled meanwhile) when not.
     */
    public void connect(Exchange exchange) {
        AnalysisRun run = Steps.run(exchange);
        DatabaseStep step = Steps.databaseStep(exchange);
        DatabaseOutcome outcome = step.outcome();
        Optional<String> preflight = dataSources.preflightProblem(outcome.database());
        if (preflight.isPresent()) {
            outcome.finished(DatabaseStatus.FAILED, preflight.get(), step.elapsedMs());
            return;
        }
        try (Connection ignored = pools.pool(outcome.name()).getConnection()) {
            outcome.running();
        } catch (Exception e) {
            String error = run.isCancelled() ? null : errors.describe(e);
            outcome.finished(run.isCancelled() ? DatabaseStatus.CANCELLED : DatabaseStatus.FAILED, error,
                    step.elapsedMs());
        }
    }

    /** A fault outside any query (a bug, a lost thread) fails the database, never the run. */
    public void fail(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DatabaseStep step = Steps.databaseStep(exchange);
        DatabaseOutcome outcome = step.outcome();
        if (outcome.status() != DatabaseStatus.FAILED && outcome.status() != DatabaseStatus.CANCELLED) {
            outcome.finished(DatabaseStatus.FAILED, errors.describe(error), step.elapsedMs());
        }
    }

    /** The queries of a failed database are skipped, with its error as the reason. */
    public void skipQueries(Exchange exchange) {
        DatabaseOutcome outcome = Steps.databaseStep(exchange).outcome();
        outcome.queries().forEach(q -> q.skipped("database unavailable: " + outcome.error()));
    }

    /** A cancelled run: the queries that had not started are cancelled, and so is the database. */
    public void cancel(Exchange exchange) {
        DatabaseStep step = Steps.databaseStep(exchange);
        step.outcome().queries().stream().filter(q -> q.status() == QueryStatus.PENDING).forEach(q -> q.cancelled(0));
        step.outcome().finished(DatabaseStatus.CANCELLED, null, step.elapsedMs());
    }

    /** Every query has had its turn; unless the database was cancelled meanwhile, it completed. */
    public void complete(Exchange exchange) {
        DatabaseStep step = Steps.databaseStep(exchange);
        if (step.outcome().status() != DatabaseStatus.CANCELLED) {
            step.outcome().finished(DatabaseStatus.COMPLETED, null, step.elapsedMs());
        }
    }

    /** Publishes the database's final status and hands its outcome to the aggregation. */
    public DatabaseOutcome finish(Exchange exchange) {
        DatabaseOutcome outcome = Steps.databaseStep(exchange).outcome();
        progress.publish(ProgressEvent.databaseFinished(Steps.run(exchange).runId(), outcome.name(),
                outcome.status().label(), outcome.elapsedMs(), outcome.error()));
        return outcome;
    }
}
