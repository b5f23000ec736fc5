package com.example.monitor.wiring;

import com.example.monitor.config.CoreRoutes;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.FileReading;
import com.example.monitor.config.Setting;
import com.example.monitor.http.HttpServerSwitch;
import com.example.monitor.files.FileKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Where Camel Main loads the routes from, decided once every property is known and before Camel
 * reads its {@code camel.main.routes-*} options. The core routes come from the jar, or from
 * {@code ./routes} with {@code monitor.core-routes=working-dir}; teams' own routes in {@code ./routes}
 * are added in both cases. A {@code --camel.main.routes-include-pattern} argument wins over all this.
 */
public final class RouteLocations extends MainListenerSupport {

    static final String ROUTES_INCLUDE = "camel.main.routes-include-pattern";
    static final String ROUTES_EXCLUDE = "camel.main.routes-exclude-pattern";
    /** How application.properties, the one list of the core routes, names each of them. */
    private static final String CORE_ROUTE_PREFIX = "classpath:routes/";
    /** Integration teams drop their own routes here, in the working directory. */
    static final Path ROUTES_DIR = Path.of("routes");
    private static final String ROUTE_FILE_SUFFIX = ".camel.yaml";
    static final String WORKING_DIR_ROUTES = "file:routes/*" + ROUTE_FILE_SUFFIX;
    /** snakeyaml-engine's limit, which Camel's YAML DSL keeps; a UTF-8 character is at least one byte. */
    static final int ROUTE_FILE_MAX_BYTES = LoadSettings.builder().build().getCodePointLimit();

    private static final Logger LOG = LoggerFactory.getLogger(RouteLocations.class);

    private final Set<String> argumentKeys;
    private final Function<BaseMainSupport, CamelContext> contextOf;
    private final StartupProblems problems;

    /**
     * @param argumentKeys the keys given as arguments, which keep their value
     * @param problems     where the team route files' problems go, to be reported with the settings'
     */
    RouteLocations(Set<String> argumentKeys, Function<BaseMainSupport, CamelContext> contextOf, StartupProblems problems) {
        this.argumentKeys = Set.copyOf(argumentKeys);
        this.contextOf = contextOf;
        this.problems = problems;
    }

    /**
     * A bad team route file is not loaded at all, since Camel reads the route files before the settings
     * are checked: its problem is reported with theirs, and Camel starts no route.
     */
    @Override
    public void beforeConfigure(BaseMainSupport main) {
        if (argumentKeys.contains(ROUTES_INCLUDE)) {
            return;
        }
        List<String> routeFileProblems = routeFileProblems(ROUTES_DIR);
        problems.addAll(routeFileProblems);
        boolean teamRoutesLoad = routeFileProblems.isEmpty();
        hiddenRouteFiles(ROUTES_DIR).forEach(file -> LOG.warn("{} is not loaded: Camel skips a hidden route file;"
                + " without the leading dot it would be", file.toAbsolutePath()));
        PropertiesComponent properties = contextOf.apply(main).getPropertiesComponent();
        // a value that is neither is refused with the other settings, by MonitorSettingsReader
        CoreRoutes source = properties.resolveProperty(Setting.CORE_ROUTES.key()).flatMap(CoreRoutes::find)
                .orElse(CoreRoutes.JAR);
        String coreRoutes = properties.resolveProperty(ROUTES_INCLUDE).orElse("");
        if (source == CoreRoutes.WORKING_DIR) {
            checkCoreRoutesInWorkingDir(coreRouteFiles(coreRoutes));
            properties.addOverrideProperty(ROUTES_INCLUDE, teamRoutesLoad ? WORKING_DIR_ROUTES
                    : coreRouteFiles(coreRoutes).stream().map(file -> "file:routes/" + file).collect(Collectors.joining(",")));
            // the HTTP routes only with the server, which then lifts this (HttpServerSwitch)
            properties.addOverrideProperty(ROUTES_EXCLUDE, HttpServerSwitch.WORKING_DIR_API_ROUTES);
        } else if (Files.isDirectory(ROUTES_DIR) && teamRoutesLoad) {
            // the core routes' own copies there (running from the repo root) are left out
            properties.addOverrideProperty(ROUTES_INCLUDE, coreRoutes + "," + WORKING_DIR_ROUTES);
            properties.addOverrideProperty(ROUTES_EXCLUDE, Stream.concat(
                    coreRouteFiles(coreRoutes).stream().map(file -> "file:routes/" + file),
                    Stream.of(HttpServerSwitch.WORKING_DIR_API_ROUTES)).collect(Collectors.joining(",")));
        }
    }

