package com.example.monitor.report;

import com.example.monitor.run.Row;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Stream mode: writes rows as they come from the driver to a file, one JSON object per line, so a
 * result bigger than memory is never held. The report writer copies the lines into the report.
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
            out.setPrettyPrinter(new MinimalPrettyPrinter(System.lineSeparator()));
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

    /** Feeds the spooled rows, one JSON object per call, to a report being written. */
    static void copyInto(JsonGenerator report, Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (!line.isBlank()) {
                    report.writeRawValue(line);
                }
            }
        }
    }
}
