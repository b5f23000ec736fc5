package com.example.monitor.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Where a run's Parquet files go: {@code <output-dir>/<runId>/<database>/<query>.parquet}, the names
 * made file-safe so that any two different names give two different files.
 */
public final class RowsFiles {

    public static final String EXTENSION = ".parquet";

    private RowsFiles() {
    }

    /** The folder of a run's files, beside its report; removed with it. */
    public static Path runFolder(Path outputDir, String runId) {
        return outputDir.resolve(runId);
    }

    public static Path of(Path outputDir, String runId, String database, String query) {
        return runFolder(outputDir, runId).resolve(fileSafe(database)).resolve(fileSafe(query) + EXTENSION);
    }

    /**
     * ASCII letters, digits, {@code -}, {@code _}, {@code .} and spaces stay as they are; every other
     * byte of the name's UTF-8 is written {@code %HH}, and so are a leading dot (no hidden file, no
     * {@code ..}) and a trailing dot or space (which Windows drops). {@code %} itself is always
     * escaped, so the mapping is one-to-one.
     */
    static String fileSafe(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder safe = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean edge = (i == 0 && b == '.') || (i == bytes.length - 1 && (b == '.' || b == ' '));
            if (!edge && (Character.isLetterOrDigit(b) && b < 0x80 || b == '-' || b == '_' || b == '.' || b == ' ')) {
                safe.append((char) b);
            } else {
                safe.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return safe.toString();
    }

    /** The file as the report names it: relative to the report's folder, with {@code /}; null for none. */
    static String relative(Path reportDir, Path file) {
        if (file == null) {
            return null;
        }
        Path relative = reportDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return StreamSupport.stream(relative.spliterator(), false).map(Path::toString)
                .collect(Collectors.joining("/"));
    }
}
