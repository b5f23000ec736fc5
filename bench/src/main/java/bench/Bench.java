package bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The benchmark of issue 5 in one program: starts an embedded PostgreSQL with the data, runs the app
 * and the plain-JDBC floor on the same work, each run its own process from an empty working directory,
 * and writes the table (medians, ratios to the floor, costs per database, heap per row, result
 * checks, each round of the large result) to {@code bench/target/results.md}, every run to
 * {@code results.tsv}. What it starts is stopped on exit, on Ctrl-C and on SIGTERM.
 *
 * <p>usage: {@code java -Dbench.root=<repo> -cp bench/target/bench-tools.jar bench.Bench}, as
 * {@code bench/run.sh} starts it after building the jars; the knobs are {@code BENCH_*} environment
 * variables (bench/README.md).
 */
public final class Bench {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BenchSettings settings;
    private final Path work;
    private final ProcessMeter meter;
    private final Results results = new Results();
    private final List<String> checks = new ArrayList<>();
    private final List<String> heapLines = new ArrayList<>();
    private final Path out;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private CaseFiles files;
    private long parquetBytes;
    private List<String> app;
    private List<String> appCds;
    private List<String> floor;

    private Bench(BenchSettings settings, Path work) throws IOException, InterruptedException {
        this.settings = settings;
        this.work = work;
        this.out = work.resolve("out");
        for (String dir : List.of("cfg", "logs", "out", "run")) {
            Files.createDirectories(work.resolve(dir));
        }
        // the app reads ./application.properties and ./routes when they exist: every case runs from an
        // empty folder, so only the jar's defaults and the arguments apply (all paths are absolute)
        this.meter = new ProcessMeter(work.resolve("run"), work.resolve("logs"));
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.from(
                Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize(), System.getenv());
        for (Path jar : List.of(settings.appJar(), settings.floorJar())) {
            if (!Files.isRegularFile(jar)) {
                log("error: missing " + jar + " (bash bench/run.sh builds it)");
                System.exit(1);
            }
        }
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "monitor-bench.");
        Bench bench = new Bench(settings, work);
        log("starting the embedded PostgreSQL and creating " + settings.rows() + " rows + "
                + settings.smallDatabases() + " small databases (work dir " + work + ")");
        BenchDatabase database = BenchDatabase.start(work.resolve("db"), settings.rows(), settings.smallDatabases());
        AtomicBoolean cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                bench.meter.stop();
                log("stopping the embedded PostgreSQL");
                database.close();
                if (settings.keep()) {
                    log("kept " + work);
                } else {
                    BenchDatabase.deleteQuietly(work);
                }
            }
        };
        // Ctrl-C and SIGTERM run the shutdown hooks: the case in flight and the database are stopped
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp, "bench-stop"));
        try {
            bench.run(new CaseFiles(work.resolve("cfg"), database), database);
        } finally {
            cleanUp.run();
        }
    }

    /** Every case, in the order bench/README.md gives, then the table. */
    private void run(CaseFiles caseFiles, BenchDatabase database) throws Exception {
        files = caseFiles;
        files.write(settings.smallDatabases(), settings.parallelNs());
        String xmx = "-Xmx" + settings.xmx();
        String startDate = BenchSettings.START_DATE;
        app = List.of(java, xmx, "-jar", settings.appJar().toString(), "--monitor.start-date=" + startDate);
        floor = List.of(java, xmx, "-jar", settings.floorJar().toString(), "--start-date=" + startDate,
                "--fetch-size=1000");
        appCds = appWithClassDataArchive(xmx, startDate);

        long largeBytes = largeResult();
        scaleInDatabases();
        parallelDatabases();
        for (String mode : List.of("app-columnar", "app", "camel-default")) {
            heapLines.add(heapPerRow(mode, database.url("bench"), files.rowsSql()));
        }
        writeResults(largeBytes);
    }

    /** The large result, app and floor interleaved so that a change of load hits both; the report's size. */
    private long largeResult() throws Exception {
        String large = settings.rowsLabel();
        for (int rep = 1; rep <= settings.repeat(); rep++) {
            deleteUnder(out, "large-");
            measure("floor " + large, rep, settings.rows(), ProcessMeter.Kind.FLOOR, floor,
                    "--out=" + out.resolve("large-floor/floor.json"), "--sql=" + files.rowsSql(), "--query-name=rows",
                    files.largeTargets());
            for (String mode : List.of("memory", "stream")) {
                measure("app " + large + " " + mode, rep, settings.rows(), ProcessMeter.Kind.APP, app,
                        project(out.resolve("large-" + mode), files.largeYaml()), "--monitor.results=" + mode);
            }
            for (String mode : List.of("memory", "stream")) {
                measure("app " + large + " " + mode + " cds", rep, settings.rows(), ProcessMeter.Kind.APP, appCds,
                        project(out.resolve("large-" + mode + "-cds"), files.largeYaml()), "--monitor.results=" + mode);
            }
            for (String mode : List.of("memory", "stream")) {
                deleteUnder(out, "large-parquet-" + mode);
                measure("app " + large + " " + mode + " parquet", rep, settings.rows(), ProcessMeter.Kind.APP, app,
                        project(out.resolve("large-parquet-" + mode), files.largeYaml()), "--monitor.results=" + mode,
                        "--monitor.rows-format=parquet");
                parquetBytes = sizeOfParquetFiles(out.resolve("large-parquet-" + mode));
            }
        }
        Path largeFloorReport = out.resolve("large-floor/floor.json");
        for (String mode : List.of("memory", "stream")) {
            check("app " + large + " " + mode + " vs floor", largeFloorReport,
                    lastReport(out.resolve("large-" + mode)));
        }
        long largeBytes = Files.exists(largeFloorReport) ? Files.size(largeFloorReport) : 0;
        deleteUnder(out, "large-");
        return largeBytes;
    }

    /** One database against many, one small query each: the fixed cost of a run and the cost per database. */
    private void scaleInDatabases() throws Exception {
        int small = settings.smallDatabases();
        for (int rep = 1; rep <= settings.repeat(); rep++) {
            measure("floor 1 db", rep, 10, ProcessMeter.Kind.FLOOR, floor,
                    "--out=" + out.resolve("small-floor/1-" + rep + ".json"), "--sql=" + files.smallSql(),
                    "--query-name=events", files.smallTargets(1));
            measure("app 1 db", rep, 10, ProcessMeter.Kind.APP, app,
                    project(out.resolve("small-1"), files.smallYaml(1)));
            measure("app 1 db cds", rep, 10, ProcessMeter.Kind.APP, appCds,
                    project(out.resolve("small-1-cds"), files.smallYaml(1)));
            measure("floor " + small + " dbs", rep, small * 10L, ProcessMeter.Kind.FLOOR, floor,
                    "--out=" + out.resolve("small-floor/n-" + rep + ".json"), "--sql=" + files.smallSql(),
                    "--query-name=events", files.smallTargets(small));
            measure("app " + small + " dbs", rep, small * 10L, ProcessMeter.Kind.APP, app,
                    project(out.resolve("small-n"), files.smallYaml(small)));
        }
        check("app " + small + " dbs vs floor", out.resolve("small-floor/n-" + settings.repeat() + ".json"),
                lastReport(out.resolve("small-n")));
    }

    /** N databases x a 1 s query, all at once and at most monitor.max-parallel-databases at a time. */
    private void parallelDatabases() throws Exception {
        int max = settings.maxParallel();
        for (int rep = 1; rep <= settings.parallelRepeat(); rep++) {
            for (int n : settings.parallelNs()) {
                measure("floor " + n + "x1s all", rep, n, ProcessMeter.Kind.FLOOR, floor,
                        "--out=" + out.resolve("sleep/floor-" + n + ".json"), "--sql=" + files.sleepSql(),
                        "--query-name=sleep 1s", "--parallel=0", files.smallTargets(n));
                measure("app " + n + "x1s all", rep, n, ProcessMeter.Kind.APP, app,
                        project(out.resolve("sleep"), files.sleepYaml(n)));
                measure("floor " + n + "x1s max " + max, rep, n, ProcessMeter.Kind.FLOOR, floor,
                        "--out=" + out.resolve("sleep/floor-" + n + "-" + max + ".json"), "--sql=" + files.sleepSql(),
                        "--query-name=sleep 1s", "--parallel=" + max, files.smallTargets(n));
                measure("app " + n + "x1s max " + max, rep, n, ProcessMeter.Kind.APP, app,
                        project(out.resolve("sleep"), files.sleepYaml(n)),
                        "--monitor.max-parallel-databases=" + max);
            }
        }
    }

    /** The app as bin/client-activity-monitor starts it: with an AppCDS archive made by a training run. */
    private List<String> appWithClassDataArchive(String xmx, String startDate)
            throws IOException, InterruptedException {
        Path archive = work.resolve("app.jsa");
        Path log = work.resolve("logs/cds-training.out");
        int exit = meter.runHelper(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", settings.appJar().toString(),
                "--monitor.databases-file=" + files.smallYaml(1),
                "--monitor.output-dir=" + work.resolve("out/cds-training")), log);
        if (exit != 0) {
            log("the AppCDS training run failed (see " + log + ")");
        }
        return List.of(java, xmx, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", settings.appJar().toString(), "--monitor.start-date=" + startDate);
    }

    /** Runs one case: the base command, then the arguments (strings, or lists of them). */
    private void measure(String caseName, int rep, long rows, ProcessMeter.Kind kind, List<String> base, Object... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(base);
        for (Object arg : args) {
            if (arg instanceof List<?> list) {
                list.forEach(item -> command.add(item.toString()));
            } else {
                command.add(arg.toString());
            }
        }
        results.add(meter.run(caseName, rep, rows, kind, command));
    }

    /** The app's arguments for a case: where its reports go and its databases.yaml. */
    private static List<String> project(Path outputDir, Path databasesFile) {
        return List.of("--monitor.output-dir=" + outputDir, "--monitor.databases-file=" + databasesFile);
    }

    private void check(String label, Path expected, Optional<Path> actual) {
        if (actual.isEmpty() || !Files.exists(expected)) {
            checks.add(label + ": no report");
            return;
        }
        try {
            checks.add(label + ": " + ReportCheck.verdict(expected, actual.get()).text());
        } catch (Exception e) {
            checks.add(label + ": the check failed: " + e);
        }
    }

    /** HeapPerRow in a JVM of its own (-Xmx3g), with the app jar on its class path. */
    private String heapPerRow(String mode, String url, Path sql) throws IOException, InterruptedException {
        Path log = work.resolve("logs/heap-" + mode + ".out");
        String classPath = settings.appJar() + File.pathSeparator + settings.benchClasses();
        meter.runHelper(List.of(java, "-Xmx3g", "-cp", classPath, "bench.HeapPerRow", mode, url, sql.toString()), log);
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("heap-per-row")).findFirst()
                    .orElse("heap-per-row mode=" + mode + ": failed (see " + log
                            + "; the app's row classes may have moved)");
        }
    }

    private void writeResults(long largeBytes) throws IOException {
        String large = settings.rowsLabel();
        int small = settings.smallDatabases();
        StringBuilder md = new StringBuilder(results.table(Bench::floorOf));
        md.append("\nScale in databases: cost of each extra database = (median of ").append(small)
                .append(" dbs − median of 1 db) / ").append(small - 1).append('\n');
        md.append("- app, whole process: ").append(results.perDatabase("app 1 db", "app " + small + " dbs", small,
                Run::wallMs)).append(" ms per database\n");
        md.append("- app, run only (first progress line to summary): ")
                .append(results.perDatabase("app 1 db", "app " + small + " dbs", small, Run::queriesMs))
                .append(" ms queries + ")
                .append(results.perDatabase("app 1 db", "app " + small + " dbs", small, Run::reportMs))
                .append(" ms report per database\n");
        md.append("- floor, whole process: ").append(results.perDatabase("floor 1 db", "floor " + small + " dbs", small,
                Run::wallMs)).append(" ms per database\n\n");
        md.append("Heap retained per row (").append(large)
                .append(" rows held in memory, full GCs before and after; -Xmx3g probe, bench/HeapPerRow):\n");
        heapLines.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nResult checks (bench/ReportCheck: same columns, rowCount and rows, token by token):\n");
        checks.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nThe ").append(large).append("-row report is ").append(largeBytes / 1_048_576)
                .append(" MB of JSON; with monitor.rows-format=parquet the rows are a ")
                .append(String.format(Locale.ROOT, "%.1f", parquetBytes / 1_048_576.0))
                .append(" MB Parquet file (zstd). Runs per case: ").append(settings.repeat()).append(" (").append(large)
                .append(", 1/").append(small).append(" dbs), ").append(settings.parallelRepeat())
                .append(" (parallel); the median run is shown.\n");
        md.append("Load average at the end: ").append(loadAverage()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs.\n");
        md.append("\nEach round of the ").append(large)
                .append(" cases, against the floor run just before it (wall time, ratio):\n\n");
        List<String> appCases = List.of("app " + large + " memory", "app " + large + " stream",
                "app " + large + " memory cds", "app " + large + " stream cds", "app " + large + " memory parquet",
                "app " + large + " stream parquet");
        md.append(results.rounds("floor " + large, appCases, settings.repeat(), name -> name.replace(" " + large, "")));

        Files.createDirectories(settings.resultsDir());
        Files.writeString(settings.resultsDir().resolve("results.md"), md);
        Files.writeString(settings.resultsDir().resolve("results.tsv"), results.tsv());
        System.out.println();
        System.out.println(md);
        log("table saved to " + settings.resultsDir().resolve("results.md") + " (all runs: "
                + settings.resultsDir().resolve("results.tsv") + ")");
    }

    /** The Parquet files a run wrote under {@code dir}, in bytes. */
    private static long sizeOfParquetFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    /** The floor case an app case is compared with. */
    static Optional<String> floorOf(String caseName) {
        if (!caseName.startsWith("app ")) {
            return Optional.empty();
        }
        String rest = caseName.substring("app ".length()).replaceFirst(" (memory|stream)( cds| parquet)?$", "")
                .replaceFirst(" cds$", "");
        return Optional.of("floor " + rest);
    }

    private static Optional<Path> lastReport(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
        }
    }

    private static void deleteUnder(Path dir, String prefix) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(child -> child.getFileName().toString().startsWith(prefix))
                    .forEach(BenchDatabase::deleteQuietly);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", parts[0], parts[1], parts[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.err.printf("%s bench: %s%n", LocalTime.now().format(CLOCK), message);
    }
}