    /**
     * The {@code *.camel.yaml} entries of {@code routesDir} that are not regular files (a link to one will
     * do): Camel's file loader skips a FIFO, a link to nothing or a folder without a word, so a team's
     * route would silently never run. Listed without opening anything, since opening a FIFO blocks.
     */
    static List<String> routeFileProblems(Path routesDir) {
        if (!Files.isDirectory(routesDir)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(routesDir, RouteLocations::isLoadedRouteFile)) {
            for (Path file : files) {
                FileKind kind = FileKind.followingLinks(file);
                if (kind != FileKind.REGULAR) {
                    problems.add("cannot load the route file " + file.toAbsolutePath() + " (" + kind.description() + ")");
                } else if (Files.size(file) > ROUTE_FILE_MAX_BYTES) {
                    // Camel would read the file whole, heap and all, before its parser refused it with exit 1
                    problems.add("cannot load the route file " + file.toAbsolutePath() + " (" + Files.size(file)
                            + " bytes; a route file may hold at most " + ROUTE_FILE_MAX_BYTES
                            + " bytes, the size Camel's YAML parser is sure to take)");
                } else {
                    Optional<String> text = FileReading.strictUtf8(Files.readAllBytes(file), problem -> { });
                    if (text.isEmpty()) {
                        // Camel would read it with U+FFFD for each bad byte: an id or a URI changed without a word
                        problems.add("cannot load the route file " + file.toAbsolutePath() + " (not valid UTF-8 text)");
                    } else {
                        yamlProblem(file, text.get()).ifPresent(problems::add);
                    }
                }
            }
        } catch (IOException e) {
            problems.add("cannot list the route files in " + routesDir.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        problems.sort(null);
        return problems;
    }

    /**
     * The YAML syntax error in a team route file, found by the parser Camel's YAML DSL uses, named as Camel
     * names the file ({@code file:routes/team.camel.yaml}); only events are read, so nothing is built.
     */
    private static Optional<String> yamlProblem(Path file, String text) {
        String label = "file:" + file;
        try {
            new Parse(LoadSettings.builder().setLabel(label).build()).parseString(text)
                    .forEach(event -> { });
            return Optional.empty();
        } catch (MarkedYamlEngineException problem) {
            return Optional.of(yamlProblem(problem, label));
        } catch (ReaderException unreadable) {
            return Optional.of("cannot load the route file " + label + ", character " + (unreadable.getPosition() + 1)
                    + ": " + String.format("U+%04X", unreadable.getCodePoint()) + ", a character YAML does not allow");
        }
    }

    /** Camel's or our parser's YAML error in a route file, with its line and column, never the line's text. */
    public static String yamlProblem(MarkedYamlEngineException problem, String otherwise) {
        String where = problem.getProblemMark().or(problem::getContextMark)
                .map(mark -> mark.getName() + ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                .orElse(otherwise);
        String context = problem.getContext() == null ? "" : problem.getContext() + ": ";
        return "cannot load the route file " + where + ": " + context + problem.getProblem();
    }

    /**
     * A {@code *.camel.yaml} name Camel loads: it skips a hidden one ({@code .team.camel.yaml}) without a
     * word, and an editor's lock or backup file there ({@code .#team.camel.yaml}, a link to nothing) is no
     * route file to check.
     */
    private static boolean isLoadedRouteFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ROUTE_FILE_SUFFIX) && !name.startsWith(".");
    }

    /** The hidden {@code *.camel.yaml} names in {@code routesDir}, which Camel does not load. */
    static List<Path> hiddenRouteFiles(Path routesDir) {
        if (!Files.isDirectory(routesDir)) {
            return List.of();
        }
        List<Path> hidden = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(routesDir, ".*" + ROUTE_FILE_SUFFIX)) {
            files.forEach(hidden::add);
        } catch (IOException e) {
            return hidden;
        }
        hidden.sort(null);
        return hidden;
    }

    /**
     * The team route files in ./routes that give a route this id, once per route that does, to name them
     * when Camel finds the id twice (Camel's message names the id only). A file that does not parse is
     * left out: Camel has read them all by then.
     */
    public static List<Path> teamRouteFilesUsing(String routeId) {
        if (!Files.isDirectory(ROUTES_DIR)) {
            return List.of();
        }
        List<Path> using = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ROUTES_DIR, RouteLocations::isLoadedRouteFile)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.size(file) <= ROUTE_FILE_MAX_BYTES) {
                    Path named = file.toAbsolutePath().normalize();
                    routeIds(file).stream().filter(routeId::equals).forEach(id -> using.add(named));
                }
            }
        } catch (IOException e) {
            return using;
        }
        using.sort(null);
        return using;
    }

    /** The ids of the {@code - route:} entries of one YAML DSL file, as Camel reads them: a number as text. */
    private static List<String> routeIds(Path file) {
        try {
            return StreamSupport.stream(new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))
                            .spliterator(), false)
                    .filter(List.class::isInstance).flatMap(document -> ((List<?>) document).stream())
                    .filter(Map.class::isInstance).map(entry -> ((Map<?, ?>) entry).get("route"))
                    .filter(Map.class::isInstance).map(route -> ((Map<?, ?>) route).get("id"))
                    .filter(Objects::nonNull).map(String::valueOf).toList();
        } catch (IOException | YamlEngineException e) {
            return List.of();
        }
    }

    /** The file names of the core routes application.properties lists, e.g. run-analysis.camel.yaml. */
    static List<String> coreRouteFiles(String includePattern) {
        return Arrays.stream(includePattern.split(",")).map(String::trim)
                .filter(location -> location.startsWith(CORE_ROUTE_PREFIX))
                .map(location -> location.substring(CORE_ROUTE_PREFIX.length())).toList();
    }

    private static void checkCoreRoutesInWorkingDir(List<String> coreRouteFiles) {
        List<String> missing = coreRouteFiles.stream()
                .filter(file -> !Files.isRegularFile(ROUTES_DIR.resolve(file))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException(List.of(Setting.CORE_ROUTES.key() + ": working-dir loads the"
                    + " core routes from " + ROUTES_DIR.toAbsolutePath() + ", which has no "
                    + String.join(" or ", missing)));
        }
    }
}
