package com.example.monitor.steps;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.ResultsMode;
import com.example.monitor.config.SqlFileReader;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.jdbc.DatabasePools;
import com.example.monitor.jdbc.StatementOptions;
import com.example.monitor.jdbc.ResultColumns;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.progress.ProgressPublisher;
import com.example.monitor.config.RowsFormat;
import com.example.monitor.report.ParquetRows;
import com.example.monitor.report.RowSpool;
import com.example.monitor.report.RowsFiles;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.Row;
import com.example.monitor.sql.PreparedSql;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReporter;
import com.example.monitor.rows.ColumnarRows;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunId;
import com.example.monitor.run.RunRequest;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the YAML routes call, one method per step. Routes say what happens and in which order;
 * this class keeps the run's bookkeeping and progress in one place.
 */
public final class AnalysisSteps {

    /** Its name in the registry, as the routes and the launcher name it. */
    public static final String BEAN = "analysis";

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisSteps.class);
    /** One line when a run starts and one when it ends, for operators and log-based alerting. */
    private static final Logger RUN_LOG = LoggerFactory.getLogger("run");


    private final DatabasesConfig config;
    private final MonitorSettings settings;
    private final DataSourceFactory dataSources;
    private final DatabasePools pools;
    private final AnalysisRuns runs;
    private final ProgressPublisher progress;
    private final RunReporter reporter;
    private final ErrorMessages errors;
    private final RowSpool rowSpool;
    private final ClusterRole role;
    private final Clock clock;
    private final ParquetRows parquetRows;

    public AnalysisSteps(DatabasesConfig config, MonitorSettings settings, DataSourceFactory dataSources,
                         DatabasePools pools, AnalysisRuns runs, ProgressPublisher progress, RunReporter reporter,
                         RowSpool rowSpool, ClusterRole role, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.dataSources = dataSources;
        this.pools = pools;
        this.runs = runs;
        this.progress = progress;
        this.reporter = reporter;
        this.rowSpool = rowSpool;
        this.role = role;
        this.clock = clock;
        // DuckDB itself loads at the first query whose rows go to Parquet, never in a JSON process
        this.parquetRows = new ParquetRows(rowSpool, settings.reportPermissions());
        this.errors = new ErrorMessages(config.databases().stream().map(DatabaseConfig::password)
                .filter(Objects::nonNull).map(p -> p.value()).filter(v -> v != null && !v.isEmpty()).toList());
    }

    /**
     * Opens a run: resolves start_date and puts the database list in the body for the split. The
     * request is the checked {@link RunRequest} the HTTP API and the inbox send as a property, or else
     * the documented headers, checked against the same bounds. The run's trigger and id are then set as
     * headers, for the team routes.
     */
    public void begin(Exchange exchange) throws InterruptedException {
        RunRequest request = exchange.getProperty(MonitorConstants.RUN_REQUEST_PROPERTY, RunRequest.class);
        if (request == null) {
            request = RunRequest.fromHeaders(exchange.getMessage());
        }
        String trigger = request.trigger() != null ? request.trigger() : "cli";
        LocalDateTime startDate = startDate(request);
        String node = role.nodeId().orElse(null);
        // checked by RunRequest: the id names the report file, so only a true run id gets this far
        RunId givenRunId = request.runId() == null ? null : RunId.parse(request.runId()).orElseThrow();
        AnalysisRun run = runs.begin(() -> {
            Instant now = now();
            return new AnalysisRun((givenRunId != null ? givenRunId : RunId.next(now, node)).toString(), node, trigger,
                    startDate, now, config.databases());
        });
        exchange.setProperty(MonitorConstants.RUN_PROPERTY, run);
        exchange.getMessage().setHeader(MonitorConstants.TRIGGER_HEADER, trigger);
        exchange.getMessage().setHeader(MonitorConstants.RUN_ID_HEADER, run.runId());
        exchange.getMessage().setBody(config.databases());
        RUN_LOG.info("{} started: trigger={} startDate={}", run.runId(), trigger,
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.startDate()));
    }

    private LocalDateTime startDate(RunRequest request) {
        if (request.startDate() != null) {
            return request.startDate();
        }
        return request.lookbackDays() != null ? settings.startDate().lookback(request.lookbackDays(), clock)
                : settings.startDate().resolve(clock);
    }

    /** Checks the database answers before its queries; if not, they are skipped and the others go on. */
    public void connect(Exchange exchange) {
        AnalysisRun run = run(exchange);
        DatabaseConfig database = exchange.getMessage().getBody(DatabaseConfig.class);
        DatabaseOutcome outcome = run.database(database.name());
        DatabaseStep step = new DatabaseStep(database.name(), DatabasePools.beanName(database.name()),
                System.nanoTime());
        exchange.setProperty(MonitorConstants.DATABASE_STEP_PROPERTY, step);
        outcome.connecting();
        publish(run, database.name(), null, "connecting", null, null, null);
        exchange.getMessage().setBody(List.of());
        if (run.isCancelled()) {
            return;
        }
        Optional<String> preflight = dataSources.preflightProblem(database);
        if (preflight.isPresent()) {
            outcome.finished(DatabaseStatus.FAILED, preflight.get(), step.elapsedMs());
            return;
        }
        try (Connection ignored = pools.pool(database.name()).getConnection()) {
            outcome.running();
            exchange.getMessage().setBody(database.queries());
        } catch (Exception e) {
            String error = run.isCancelled() ? null : errors.describe(e);
            outcome.finished(run.isCancelled() ? DatabaseStatus.CANCELLED : DatabaseStatus.FAILED, error,
                    step.elapsedMs());
        }
    }

    /**
     * Marks a query running, or refuses to start it once the run is cancelled; the body becomes the
     * statement camel-sql prepares.
     */
    public void startQuery(Exchange exchange) {
        AnalysisRun run = run(exchange);
        QueryConfig query = exchange.getMessage().getBody(QueryConfig.class);
        QueryStep step = new QueryStep(databaseStep(exchange), query, dataSources.fetchSize(query), System.nanoTime());
        exchange.setProperty(MonitorConstants.QUERY_STEP_PROPERTY, step);
        if (run.isCancelled()) {
            throw new RunCancelledException();
        }
        QueryOutcome outcome = queryOutcome(exchange);
        // camel-sql runs the body as it is (useMessageBodyForSql): the checked statement, never its own
        // re-read of the file, which would drop blank and "--" lines, even inside string literals
        PreparedSql statement = SqlFileReader.current(query).statement();
        exchange.getMessage().setBody(statement.jdbcSql());
        exchange.setProperty(MonitorConstants.STATEMENT_OPTIONS_PROPERTY, new StatementOptions(run.startDate(),
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, dataSources.queryTimeout(query).toSeconds())),
                query.maxRows(), statement.startDateBindCount()));
        ResultColumns.forget();
        outcome.running();
        publish(run, step.database().database(), query.name(), "running", null, null, null);
    }

    /**
     * Takes the open row iterator camel-sql left in the {@value #ROWS_HEADER} header and reads it to
     * the end: rows are encoded into the query's spool for the report as they come, and in memory mode
     * also kept for the routes. The iterator is closed here, which frees the connection.
     */
    public void completeQuery(Exchange exchange) throws Exception {
        Iterator<?> iterator = (Iterator<?>) exchange.getMessage().removeHeader(MonitorConstants.ROWS_HEADER);
        QueryOutcome outcome = queryOutcome(exchange);
        AnalysisRun run = run(exchange);
        // recorded when the result opened, so a result without rows has its types too
        List<ColumnType> types = ResultColumns.take();
        // memory mode holds the rows column by column: a few arrays, not millions of objects to collect
        ColumnarRows.Builder held = settings.results() == ResultsMode.MEMORY ? new ColumnarRows.Builder() : null;
        Consumer<Row> keep = held == null ? row -> { } : held::add;
        Path spool = null;
        Path rowsFile = null;
        RowSpool.Spooled spooled;
        try {
            if (settings.rowsFormat() == RowsFormat.PARQUET) {
                rowsFile = RowsFiles.of(settings.outputDir(), run.runId(), databaseName(exchange), outcome.name());
                spooled = parquetRows.write(iterator, types, reporter.spools().lockedFolder(run), rowsFile,
                        outcome.query().maxRows(), keep, stillWanted(exchange, outcome));
            } else {
                spool = reporter.spools().newFile(run);
                spooled = rowSpool.write(iterator, spool, outcome.query().maxRows(), keep,
                        stillWanted(exchange, outcome));
            }
        } finally {
            if (iterator instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        if (types.size() != spooled.columns().size() && spooled.rowCount() > 0) {
            // no metadata was seen (a driver path the statement proxy missed): the rows still name their columns
            types = spooled.columns().stream().map(ColumnType::unknown).toList();
        }
        outcome.completed(types, held == null ? List.of() : held.build(), spool, rowsFile, spooled.rowCount(),
                spooled.truncated(), queryStep(exchange).elapsedMs());
        publish(run, databaseName(exchange), outcome.name(), "completed", outcome.rowCount(),
                outcome.elapsedMs(), null);
    }

    /**
     * Stops reading a result once the run is cancelled or the query is past its timeout: the drivers'
     * own cancel and timeout cover the statement's execution, not the fetching of its rows.
     */
    private RowSpool.Checkpoint stillWanted(Exchange exchange, QueryOutcome outcome) {
        AnalysisRun run = run(exchange);
        Duration timeout = dataSources.queryTimeout(outcome.query());
        long deadline = queryStep(exchange).startNanos() + timeout.toNanos();
        return () -> {
            if (run.isCancelled()) {
                throw new RunCancelledException();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SQLTimeoutException("rows were still coming after the query timeout", "57014");
            }
        };
    }

    /** A failed query fails alone; one that stopped because of a cancel is cancelled, not failed. */
    public void failQuery(Exchange exchange) {
        ResultColumns.forget();
        AnalysisRun run = run(exchange);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        QueryOutcome outcome = queryOutcome(exchange);
        long elapsed = queryStep(exchange).elapsedMs();
        if (run.isCancelled()) {
            outcome.cancelled(elapsed);
            publish(run, databaseName(exchange), outcome.name(), "cancelled", null, elapsed, null);
            return;
        }
        String message = errors.queryFailed(error, dataSources.queryTimeout(outcome.query()), elapsed);
        outcome.failed(message, elapsed);
        publish(run, databaseName(exchange), outcome.name(), "failed", null, elapsed, message);
    }

    /** Settles the database's status and hands its outcome to the aggregation. */
    public DatabaseOutcome finishDatabase(Exchange exchange) {
        AnalysisRun run = run(exchange);
        DatabaseOutcome outcome = run.database(databaseName(exchange));
        long elapsed = databaseElapsedMs(exchange);
        if (outcome.status() == DatabaseStatus.FAILED) {
            outcome.queries().forEach(q -> q.skipped("database unavailable: " + outcome.error()));
        } else if (run.isCancelled()) {
            outcome.queries().stream().filter(q -> q.status() == QueryStatus.PENDING)
                    .forEach(q -> q.cancelled(0));
            outcome.finished(DatabaseStatus.CANCELLED, null, elapsed);
        } else if (outcome.status() != DatabaseStatus.CANCELLED) {
            outcome.finished(DatabaseStatus.COMPLETED, null, elapsed);
        }
        publish(run, outcome.name(), null, outcome.status().label(), null, outcome.elapsedMs(), outcome.error());
        return outcome;
    }

    /** A fault outside any query (a bug, a lost thread) fails the database, never the run. */
    public DatabaseOutcome failDatabase(Exchange exchange) {
        AnalysisRun run = run(exchange);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DatabaseOutcome outcome = run.database(databaseName(exchange));
        if (outcome.status() != DatabaseStatus.FAILED && outcome.status() != DatabaseStatus.CANCELLED) {
            outcome.finished(DatabaseStatus.FAILED, errors.describe(error), databaseElapsedMs(exchange));
        }
        return finishDatabase(exchange);
    }

    /**
     * Closes the run: the body is the nested result map; writes the report and the console summary.
     * A report that cannot be written (disk full, folder gone) is said in one line, and the results
     * still go on to the next step.
     */
    public void finish(Exchange exchange) {
        AnalysisRun run = run(exchange);
        try {
            run.finish(now());
            RunReport report = reporter.report(run);
            exchange.setProperty(MonitorConstants.REPORT_PROPERTY, report);
            logEnd(report);
        } catch (UncheckedIOException e) {
            LOG.error(e.getMessage());
            exchange.setProperty(MonitorConstants.REPORT_ERROR_PROPERTY, e.getMessage());
        } finally {
            runs.end(run);
        }
    }

    /** WARN unless every query completed, so an alert on WARN catches a partial or cancelled run. */
    private static void logEnd(RunReport report) {
        Map<String, Long> counts = report.databases().stream().flatMap(database -> database.queries().stream())
                .collect(Collectors.groupingBy(RunReport.QueryReport::status, TreeMap::new, Collectors.counting()));
        String line = report.runId() + " " + report.status() + " in " + report.elapsedMs() + " ms: "
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + "; report: " + report.reportFile();
        if ("completed".equals(report.status())) {
            RUN_LOG.info(line);
        } else {
            RUN_LOG.warn(line);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private QueryOutcome queryOutcome(Exchange exchange) {
        return run(exchange).database(databaseName(exchange)).query(queryStep(exchange).name());
    }

    private static DatabaseStep databaseStep(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.DATABASE_STEP_PROPERTY, DatabaseStep.class);
    }

    private static QueryStep queryStep(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.QUERY_STEP_PROPERTY, QueryStep.class);
    }

    private static String databaseName(Exchange exchange) {
        return databaseStep(exchange).database();
    }

    /** Zero when the branch failed before it started timing, e.g. on a body that is not a database. */
    private static long databaseElapsedMs(Exchange exchange) {
        DatabaseStep step = databaseStep(exchange);
        return step == null ? 0 : step.elapsedMs();
    }

    private static AnalysisRun run(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.RUN_PROPERTY, AnalysisRun.class);
    }

    private void publish(AnalysisRun run, String database, String query, String status, Integer rows,
                         Long elapsedMs, String error) {
        progress.publish(new ProgressEvent(run.runId(), database, query, status, rows, elapsedMs, error));
    }
}
