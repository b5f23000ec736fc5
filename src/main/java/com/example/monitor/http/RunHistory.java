package com.example.monitor.http;

import com.example.monitor.files.FileKind;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReportJson;
import com.example.monitor.run.RunId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs on record: the {@code <runId>.json} reports in the output folder. A report is written
 * once (temp file, then rename) and never changes, so each is read once into its {@link RunReport}
 * and kept; the rows are skipped as they are read ({@link RunReportJson#read}), so a report of a
 * million rows costs no heap. What the API lists and what the metrics take are both made from it.
 */
public final class RunHistory {

    /** Its name in the registry, as the http-api routes name it. */
    public static final String BEAN = "runHistory";

    /** A run id, with a replica's id or without ({@link RunId}): nothing else can name a file here. */
    static final Pattern RUN_ID = RunId.PATTERN;
    public static final int MAX_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

    private final Path outputDir;
    private final RunReportJson json = new RunReportJson();
    /** Empty for a report that cannot be read, kept so it is logged once and not read again at every poll. */
    private final Map<String, Optional<Kept>> reports = new ConcurrentHashMap<>();

    /** A report read back, with its {@code GET /api/runs} line, made once like the report itself. */
    private record Kept(RunReport report, ObjectNode line) {
    }

    public RunHistory(Path outputDir) {
        this.outputDir = outputDir;
    }

    /** {@code GET /api/runs?limit=N}: newest first, each run's fields with its queries counted by status and its rows. */
    public List<ObjectNode> recent(String limitText) {
        int limit = limit(limitText);
        List<String> ids = runIds();
        // ids sort by their start second; runs started in the same second as the last one kept are
        // ordered by their start time to the millisecond
        int end = Math.min(limit, ids.size());
        while (end > 0 && end < ids.size() && second(ids.get(end)).equals(second(ids.get(end - 1)))) {
            end++;
        }
        return ids.subList(0, end).stream()
                .map(this::reportOf).flatMap(Optional::stream)
                .sorted(Comparator.comparing((Kept kept) -> startedAt(kept.report()), Comparator.reverseOrder()))
                .limit(limit)
                .map(Kept::line)
                .toList();
    }

    private ObjectNode listed(RunReport report) {
        Map<String, Integer> queries = new TreeMap<>();
        long rows = 0;
        for (RunReport.DatabaseReport database : report.databases()) {
            for (RunReport.QueryReport query : database.queries()) {
                queries.merge(query.status(), 1, Integer::sum);
                rows += query.rowCount() == null ? 0 : query.rowCount();
            }
        }
        ObjectNode line = json.render(report, RunReport.Views.Listed.class);
        queries.forEach(line.putObject("queries")::put);
        line.put("rows", rows);
        return line;
    }

    /**
     * The runs on record, newest first, each report read only when the stream reaches it (runs that
     * started in the same second are read together and ordered by their start to the millisecond);
     * one that cannot be read is left out with a WARN, so it never stops what reads the rest.
     */
    public Stream<RecordedRun> newestFirst() {
        Map<String, List<String>> bySecond = new LinkedHashMap<>();
        runIds().forEach(id -> bySecond.computeIfAbsent(second(id), s -> new ArrayList<>()).add(id));
        return bySecond.values().stream().flatMap(sameSecond -> sameSecond.stream()
                .map(this::recorded).flatMap(Optional::stream)
                .sorted(Comparator.comparing(RecordedRun::startedAt, Comparator.reverseOrder())));
    }

    private Optional<RecordedRun> recorded(String runId) {
        Optional<Kept> read = reportOf(runId);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        RunReport report = read.get().report();
        Map<String, DatabaseState> databases = new LinkedHashMap<>();
        report.databases().forEach(database -> DatabaseState.of(database)
                .ifPresent(state -> databases.put(database.name(), state)));
        try {
            return Optional.of(new RecordedRun(runId, startedAt(report),
                    report.finishedAt() == null ? null : Instant.parse(report.finishedAt()), databases));
        } catch (DateTimeException e) {
            LOG.warn("report of run {} left out: {}", runId, e.getMessage());
            return Optional.empty();
        }
    }

    /** The ids of the reports on record, newest first, by one listing of the folder. */
    public List<String> runIds() {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            // only reports as the writer leaves them: a FIFO would hang the reader, a link lead anywhere
            return files.filter(file -> FileKind.of(file) == FileKind.REGULAR)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .filter(id -> RUN_ID.matcher(id).matches())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every report kept has one ({@link #read}). */
    private static Instant startedAt(RunReport report) {
        return Instant.parse(report.startedAt());
    }

    private static String second(String runId) {
        return runId.substring(0, runId.indexOf('-'));
    }

    /** {@code GET /api/runs/{runId}}: the report file; a malformed id is refused before any path is made of it. */
    public InputStream report(String runId) throws IOException {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new ApiProblem(400, "not a run id: expected the form " + RunId.FORM);
        }
        Path file = outputDir.resolve(runId + ".json");
        if (FileKind.of(file) != FileKind.REGULAR) {
            throw new ApiProblem(404, "no report for run " + runId);
        }
        if (reportOf(runId).isEmpty()) {
            throw new ApiProblem(500, "the report of run " + runId + " cannot be read (truncated or not JSON);"
                    + " see the service log");
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblem(400, "limit: " + QuotedValue.of(text) + " is not a whole number from 1 to " + MAX_LIMIT);
    }

    private Optional<Kept> reportOf(String runId) {
        return reports.computeIfAbsent(runId, this::read);
    }

    /** The run's report, or empty with one WARN line naming the file. */
    private Optional<Kept> read(String runId) {
        Path file = outputDir.resolve(runId + ".json");
        try {
            RunReport report = json.read(file);
            // a report without a start time cannot be placed among the others
            Instant.parse(String.valueOf(report.startedAt()));
            return Optional.of(new Kept(report, listed(report)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("report {} cannot be read, left out of /api/runs and the metrics: {}", file.toAbsolutePath(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
