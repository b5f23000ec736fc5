package com.example.monitor.http;

import com.example.monitor.files.FileKind;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunId;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * once (temp file, then rename) and never changes, so each summary is read once and kept; it is read
 * with a streaming parser that skips the rows, so a report of a million rows costs no heap.
 */
public final class RunHistory {

    /** Its name in the registry, as the http-api routes name it. */
    public static final String BEAN = "runHistory";

    /** A run id, with a replica's id or without ({@link RunId}): nothing else can name a file here. */
    static final Pattern RUN_ID = RunId.PATTERN;
    public static final int MAX_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

    private final Path outputDir;
    private final JsonFactory json = new JsonFactory();
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();

    /** One read of a report: what the API lists, and the state of each database for the metrics. */
    private record Summary(Map<String, Object> fields, Map<String, DatabaseState> databases) {
    }

    /** A report that cannot be read, kept so it is logged once and not read again at every poll. */
    private static final Summary UNREADABLE = new Summary(Map.of(), Map.of());

    public RunHistory(Path outputDir) {
        this.outputDir = outputDir;
    }

    /** {@code GET /api/runs?limit=N}: newest first, without rows. */
    public List<Map<String, Object>> recent(String limitText) {
        int limit = limit(limitText);
        List<String> ids = runIds();
        // ids sort by their start second; runs started in the same second as the last one kept are
        // ordered by their start time to the millisecond
        int end = Math.min(limit, ids.size());
        while (end > 0 && end < ids.size() && second(ids.get(end)).equals(second(ids.get(end - 1)))) {
            end++;
        }
        return ids.subList(0, end).stream()
                .map(id -> summaries.computeIfAbsent(id, this::summarise))
                .filter(summary -> summary != UNREADABLE)
                .map(Summary::fields)
                .sorted(Comparator.comparing(RunHistory::startedAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
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
        Summary summary = summaries.computeIfAbsent(runId, this::summarise);
        if (summary == UNREADABLE) {
            return Optional.empty();
        }
        try {
            Object finishedAt = summary.fields().get("finishedAt");
            return Optional.of(new RecordedRun(runId, startedAt(summary.fields()),
                    finishedAt == null ? null : Instant.parse(finishedAt.toString()), summary.databases()));
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

    private static Instant startedAt(Map<String, Object> run) {
        Object startedAt = run.get("startedAt");
        return startedAt == null ? Instant.EPOCH : Instant.parse(startedAt.toString());
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
        if (summaries.computeIfAbsent(runId, this::summarise) == UNREADABLE) {
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
        throw new ApiProblem(400, "limit: '" + text + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    /** The run's summary, or {@link #UNREADABLE} with one WARN line naming the file. */
    private Summary summarise(String runId) {
        Path file = outputDir.resolve(runId + ".json");
        try {
            return readSummary(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("report {} cannot be read, left out of /api/runs and the metrics: {}", file.toAbsolutePath(),
                    e.getMessage());
            return UNREADABLE;
        }
    }

    private Summary readSummary(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Integer> queries = new TreeMap<>();
        Map<String, DatabaseState> databases = new LinkedHashMap<>();
        long rows = 0;
        try (JsonParser parser = json.createParser(file.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("databases")) {
                    rows = databases(parser, queries, databases);
                } else if (value.isScalarValue()) {
                    summary.put(field, scalar(parser));
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser.currentToken(), JsonToken.END_OBJECT);
            expect(parser.nextToken(), null);
        }
        Instant.parse(String.valueOf(summary.get("startedAt")));
        summary.put("queries", queries);
        summary.put("rows", rows);
        return new Summary(summary, databases);
    }

    /**
     * Counts queries by status, adds up their rows and settles each database's state; the rows
     * themselves are skipped.
     */
    private static long databases(JsonParser parser, Map<String, Integer> counts, Map<String, DatabaseState> states)
            throws IOException {
        long rows = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String database = parser.currentName();
            parser.nextToken();
            String databaseStatus = null;
            boolean everyQueryCompleted = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("status")) {
                    databaseStatus = parser.getText();
                    continue;
                }
                if (!field.equals("queries")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String queryField = parser.currentName();
                        parser.nextToken();
                        if (queryField.equals("status")) {
                            counts.merge(parser.getText(), 1, Integer::sum);
                            everyQueryCompleted &= QueryStatus.ofLabel(parser.getText()).orElse(null) == QueryStatus.COMPLETED;
                        } else if (queryField.equals("rowCount") && parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            rows += parser.getLongValue();
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
            boolean completed = everyQueryCompleted;
            DatabaseStatus.ofLabel(databaseStatus).flatMap(status -> DatabaseState.of(status, completed))
                    .ifPresent(state -> states.put(database, state));
        }
        return rows;
    }

    private static Object scalar(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
