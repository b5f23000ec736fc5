package com.example.monitor.config;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * One {@code monitor.*} setting: its key, the default that applies when it is not set (empty: not
 * set), the parser that turns its text into a value or throws {@link IllegalArgumentException} saying
 * what is accepted, and a one-line help in Markdown. This list is the only declaration: the reader,
 * {@code --help} and the unknown-key check use it, and tests check the table of docs/configuration.md and
 * the shipped application.properties against it.
 *
 * <p>To add a setting, add one {@code declare(...)} line below (its place in the list is its place in
 * {@code --help} and docs/configuration.md), a row in that page's properties table, and the key with the
 * same default in application.properties ({@code SettingDeclarationTest} fails until the three agree). The
 * reader checks every declared setting at start-up; a route reads it as {@code {{monitor.x}}}, Java
 * code as {@code monitorSettings.values().get(Setting.X)}.
 */
public record Setting<T>(String key, String defaultValue, Function<String, ? extends T> parser, String help) {

    private static final List<Setting<?>> DECLARED = new ArrayList<>();
    /**
     * An HTTP wait: under a second no client on a real network sends its request in time, and past an
     * hour a slow client holds its connection about as long as with no bound.
     */
    private static final String HTTP_LEAST_WAIT = "1s";
    private static final String HTTP_MOST_WAIT = "1h";

