package com.example.monitor.report;

import com.example.monitor.config.RowsFormat;
import com.example.monitor.files.Folder;
import com.example.monitor.report.RunReport.DatabaseReport;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.run.AnalysisRun;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code <dir>/<runId>.json}, the run's {@link RunReport} as {@link RunReportJson} renders it
 * with each query's rows added, through {@link Folder#write}: a temp file renamed into place, so a
 * reader never sees half a report. The rows were encoded while their query ran ({@link RowSpool});
 * their bytes are copied in, not written again.
 */
public final class ReportWriter {

    private static final int BUFFER_BYTES = 1 << 16;

    private final RunReportJson json = new RunReportJson();
    private final Set<PosixFilePermission> permissions;
    private final RowsFormat rowsFormat;

    /**
     * @param permissions of every report; the temp file starts owner-only, so no one reads it early
     * @param rowsFormat  {@code json}: rows in the report; {@code parquet}: a {@code rowsFile} per query instead
     */
    public ReportWriter(Set<PosixFilePermission> permissions, RowsFormat rowsFormat) {
        this.permissions = Set.copyOf(permissions);
        this.rowsFormat = rowsFormat;
    }

    /** @return the report as written, without its rows */
    public RunReport write(AnalysisRun run, Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = run.runId() + ".json";
        RunReport report = RunReport.of(run, directory.resolve(name));
        Map<QueryReport, Path> spools = spools(report, run);
        // the output folder is the operator's, maybe reached through a link; what is in it is not followed
        Folder.open(directory.toRealPath(), permissions).write(name, file -> {
            try (JsonGenerator out = json.generator(
                    new BufferedOutputStream(Channels.newOutputStream(file), BUFFER_BYTES))) {
                json.write(out, report, (generator, query) -> writeRows(generator, file, query, spools.get(query)));
            }
        });
        return report;
    }

    /** Each query's spool, by the very entry that is written (two databases may have equal entries). */
    private static Map<QueryReport, Path> spools(RunReport report, AnalysisRun run) {
        Map<QueryReport, Path> spools = new IdentityHashMap<>();
        for (DatabaseReport database : report.databases()) {
            for (QueryReport query : database.queries()) {
                spools.put(query, run.database(database.name()).query(query.name()).spool());
            }
        }
        return spools;
    }

    private void writeRows(JsonGenerator out, FileChannel file, QueryReport query, Path spool) throws IOException {
        if (rowsFormat == RowsFormat.PARQUET) {
            out.writeStringField("rowsFile", query.rowsFile());
            return;
        }
        out.writeArrayFieldStart("rows");
        if (spool != null) {
            RowSpool.copyInto(out, file, spool);
        }
        out.writeEndArray();
    }
}
