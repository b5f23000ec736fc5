package com.example.monitor.http;

import com.example.monitor.run.RunRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Its name in the registry, as the routes and the launcher name it. */
    public static final String BEAN = "runHistory";

    /** See {@link RunRequest#RUN_ID}: nothing else can name a file here. */
    static final Pattern RUN_ID = RunRequest.RUN_ID;
    /** A report that cannot be read, kept so it is logged once and not read again at every poll. */
    private static final Map<String, Object> UNREADABLE = Collections.unmodifiableMap(new LinkedHashMap<>());
    private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);
    public static final int MAX_LIMIT = 1000;

    private final Path outputDir;
    private final JsonFactory json = new JsonFactory();
    private final Map<String, Map<String, Object>> summaries = new ConcurrentHashMap<>();

    public RunHistory(Path outputDir) {
        this.outputDir = outputDir;
    }

    /** {@code GET /api/runs?limit=N}: newest first, without rows. */
    public List<Map<String, Object>> recent(String limitText) {
        int limit = limit(limitText);
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        List<String> ids;
        try (Stream<Path> files = Files.list(outputDir)) {
            ids = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .filter(id -> RUN_ID.matcher(id).matches())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // ids sort by their start second; runs started in the same second as the last one kept are
        // ordered by their start time to the millisecond
        int end = Math.min(limit, ids.size());
        while (end > 0 && end < ids.size() && second(ids.get(end)).equals(second(ids.get(end - 1)))) {
            end++;
        }
        return ids.subList(0, end).stream()
                .map(id -> summaries.computeIfAbsent(id, this::summarise))
                .filter(summary -> summary != UNREADABLE)
                .sorted(Comparator.comparing(RunHistory::startedAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
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
            throw new ApiProblem(400, "not a run id: expected the form 20261128T191500Z-9acc8c32"
                    + " (or 20261128T191500Z-n1-9acc8c32 from replica n1)");
        }
        Path file = outputDir.resolve(runId + ".json");
        if (!Files.isRegularFile(file)) {
            throw new ApiProblem(404, "no report for run " + runId);
        }
        if (summaries.computeIfAbsent(runId, this::summarise) == UNREADABLE) {
            throw new ApiProblem(500, "the report of run " + runId + " cannot be read (truncated or not JSON);"
                    + " see the service log");
        }
        return Files.newInputStream(file);
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
    private Map<String, Object> summarise(String runId) {
        Path file = outputDir.resolve(runId + ".json");
        try {
            return readSummary(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("report {} cannot be read, left out of /api/runs: {}", file.toAbsolutePath(), e.getMessage());
            return UNREADABLE;
        }
    }

    private Map<String, Object> readSummary(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Integer> queries = new TreeMap<>();
        long rows = 0;
        try (JsonParser parser = json.createParser(file.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("databases")) {
                    rows = databases(parser, queries);
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
        return summary;
    }

    /** Counts queries by status and adds up their rows; the rows themselves are skipped. */
    private static long databases(JsonParser parser, Map<String, Integer> counts) throws IOException {
        long rows = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
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
                        } else if (queryField.equals("rowCount") && parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            rows += parser.getLongValue();
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
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
