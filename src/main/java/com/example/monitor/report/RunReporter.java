package com.example.monitor.report;

import com.example.monitor.config.RowsFormat;
import com.example.monitor.logging.ConsoleText;
import com.example.monitor.run.AnalysisRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a run on paper: the JSON report file, the console summary and the row-free {@link RunReport}. */
public final class RunReporter {

    private static final Logger LOG = LoggerFactory.getLogger("summary");

    private final Path outputDir;
    private final ReportWriter writer;
    private final SummaryTable table = new SummaryTable();
    private final Spools spools;

    public RunReporter(Path outputDir, Set<PosixFilePermission> reportPermissions, RowsFormat rowsFormat) {
        this.outputDir = outputDir;
        this.writer = new ReportWriter(reportPermissions, rowsFormat);
        this.spools = new Spools(outputDir, reportPermissions, Clock.systemUTC());
    }

    public RunReport report(AnalysisRun run) {
        RunReport report;
        try {
            report = writer.write(run, outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of run " + run.runId() + " to "
                    + outputDir.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } finally {
            spools.delete(run);
        }
        LOG.info("{}", ConsoleText.preformatted(System.lineSeparator() + table.render(report)));
        return report;
    }

    /** The spool folders of this output folder's runs. */
    public Spools spools() {
        return spools;
    }
}