    public static final Setting<Path> DATABASES_FILE = declare("monitor.databases-file", "databases.yaml",
            Path::of, "the database list");
    public static final Setting<LocalDateTime> START_DATE = declare("monitor.start-date", "",
            SettingParsers::startDate, "ISO date (`2026-10-01`, midnight) or date-time (`2026-10-01T06:00:00`,"
                    + " or `2026-10-01 06:00:00` as SQL Developer shows it), in the years 1900 to 9999; empty: midnight"
                    + " `lookback-days` ago");
    public static final Setting<Integer> LOOKBACK_DAYS = declare("monitor.lookback-days", "30",
            StartDates::parseLookbackDays, "used when no start date is given; `0` (today) to `36500`");
    public static final Setting<ZoneId> ZONE = declare("monitor.zone", "",
            SettingParsers::zone, "zone for \"midnight\", e.g. `Europe/Paris`; empty: the system zone");
    public static final Setting<Path> OUTPUT_DIR = declare("monitor.output-dir", "output",
            SettingParsers::writableFolder, "where `<runId>.json` reports go");
    public static final Setting<Set<PosixFilePermission>> REPORT_PERMISSIONS = declare("monitor.report-permissions",
            "rw-------", SettingParsers::ownerWritablePermissions, "permissions of each report, as in `ls -l`, without x and without w for others; e.g."
                    + " `rw-r-----` for a reader in the group (reports hold client data: see docs/report-format.md)");
    public static final Setting<ResultsMode> RESULTS = declare("monitor.results", "memory",
            SettingParsers.choice("results mode", ResultsMode.class), "`memory`: rows kept and handed to"
                    + " routes; `stream`: rows go from the driver to the report via a spool file, never held");
    public static final Setting<RowsFormat> ROWS_FORMAT = declare("monitor.rows-format", "json",
            SettingParsers.choice("rows format", RowsFormat.class), "`json`: each query's rows in the report;"
                    + " `parquet`: one typed Parquet file per query beside the report, which names it (see"
                    + " docs/report-format.md)");
    public static final Setting<Integer> MAX_PARALLEL_DATABASES = declare("monitor.max-parallel-databases", "0",
            SettingParsers.wholeNumber(0), "databases run at once; `0` = all");
    public static final Setting<Integer> FETCH_SIZE = declare("monitor.fetch-size", "1000",
            SettingParsers.wholeNumber(1), "rows per round trip (statement fetch size; Oracle `defaultRowPrefetch`)");
    public static final Setting<Duration> CONNECT_TIMEOUT = declare("monitor.connect-timeout", "15s",
            Durations::parse, "bounds TCP connect, logon, and the wait for a pooled connection");
    public static final Setting<Duration> QUERY_TIMEOUT = declare("monitor.query-timeout", "30m",
            Durations::wholeSeconds, "a longer query is cancelled on the server and reported failed; whole seconds,"
                    + " as JDBC counts it");
    public static final Setting<RunMode> MODE = declare("monitor.mode", "once",
            SettingParsers.choice("mode", RunMode.class),
            "`once`: one run, then exit; `service`: keep running until SIGTERM/SIGINT");
    public static final Setting<Schedule> SCHEDULE = declare("monitor.schedule", "",
            Schedule::parse, "service mode: a Quartz cron expression (`0 0 6 * * ?`) or a period (`30m`)");
    public static final Setting<Path> INBOX_DIR = declare("monitor.inbox-dir", "",
            SettingParsers::inboxFolder, "service mode: folder watched for request files and a `cancel` file");
    public static final Setting<Duration> INBOX_READ_LOCK_INTERVAL = declare("monitor.inbox-read-lock-interval",
            "1s", Durations::parse, "a request file is taken only after it stopped changing for this long");
    public static final Setting<Boolean> SCHEDULE_AT_START = declare("monitor.schedule-at-start", "false",
            SettingParsers::bool, "service mode: one run as soon as the service is up (trigger `start`)");
    public static final Setting<Duration> KEEP_REPORTS = declare("monitor.keep-reports", "",
            Durations::parse, "service mode: after each run, delete reports and processed request files older than"
                    + " this (`90d`); empty: keep everything");
    public static final Setting<Duration> EXTENSION_TIMEOUT = declare("monitor.extension-timeout", "5m",
            Durations::parse, "how long a one-shot run waits for the team routes before exiting, and how long a"
                    + " team route may take per message");
    public static final Setting<Duration> KERBEROS_RENEW_BEFORE = declare("monitor.kerberos-renew-before", "10m",
            Durations::parse, "a keytab logon whose ticket expires within this long is renewed before the next run"
                    + " or connection");
    public static final Setting<CoreRoutes> CORE_ROUTES = declare("monitor.core-routes", "jar",
            CoreRoutes::parse, "`jar`: the core routes built into the jar; `working-dir`: every `*.camel.yaml` in"
                    + " `./routes` instead, for developing them (see \"Changing the core routes\" in"
                    + " docs/extending.md)");
    public static final Setting<String> CLUSTER_NAMESPACE = declare("monitor.cluster.namespace",
            "client-activity-monitor", SettingParsers::clusterNamespace, "replicas: the name of the leader election"
                    + " (see docs/replicas.md); lower-case letters, digits, `-` and `.`");
    public static final Setting<Integer> HTTP_PORT = declare("monitor.http.port", "",
            SettingParsers::port, "service mode: the HTTP server's port (`0`: a free one); empty: no server"
                    + " (see docs/operating.md)");
    public static final Setting<String> HTTP_HOST = declare("monitor.http.host", HttpSettings.DEFAULT_HOST,
            Function.identity(), "the address it listens on; any non-loopback address needs a token");
    public static final Setting<Secret> HTTP_TOKEN = declare("monitor.http.token", "",
            Secret::of, "bearer token for `/api` and the page's data; give it as `{{env:MONITOR_HTTP_TOKEN}}`");
    public static final Setting<List<String>> HTTP_ALLOWED_HOSTS = declare("monitor.http.allowed-hosts", "",
            SettingParsers::hostNames, "the names clients reach the server by (`Host`, and `X-Forwarded-Host` behind"
                    + " a proxy), comma-separated, `*` for any; empty: the loopback names, on a loopback address only"
                    + " (see \"Behind a reverse proxy\" in docs/operating.md)");
    public static final Setting<Duration> HTTP_HEADER_TIMEOUT = declare("monitor.http.header-timeout", "20s",
            Durations.between(HTTP_LEAST_WAIT, HTTP_MOST_WAIT), "a connection whose request line and headers have not"
                    + " fully arrived within this long is closed; so is a kept-alive connection that waits this long for"
                    + " its next request (1s to 1h)");
    public static final Setting<Duration> HTTP_BODY_TIMEOUT = declare("monitor.http.body-timeout", "30s",
            Durations.between(HTTP_LEAST_WAIT, HTTP_MOST_WAIT), "a request whose body has not fully arrived within this"
                    + " long is dropped (1s to 1h)");

    /** Every setting, in the order of {@code --help} and docs/configuration.md. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(DECLARED);
    }

    public static Optional<Setting<?>> find(String key) {
        return DECLARED.stream().filter(setting -> setting.key.equals(key)).findFirst();
    }

    /**
     * The problem line for a {@code monitor.*} key that is not declared, or empty when it is.
     * {@code source} says where the key was written: a file or an argument.
     */
    public static Optional<String> unknownKeyProblem(String source, String key) {
        if (!key.startsWith("monitor.") || find(key).isPresent()) {
            return Optional.empty();
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String closest = DECLARED.stream().map(Setting::key)
                .min(Comparator.comparingInt(known -> distance.apply(known, key))).orElseThrow();
        return Optional.of(source + ": unknown setting " + key + "; did you mean " + closest + "?");
    }

    /** The help without Markdown, for a terminal. */
    public String plainHelp() {
        return help.replace("`", "");
    }

    private static <T> Setting<T> declare(String key, String defaultValue, Function<String, ? extends T> parser,
            String help) {
        Setting<T> setting = new Setting<>(key, defaultValue, parser, help);
        DECLARED.add(setting);
        return setting;
    }
}
