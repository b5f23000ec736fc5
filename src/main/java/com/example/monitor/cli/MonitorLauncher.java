package com.example.monitor.cli;

import com.example.monitor.MonitorConfiguration;
import com.example.monitor.cluster.ClusterActivation;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.RunMode;
import com.example.monitor.http.HttpServerSwitch;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReporter;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.RunRequest;
import com.example.monitor.steps.AnalysisSteps;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot run from the command line: validate, start Camel, send one request to
 * {@code direct:run-analysis}, stop, and turn the run's status into the exit code.
 */
public final class MonitorLauncher {

    /**
     * Defaults ship in the jar; an application.properties in the working directory overrides them.
     * Camel takes a key from the first location that has it, so the working directory comes first.
     */
    static final String PROPERTY_LOCATIONS =
            "file:application.properties;optional=true,classpath:application.properties;optional=true";

    /** SIGTERM must end the service within 10 s; the rest is left to stopping Camel. */
    static final Duration RUN_WIND_DOWN = Duration.ofSeconds(7);
    private static final Logger LOG = LoggerFactory.getLogger(MonitorLauncher.class);

    private final PrintStream out;
    private final PrintStream err;

    public MonitorLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        Arguments arguments = Arguments.parse(args);
        if (arguments.help()) {
            out.println(Arguments.usage());
            return ExitCodes.COMPLETED;
        }
        if (!arguments.problems().isEmpty()) {
            arguments.problems().forEach(problem -> err.println("error: " + problem));
            return ExitCodes.INVALID_CONFIGURATION;
        }
        DatabasesFileLoader.prepareInBackground();
        Main main = configuredMain(arguments.properties());
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            return startFailure(e);
        }
        try {
            CamelContext context = main.getCamelContext();
            AnalysisRuns runs = context.getRegistry().lookupByNameAndType("analysisRuns", AnalysisRuns.class);
            SignalCancellation signals = SignalCancellation.install(runs);
            MonitorSettings settings = context.getRegistry().lookupByNameAndType("monitorSettings",
                    MonitorSettings.class);
            return settings.mode() == RunMode.SERVICE ? serve(settings, runs, signals)
                    : runOnce(context.createProducerTemplate(), signals);
        } finally {
            main.stop();
        }
    }

    /**
     * Camel Main as the jar configures it, not yet started; {@code properties} (the command line's
     * {@code --key=value}) win over every file. Tests start replicas in one JVM with it.
     */
    public static Main configuredMain(Map<String, String> properties) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        main.configure().addConfiguration(new MonitorConfiguration());
        main.addMainListener(new ClusterActivation());
        main.addMainListener(new RouteLocations(properties.keySet()));
        main.addMainListener(new HttpServerSwitch());
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /**
     * Service mode: the trigger routes start runs until SIGTERM or SIGINT, which cancels the run in
     * flight and leaves time for its report before Camel stops; the exit is clean (0).
     */
    private int serve(MonitorSettings settings, AnalysisRuns runs, SignalCancellation signals) {
        LOG.info("service started: schedule {}, inbox {}",
                settings.schedule() == null ? "none" : settings.schedule(),
                settings.inboxDir() == null ? "none" : settings.inboxDir().toAbsolutePath());
        try {
            signals.awaitSignal();
            if (!runs.awaitIdle(RUN_WIND_DOWN)) {
                LOG.warn("the cancelled run did not finish within {}; stopping anyway", RUN_WIND_DOWN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("service stopping");
        return ExitCodes.COMPLETED;
    }

    private int runOnce(ProducerTemplate template, SignalCancellation signals) {
        if (signals.signalled()) {
            return signals.exitCodeOr(ExitCodes.INTERNAL_ERROR);
        }
        Exchange done = template.send("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(RunRequest.TRIGGER_HEADER, "cli"));
        RunReport report = done.getProperty(RunReporter.REPORT_PROPERTY, RunReport.class);
        if (report == null) {
            String cause = done.getProperty(AnalysisSteps.REPORT_ERROR_PROPERTY, String.class);
            if (cause == null && done.getException() != null) {
                cause = done.getException().getMessage();
            }
            err.println("error: the run ended without a report: " + (cause == null ? "unknown cause" : cause));
            return ExitCodes.INTERNAL_ERROR;
        }
        return signals.exitCodeOr(ExitCodes.forStatus(report.status()));
    }

    private int startFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                invalid.problems().forEach(problem -> err.println("error: " + problem));
                return ExitCodes.INVALID_CONFIGURATION;
            }
        }
        err.println("error: could not start: " + e.getMessage());
        return ExitCodes.INTERNAL_ERROR;
    }
}
