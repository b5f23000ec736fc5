package com.example.monitor.trigger;

import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReporter;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.InvalidRunRequestException;
import com.example.monitor.run.RunRequest;
import com.example.monitor.run.RunRequestReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request file dropped in the inbox: {@code {}}, {@code {"startDate": "2026-10-01"}} or
 * {@code {"lookbackDays": 7}}, read by {@link RunRequestReader} like an HTTP body. A valid one becomes
 * the run's {@link RunRequest}; an invalid one gets a
 * {@code <name>.reason.txt} in {@code .error/} and is moved there by the route, never deleted.
 */
public final class InboxRequests {

    /** Its name in the registry, as the routes and the launcher name it. */
    public static final String BEAN = "inboxRequests";

    public static final String OUTCOME_PROPERTY = "requestOutcome";
    public static final String VALID_PROPERTY = "requestValid";
    public static final String DONE = ".done";
    public static final String CANCELLED = ".cancelled";
    /** Beside a processed request: the runId, status and report path of its run. */
    public static final String REPORT_SUFFIX = ".report.txt";
    private static final Logger LOG = LoggerFactory.getLogger(InboxRequests.class);

    private final RunRequestReader reader;

    public InboxRequests(RunRequestReader reader) {
        this.reader = reader;
    }

    public void read(Exchange exchange) throws IOException {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        List<String> problems;
        try {
            exchange.setProperty(RunRequest.PROPERTY,
                    reader.read(exchange.getMessage().getBody(byte[].class), AnalysisRun.FILE_TRIGGER + name));
            exchange.setProperty(OUTCOME_PROPERTY, DONE);
            exchange.setProperty(VALID_PROPERTY, true);
            return;
        } catch (InvalidRunRequestException e) {
            problems = e.problems();
        }
        Path errors = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class), ".error");
        Files.createDirectories(errors);
        Files.writeString(errors.resolve(name + ".reason.txt"), String.join(System.lineSeparator(), problems)
                + System.lineSeparator(), StandardCharsets.UTF_8);
        LOG.warn("request {} is invalid, moved to {}: {}", name, errors, String.join("; ", problems));
        exchange.setProperty(OUTCOME_PROPERTY, ".error");
        exchange.setProperty(VALID_PROPERTY, false);
    }

    /**
     * After the request's run: it goes to {@code .cancelled/} when its run never started (the service
     * was stopping), else to {@code .done/}; beside it, {@code <name>.report.txt} gives the runId and
     * the report, which in turn names the request file.
     */
    public void settle(Exchange exchange) throws IOException {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        AnalysisRun run = exchange.getProperty(AnalysisRun.EXCHANGE_PROPERTY, AnalysisRun.class);
        RunReport report = exchange.getProperty(RunReporter.REPORT_PROPERTY, RunReport.class);
        String outcome = run != null && run.wasCancelledBeforeStart() ? CANCELLED : DONE;
        exchange.setProperty(OUTCOME_PROPERTY, outcome);
        Path folder = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class), outcome);
        Files.createDirectories(folder);
        List<String> lines = new ArrayList<>();
        lines.add("runId: " + (run == null ? "none" : run.runId()));
        lines.add("status: " + (report == null ? "no report" : report.status()));
        lines.add("report: " + (report == null ? "not written: "
                + exchange.getProperty(RunReporter.REPORT_ERROR_PROPERTY, "unknown cause", String.class)
                : report.reportFile()));
        Files.writeString(folder.resolve(name + REPORT_SUFFIX), String.join(System.lineSeparator(), lines)
                + System.lineSeparator(), StandardCharsets.UTF_8);
        LOG.info("request {} ran as {}, moved to {}", name, run == null ? "none" : run.runId(), folder);
    }
}
