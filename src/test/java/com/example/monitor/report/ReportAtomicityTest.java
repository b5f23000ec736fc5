package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reader watching the output folder never sees half a report, however large the report is. */
class ReportAtomicityTest extends MonitorTestSupport {

    private static final int ROWS = 200_000;
    private static final int RUNS = 3;
    /** The write window is milliseconds: run on until the watcher has caught a report mid-write. */
    private static final int MAX_RUNS = 12;
    private static final PathMatcher JSON_FILES = FileSystems.getDefault().getPathMatcher("glob:*.json");

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabase() throws Exception {
        String big = POSTGRES.server().createDatabase("big_reports");
        project = new ProjectFiles(Files.createTempDirectory("report-atomicity-test"))
                .database("big", big)
                .query("Many rows", "big/many_rows.sql", """
                        SELECT g AS id, md5(g::text) AS digest, 'a "quoted" text' AS note
                          FROM generate_series(1, %d) AS g
                        """.formatted(ROWS));
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void aWatcherNeverSeesAHalfWrittenReportWhileLargeReportsAreWritten() throws Exception {
        Path output = project.outputDir();
        Files.createDirectories(output);
        Watcher watcher = new Watcher(output);
        Thread thread = new Thread(watcher, "report-watcher");
        thread.start();
        List<String> runIds = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < RUNS || (watcher.tempFilesSeen.isEmpty() && i < MAX_RUNS); i++) {
                Exchange done = runAnalysis("2026-10-29");
                assertThat(report(done).status()).isEqualTo("completed");
                runIds.add(report(done).runId());
            }
        } finally {
            watcher.stop();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(thread.isAlive()).as("watcher stopped").isFalse();
        assertThat(watcher.failures).as("reports that did not parse when first seen").isEmpty();
        assertThat(watcher.tempFilesSeen).as("temp files seen while reports were written")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).endsWith(".json.tmp"))
                .noneMatch(name -> JSON_FILES.matches(Path.of(name)));
        assertThat(watcher.parsedReports.keySet()).containsExactlyInAnyOrderElementsOf(
                runIds.stream().map(id -> id + ".json").toList());
        assertThat(watcher.parsedReports.values()).containsOnly(ROWS);
        assertThat(watcher.spoolSeen).as("the spool folder, while queries ran").isTrue();
        try (Stream<Path> left = Files.list(output)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(watcher.parsedReports.keySet());
        }
    }

    @Test
    void theWatchersParseCheckRejectsATruncatedReport() throws Exception {
        Path full = Path.of(report(runAnalysis("2026-10-29")).reportFile());
        byte[] bytes = Files.readAllBytes(full);
        Path truncated = Files.createTempDirectory("truncated").resolve("half.json");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(Watcher.countRows(full)).isEqualTo(ROWS);
        assertThat(Watcher.countRowsOrFailure(truncated)).isInstanceOf(String.class);
    }

    /** Lists the folder again and again, and parses every *.json it has not parsed completely yet. */
    private static final class Watcher implements Runnable {
        private final Path directory;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Set<String> tempFilesSeen = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> parsedReports = new ConcurrentHashMap<>();
        final AtomicInteger listings = new AtomicInteger();
        final AtomicBoolean spoolSeen = new AtomicBoolean();

        Watcher(Path directory) {
            this.directory = directory;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            // one more pass after stop, so a report renamed at the last moment is checked too
            boolean last = false;
            while (!last) {
                last = !running.get();
                listings.incrementAndGet();
                List<Path> files;
                try (Stream<Path> listing = Files.list(directory)) {
                    files = listing.toList();
                } catch (IOException e) {
                    failures.add("listing failed: " + e);
                    continue;
                }
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.equals(".spool")) {
                        // rows encoded while the queries run, copied into the report at the end
                        spoolSeen.set(true);
                    } else if (!JSON_FILES.matches(file.getFileName())) {
                        tempFilesSeen.add(name);
                    } else if (!parsedReports.containsKey(name)) {
                        Object result = countRowsOrFailure(file);
                        if (result instanceof Integer rows) {
                            parsedReports.put(name, rows);
                        } else if (result != null) {
                            failures.add(name + ": " + result);
                        }
                    }
                }
            }
        }

        /** The rows of the report's one query, an error message if it does not parse, null if it is gone. */
        static Object countRowsOrFailure(Path file) {
            try {
                return countRows(file);
            } catch (NoSuchFileException gone) {
                return null;
            } catch (IOException | RuntimeException e) {
                return e.toString();
            }
        }

        /** Streams through the whole document, so a cut anywhere fails. */
        static int countRows(Path file) throws IOException {
            try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
                int rows = 0;
                int depth = 0;
                boolean inRows = false;
                int rowsDepth = -1;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    switch (token) {
                        case START_OBJECT, START_ARRAY -> {
                            depth++;
                            if (inRows && depth == rowsDepth + 1 && token == JsonToken.START_OBJECT) {
                                rows++;
                            }
                            if (token == JsonToken.START_ARRAY
                                    && "rows".equals(parser.currentName())) {
                                inRows = true;
                                rowsDepth = depth;
                            }
                        }
                        case END_OBJECT, END_ARRAY -> {
                            if (inRows && depth == rowsDepth) {
                                inRows = false;
                            }
                            depth--;
                        }
                        default -> {
                        }
                    }
                }
                if (depth != 0) {
                    throw new UncheckedIOException(new IOException("document ends inside a value"));
                }
                return rows;
            }
        }
    }
}
