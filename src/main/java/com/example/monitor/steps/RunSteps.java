package com.example.monitor.steps;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReporter;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.RunId;
import com.example.monitor.run.RunRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens and closes a run: the first and the last step of the run-analysis route. */
public final class RunSteps {

    /** Its name in the registry: the run-analysis route's begin-run and finish-run steps. */
    public static final String BEAN = "runSteps";

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);
    /** One line when a run starts and one when it ends, for operators and log-based alerting. */
    private static final Logger RUN_LOG = LoggerFactory.getLogger("run");

    private final DatabasesConfig config;
    private final MonitorSettings settings;
    private final AnalysisRuns runs;
    private final RunReporter reporter;
    private final ClusterRole role;
    private final Clock clock;

    public RunSteps(DatabasesConfig config, MonitorSettings settings, AnalysisRuns runs, RunReporter reporter,
                    ClusterRole role, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.runs = runs;
        this.reporter = reporter;
        this.role = role;
        this.clock = clock;
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
        String requestFile = request.requestFile();
        LocalDateTime startDate = startDate(request);
        String node = role.nodeId().orElse(null);
        // checked by RunRequest: the id names the report file, so only a true run id gets this far
        RunId givenRunId = request.runId() == null ? null : RunId.parse(request.runId()).orElseThrow();
        AnalysisRun run = runs.begin(() -> {
            Instant now = now();
            return new AnalysisRun((givenRunId != null ? givenRunId : RunId.next(now, node)).toString(), node, trigger,
                    requestFile, startDate, now, config.databases());
        });
        exchange.setProperty(MonitorConstants.RUN_PROPERTY, run);
        exchange.getMessage().setHeader(MonitorConstants.TRIGGER_HEADER, run.reportedTrigger());
        exchange.getMessage().setHeader(MonitorConstants.RUN_ID_HEADER, run.runId());
        exchange.getMessage().setBody(config.databases());
        RUN_LOG.info("{} started: trigger={} startDate={}", run.runId(), run.reportedTrigger(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.startDate()));
    }

    private LocalDateTime startDate(RunRequest request) {
        if (request.startDate() != null) {
            return request.startDate();
        }
        return request.lookbackDays() != null ? settings.startDate().lookback(request.lookbackDays(), clock)
                : settings.startDate().resolve(clock);
    }

    /**
     * Closes the run: the body is the nested result map; writes the report and the console summary.
     * A report that cannot be written (disk full, folder gone) is said in one line, and the results
     * still go on to the next step.
     */
    public void finish(Exchange exchange) {
        AnalysisRun run = Steps.run(exchange);
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
}
