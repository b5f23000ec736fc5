package com.example.monitor.cli;

import com.example.monitor.config.CamelOptions;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.PropertiesFileCheck;
import com.example.monitor.config.RunMode;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.extension.TeamRoutes;
import com.example.monitor.logging.ConsoleText;
import com.example.monitor.report.RunReport;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.RunRequest;
import com.example.monitor.wiring.MonitorWiring;
import com.example.monitor.wiring.RouteLocations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot run from the command line: validate, start Camel, send one request to
 * {@code direct:run-analysis}, stop, and turn the run's status into the exit code.
 */
public final class MonitorLauncher {

    /** SIGTERM must end the service within 10 s; the rest is left to stopping Camel. */
    static final Duration RUN_WIND_DOWN = Duration.ofSeconds(7);
    private static final Logger LOG = LoggerFactory.getLogger(MonitorLauncher.class);
    /** Camel 4.18's words for it (RouteDefinitionHelper); the ids end the sentence. */
    private static final Pattern DUPLICATE_ROUTE_IDS = Pattern.compile("Duplicate route ids detected: (.*?)\\. Please correct",
            Pattern.DOTALL);
    /** Camel 4.18's words when a node id (a step's id:) or a route configuration's id is taken twice. */
    private static final Pattern DUPLICATE_OTHER_IDS = Pattern.compile(
            "(?:Duplicate id detected|Route configuration already exists with id): (.*?)(?:\\. Please correct.*)?$",
            Pattern.DOTALL);
    /** Camel 4.18's words for a placeholder it cannot resolve, each followed by the whole text. */
    private static final Pattern UNRESOLVED_PLACEHOLDER = Pattern.compile(
            "not found in properties from text: |Missing \\{\\{ from the text: |Missing }} from the text: ");
    private static final String TEAM_ROUTES = "./routes";

    private final PrintStream out;
    private final PrintStream err;

