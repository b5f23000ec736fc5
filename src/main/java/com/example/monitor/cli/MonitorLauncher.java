package com.example.monitor.cli;

import com.example.monitor.MonitorConfiguration;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReporter;
import com.example.monitor.run.AnalysisSteps;
import java.io.PrintStream;
import com.example.monitor.run.AnalysisRuns;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

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
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        main.configure().addConfiguration(new MonitorConfiguration());
        arguments.properties().forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            return startFailure(e);
        }
        try {
            CamelContext context = main.getCamelContext();
            SignalCancellation signals = SignalCancellation.install(
                    context.getRegistry().lookupByNameAndType("analysisRuns", AnalysisRuns.class));
            return runOnce(context.createProducerTemplate(), signals);
        } finally {
            main.stop();
        }
    }

    private int runOnce(ProducerTemplate template, SignalCancellation signals) {
        if (signals.signalled()) {
            return signals.exitCodeOr(ExitCodes.INTERNAL_ERROR);
        }
        Exchange done = template.send("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(AnalysisSteps.TRIGGER_HEADER, "cli"));
        RunReport report = done.getProperty(RunReporter.REPORT_PROPERTY, RunReport.class);
        if (report == null) {
            err.println("error: the run ended without a report: "
                    + (done.getException() == null ? "unknown cause" : done.getException().getMessage()));
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
