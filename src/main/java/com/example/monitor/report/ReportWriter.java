package com.example.monitor.report;

import com.example.monitor.config.RowsFormat;
import com.example.monitor.files.Folder;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.QueryOutcome;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Writes {@code <dir>/<runId>.json} with Jackson's streaming generator, through {@link Folder#write}:
 * a temp file renamed into place, so a reader never sees half a report. The rows were encoded while their query
 * ran ({@link RowSpool}); their bytes are copied in, not written again.
 */
public final class ReportWriter {

    private static final int BUFFER_BYTES = 1 << 16;

    private final JsonFactory json = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

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

    private static void writeColumnType(JsonGenerator out, ColumnType type) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", type.type().label());
        out.writeStringField("databaseType", type.databaseType());
        writeNumberOrNull(out, "precision", type.precision());
        writeNumberOrNull(out, "scale", type.scale());
        out.writeBooleanField("nullable", type.nullable());
        out.writeStringField("label", type.label());
        out.writeEndObject();
    }

    private static void writeNumberOrNull(JsonGenerator out, String field, Integer value) throws IOException {
        out.writeFieldName(field);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(value);
        }
    }

    public Path write(AnalysisRun run, Path directory) throws IOException {
        Files.createDirectories(directory);
        // the output folder is the operator's, maybe reached through a link; what is in it is not followed
        return Folder.open(directory.toRealPath(), permissions).write(run.runId() + ".json", file -> {
            try (JsonGenerator out = json.createGenerator(
                    new BufferedOutputStream(Channels.newOutputStream(file), BUFFER_BYTES), JsonEncoding.UTF8)) {
                writeRun(out, file, run, directory);
            }
        });
    }

    private void writeRun(JsonGenerator out, FileChannel file, AnalysisRun run, Path directory) throws IOException {
        out.writeStartObject();
        out.writeStringField("runId", run.runId());
        out.writeStringField("node", run.node());
        out.writeStringField("trigger", run.reportedTrigger());
        out.writeStringField("requestFile", run.requestFile());
        out.writeStringField("startDate", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.startDate()));
        out.writeStringField("startedAt", run.startedAt().toString());
        out.writeStringField("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        out.writeNumberField("elapsedMs", run.elapsedMs());
        out.writeStringField("status", run.status().label());
        out.writeObjectFieldStart("databases");
        for (DatabaseOutcome database : run.databases()) {
            writeDatabase(out, file, database, directory);
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private void writeDatabase(JsonGenerator out, FileChannel file, DatabaseOutcome database, Path directory)
            throws IOException {
        out.writeObjectFieldStart(database.name());
        out.writeStringField("status", database.status().label());
        out.writeStringField("error", database.error());
        out.writeNumberField("elapsedMs", database.elapsedMs());
        out.writeObjectFieldStart("queries");
        for (QueryOutcome query : database.queries()) {
            writeQuery(out, file, query, directory);
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private void writeQuery(JsonGenerator out, FileChannel file, QueryOutcome query, Path directory)
            throws IOException {
        out.writeObjectFieldStart(query.name());
        out.writeStringField("status", query.status().label());
        out.writeFieldName("rowCount");
        if (query.rowCount() == null) {
            out.writeNull();
        } else {
            out.writeNumber(query.rowCount());
        }
        out.writeBooleanField("truncated", query.truncated());
        out.writeNumberField("elapsedMs", query.elapsedMs());
        out.writeStringField("error", query.error());
        out.writeArrayFieldStart("columns");
        for (String column : query.columns()) {
            out.writeString(column);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("columnTypes");
        for (ColumnType type : query.columnTypes()) {
            writeColumnType(out, type);
        }
        out.writeEndArray();
        if (rowsFormat == RowsFormat.PARQUET) {
            out.writeStringField("rowsFile", RowsFiles.relative(directory, query.rowsFile()));
        } else {
            out.writeArrayFieldStart("rows");
            if (query.spool() != null) {
                RowSpool.copyInto(out, file, query.spool());
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