    public MonitorLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        // first, so that a signal during the rest of the start is ours (see SignalCancellation)
        SignalCancellation signals = SignalCancellation.install(err);
        Arguments arguments = Arguments.parse(args);
        if (arguments.help()) {
            out.println(Arguments.usage());
            return ExitCodes.COMPLETED;
        }
        // every problem found before Camel starts at once: the arguments', the properties file's, the environment's
        List<String> propertiesProblems = new ArrayList<>(arguments.problems());
        propertiesProblems.addAll(PropertiesFileCheck.problems(MonitorWiring.WORKING_DIR_PROPERTIES));
        if (System.getenv().keySet().stream().anyMatch(name -> name.regionMatches(true, 0, "CAMEL_", 0, 6))
                || System.getProperties().stringPropertyNames().stream().anyMatch(name -> name.startsWith("camel."))) {
            propertiesProblems.addAll(CamelOptions.catalog().environmentProblems(System.getenv()));
            propertiesProblems.addAll(CamelOptions.catalog().systemPropertyProblems(System.getProperties()));
        }
        if (!propertiesProblems.isEmpty()) {
            propertiesProblems.forEach(this::printError);
            return ExitCodes.INVALID_CONFIGURATION;
        }
        DatabasesFileLoader.prepareInBackground();
        Main main = MonitorWiring.main(arguments.properties());
        // the signals are ours (above): Camel Main's hook would wait 25 s for a context nobody stops
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            return startFailure(e, arguments);
        }
        try {
            CamelContext context = main.getCamelContext();
            AnalysisRuns runs = context.getRegistry().lookupByNameAndType(AnalysisRuns.BEAN, AnalysisRuns.class);
            signals.attach(runs);
            MonitorSettings settings = context.getRegistry().lookupByNameAndType(MonitorSettings.BEAN,
                    MonitorSettings.class);
            if (settings.mode() == RunMode.SERVICE) {
                return serve(settings, runs, signals);
            }
            int exitCode = runOnce(context.createProducerTemplate(), signals);
            awaitTeamRoutes(context, settings);
            return exitCode;
        } finally {
            main.stop();
        }
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

    /**
     * A one-shot run exits only once the teams' routes have finished with it, or after
     * monitor.extension-timeout; then Camel is not left waiting for them again.
     */
    private static void awaitTeamRoutes(CamelContext context, MonitorSettings settings) {
        TeamRoutes teamRoutes = context.getRegistry().lookupByNameAndType(TeamRoutes.BEAN, TeamRoutes.class);
        try {
            List<String> unfinished = teamRoutes.awaitDelivered(settings.extensionTimeout());
            if (!unfinished.isEmpty()) {
                LOG.warn("team routes {} had not finished after monitor.extension-timeout ({}); exiting without them",
                        unfinished, settings.extensionTimeout());
                context.getShutdownStrategy().setTimeout(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int runOnce(ProducerTemplate template, SignalCancellation signals) {
        if (signals.signalled()) {
            printError("stopped by " + signals.received() + " before the run started; no report was written");
            return signals.exitCodeOr(ExitCodes.INTERNAL_ERROR);
        }
        Exchange done = template.send(RunRequest.ENDPOINT,
                exchange -> exchange.getMessage().setHeader(MonitorConstants.TRIGGER_HEADER, "cli"));
        RunReport report = done.getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
        if (report == null) {
            String cause = done.getProperty(MonitorConstants.REPORT_ERROR_PROPERTY, String.class);
            if (cause == null && done.getException() != null) {
                cause = done.getException().getMessage();
            }
            printError("the run ended without a report: " + (cause == null ? "unknown cause" : cause));
            return ExitCodes.INTERNAL_ERROR;
        }
        return signals.exitCodeOr(ExitCodes.forStatus(report.runStatus()));
    }

    /** One {@code error:} line; names and values in it come from the user's files and arguments. */
    private void printError(String problem) {
        err.println("error: " + ConsoleText.escape(problem));
    }

    private int startFailure(Exception e, Arguments arguments) {
        int invalid = ExceptionUtils.indexOfType(e, InvalidConfigurationException.class);
        if (invalid >= 0) {
            ((InvalidConfigurationException) ExceptionUtils.getThrowableList(e).get(invalid)).problems()
                    .forEach(this::printError);
            return ExitCodes.INVALID_CONFIGURATION;
        }
        Optional<String> badCamelArgument = camelKeyBlamed(e, arguments.properties().keySet());
        if (badCamelArgument.isPresent()) {
            // as every argument line: without the value, which a camel.* option (a vault's key) may hold
            printError("argument '--" + badCamelArgument.get() + "=...': " + camelReason(e));
            return ExitCodes.INVALID_CONFIGURATION;
        }
        Optional<String> badCamelProperty = camelKeyBlamed(e, PropertiesFileCheck.keys(MonitorWiring.WORKING_DIR_PROPERTIES));
        if (badCamelProperty.isPresent()) {
            printError(MonitorWiring.WORKING_DIR_PROPERTIES.toAbsolutePath().normalize() + ": " + badCamelProperty.get()
                    + ": " + camelReason(e));
            return ExitCodes.INVALID_CONFIGURATION;
        }
        Optional<String> unboundOption = camelOptionNotBound(e);
        if (unboundOption.isPresent()) {
            printError(unboundOption.get());
            return ExitCodes.INVALID_CONFIGURATION;
        }
        if (UNRESOLVED_PLACEHOLDER.matcher(String.valueOf(rootMessage(e))).find()) {
            // Camel's message quotes the whole text, which may be the secret the placeholder was to hide
            printError("could not start: a camel.* value holds a {{placeholder}} Camel cannot resolve (a property or"
                    + " variable it names is not set, or a {{ or }} is unmatched); the value is not shown");
            return ExitCodes.INVALID_CONFIGURATION;
        }
        List<String> routeProblems = routeProblems(e);
        if (!routeProblems.isEmpty()) {
            routeProblems.forEach(this::printError);
            return ExitCodes.INVALID_CONFIGURATION;
        }
        printError("could not start: " + e.getMessage());
        return ExitCodes.INTERNAL_ERROR;
    }

    /**
     * A camel.* option Camel could not bind that no argument or file of ours names: one from a CAMEL_*
     * environment variable or a -D system property. Named by the option, never with Camel's message,
     * which quotes the value.
     */
    private static Optional<String> camelOptionNotBound(Exception e) {
        int index = ExceptionUtils.indexOfType(e, PropertyBindingException.class);
        if (index < 0) {
            return Optional.empty();
        }
        PropertyBindingException binding = (PropertyBindingException) ExceptionUtils.getThrowableList(e).get(index);
        String option = binding.getOptionKey() == null ? String.valueOf(binding.getPropertyName())
                : Objects.toString(binding.getOptionPrefix(), "") + binding.getOptionKey();
        return Optional.of("Camel option " + option + " (from the environment or a system property): " + camelReason(e));
    }

    /**
     * A route file Camel could not parse, or a route id used twice: the operator's mistake in a team
     * route (./routes), said as such with exit 2, not as an internal error. The YAML problem is given
     * with its line, without the line's text, which the file's author may have put a secret in. A team
     * route file's syntax is checked before Camel reads it (RouteLocations); this is for what slips by.
     */
    private static List<String> routeProblems(Exception e) {
        int yaml = ExceptionUtils.indexOfType(e, MarkedYamlEngineException.class);
        if (yaml >= 0) {
            return List.of(RouteLocations.yamlProblem(
                    (MarkedYamlEngineException) ExceptionUtils.getThrowableList(e).get(yaml), "a route file"));
        }
        Matcher duplicate = DUPLICATE_ROUTE_IDS.matcher(String.valueOf(rootMessage(e)));
        if (duplicate.find()) {
            return Arrays.stream(duplicate.group(1).split(",")).map(String::trim).map(MonitorLauncher::reusedRouteId)
                    .toList();
        }
        Matcher otherId = DUPLICATE_OTHER_IDS.matcher(String.valueOf(rootMessage(e)));
        if (otherId.find()) {
            return List.of("id " + otherId.group(1).trim() + " is used twice in the routes: a team route in " + TEAM_ROUTES
                    + " may not give a step or a route configuration an id the core routes use, nor another team's;"
                    + " give it an id of its own");
        }
        return List.of();
    }

    private static String reusedRouteId(String id) {
        List<String> uses = RouteLocations.teamRouteFilesUsing(id).stream().map(String::valueOf).toList();
        List<String> files = uses.stream().distinct().toList();
        String where;
        if (uses.isEmpty()) {
            where = "";
        } else if (files.size() == 1) {
            where = (uses.size() == 1 ? ", one of them in " : ", both in ") + files.get(0);
        } else {
            where = ", in " + String.join(" and ", files);
        }
        return "route id " + id + " is used by two routes" + where + " (a team route in " + TEAM_ROUTES
                + " may not reuse a core route's id, nor another team's); give each route an id of its own";
    }

    /**
     * The camel.* key, of those given, that Camel could not apply: Camel names the option in its message,
     * in camelCase where the user may have written kebab-case, so both are compared without dashes or case.
     */
    private static Optional<String> camelKeyBlamed(Exception e, Set<String> keys) {
        String said = loose(ExceptionUtils.getThrowableList(e).stream().map(t -> " " + t.getMessage())
                .collect(Collectors.joining()));
        return keys.stream().filter(key -> key.startsWith("camel.")).filter(key -> said.contains(loose(key))).findFirst();
    }

    private static String camelReason(Exception e) {
        int index = ExceptionUtils.indexOfType(e, PropertyBindingException.class);
        if (index >= 0) {
            PropertyBindingException binding = (PropertyBindingException) ExceptionUtils.getThrowableList(e).get(index);
            return binding.getCause() == null ? "Camel has no such option"
                    : "Camel cannot use its value for this option";
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = ExceptionUtils.getRootCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String loose(String text) {
        return text.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
