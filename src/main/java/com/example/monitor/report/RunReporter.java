package com.example.monitor.report;

import com.example.monitor.config.RowsFormat;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.QueryOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a run on paper: the JSON report file, the console summary and the row-free {@link RunReport}. */
public final class RunReporter {

    public static final String REPORT_PROPERTY = "analysisReport";
    /** Set instead of {@link #REPORT_PROPERTY} when the report could not be written: why. */
    public static final String REPORT_ERROR_PROPERTY = "analysisReportError";
    private static final Logger LOG = LoggerFactory.getLogger("summary");

    private final Path outputDir;
    private final ReportWriter writer;
    private final SummaryTable table = new SummaryTable();

    public RunReporter(Path outputDir, Set<PosixFilePermission> reportPermissions, RowsFormat rowsFormat) {
        this.outputDir = outputDir;
        this.writer = new ReportWriter(reportPermissions, rowsFormat);
    }

    public RunReport report(AnalysisRun run) {
        Path file;
        try {
            file = writer.write(run, outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of run " + run.runId() + " to "
                    + outputDir.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } finally {
            deleteSpool(run);
        }
        RunReport report = summarise(run, file);
        LOG.info("{}{}", System.lineSeparator(), table.render(report));
        return report;
    }

    /** Where stream mode spools a run's rows until the report has them. */
    public Path spoolDir(AnalysisRun run) {
        return outputDir.resolve(".spool").resolve(run.runId());
    }

    private void deleteSpool(AnalysisRun run) {
        Path dir = spoolDir(run);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
            deleteIfEmpty(dir.getParent());
        } catch (IOException e) {
            LOG.warn("could not remove the spool folder {}: {}", dir, e.getMessage());
        }
    }

    /** Another run's spool may still be there: a replica's, or one lost with a process that was killed. */
    private static void deleteIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            LOG.debug("{} still holds another run's spool", dir);
        }
    }

    static RunReport summarise(AnalysisRun run, Path file) {
        List<RunReport.DatabaseReport> databases = new ArrayList<>();
        for (DatabaseOutcome database : run.databases()) {
            List<RunReport.QueryReport> queries = new ArrayList<>();
            for (QueryOutcome query : database.queries()) {
                queries.add(new RunReport.QueryReport(query.name(), query.status().label(), query.rowCount(),
                        query.elapsedMs(), query.error(), query.columns(), query.columnTypes(),
                        RowsFiles.relative(file.getParent(), query.rowsFile())));
            }
            databases.add(new RunReport.DatabaseReport(database.name(), database.status().label(),
                    database.error(), database.elapsedMs(), List.copyOf(queries)));
        }
        return new RunReport(run.runId(), run.node(), run.trigger(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.startDate()), run.startedAt().toString(),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.elapsedMs(),
                run.status().label(), file.toAbsolutePath().toString(), List.copyOf(databases));
    }
}
