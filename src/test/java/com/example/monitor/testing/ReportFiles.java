package com.example.monitor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run reports ({@code <runId>.json}) a service wrote into its output folder, as a reader finds them.
 * Every report read is checked to hold every database of the run's databases.yaml ({@link ConfiguredDatabases}).
 */
public final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outputDir;
    private final Path databasesFile;

    /** Reports checked against the databases.yaml next to the output folder, when there is one. */
    public ReportFiles(Path outputDir) {
        this(outputDir, outputDir.resolveSibling("databases.yaml"));
    }

    /** Reports of runs that used this databases.yaml. */
    public ReportFiles(Path outputDir, Path databasesFile) {
        this.outputDir = outputDir;
        this.databasesFile = databasesFile;
    }

    public Path dir() {
        return outputDir;
    }

    /** Every finished report, oldest run first; temp files and other teams' files are left out. */
    public List<JsonNode> all() {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.filter(ReportFiles::isReport).map(this::read)
                    .sorted(Comparator.comparing(ReportFiles::startedAt)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<JsonNode> withTrigger(String trigger) {
        return all().stream().filter(report -> report.get("trigger").asText().equals(trigger)).toList();
    }

    public Optional<JsonNode> oneWithTrigger(String trigger) {
        List<JsonNode> reports = withTrigger(trigger);
        if (reports.size() > 1) {
            throw new AssertionError(reports.size() + " reports with trigger " + trigger + ": " + reports);
        }
        return reports.stream().findFirst();
    }

    /** The one report of a single run, with nothing else left in the folder (no temp file, no spool). */
    public JsonNode only() {
        if (!Files.isDirectory(outputDir)) {
            throw new AssertionError("no output folder " + outputDir);
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            List<Path> all = files.toList();
            if (all.size() != 1 || !isReport(all.get(0))) {
                throw new AssertionError("expected one report in " + outputDir + ", found " + all);
            }
            return read(all.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instant startedAt(JsonNode report) {
        return Instant.parse(report.get("startedAt").asText());
    }

    public static Instant finishedAt(JsonNode report) {
        return Instant.parse(report.get("finishedAt").asText());
    }

    /** As the app writes them: a regular file (a link or a FIFO a test planted is none of ours). */
    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.endsWith(".json") && !name.endsWith("-clients.json")
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private JsonNode read(Path file) {
        JsonNode report;
        try {
            report = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Files.isRegularFile(databasesFile) ? new ConfiguredDatabases(databasesFile).assertAllIn(report) : report;
    }
}
