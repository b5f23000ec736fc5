package com.example.monitor.report;

import com.example.monitor.run.Row;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Stream mode: writes rows as they come from the driver to a file, as the comma-separated JSON
 * objects of an array's body, so a result bigger than memory is never held. The report writer then
 * copies the file's bytes as they are between the brackets of the query's {@code rows}.
 */
public final class RowSpool {

    private final JsonFactory json = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** What was spooled: the columns (empty when no row came), how many rows, and whether capped. */
    public record Spooled(List<String> columns, int rowCount, boolean truncated) {
    }

    public Spooled write(Iterator<?> rows, Path file, Integer maxRows) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> columns = List.of();
        int count = 0;
        try (JsonGenerator out = json.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            out.setPrettyPrinter(new MinimalPrettyPrinter(","));
            while (rows.hasNext()) {
                if (maxRows != null && count >= maxRows) {
                    return new Spooled(columns, count, true);
                }
                Row row = (Row) rows.next();
                if (count == 0) {
                    columns = row.columns().names();
                }
                out.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    out.writeFieldName(row.columns().name(i));
                    JsonValues.write(out, row.value(i));
                }
                out.writeEndObject();
                count++;
            }
        }
        return new Spooled(columns, count, false);
    }

    /**
     * Copies the spooled rows into a report at the position of an array the generator has just
     * opened: the generator is flushed, then the bytes go straight to its stream, so they are never
     * parsed or held again.
     */
    static void copyInto(JsonGenerator report, OutputStream stream, Path file) throws IOException {
        report.flush();
        Files.copy(file, stream);
    }
}
