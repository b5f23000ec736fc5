package com.example.monitor.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Where a run's Parquet files go: {@code <output-dir>/<runId>/<database>/<query>.parquet}, the names
 * made file-safe so that any two different names give two different files.
 */
public final class RowsFiles {

    public static final String EXTENSION = ".parquet";
    /** The longest file-safe name: with the extension and the writer's temp name, well under 255 bytes. */
    static final int MAX_NAME = 200;

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
     * escaped, so the mapping is one-to-one. A name longer than {@link #MAX_NAME} once escaped is cut
     * there (between whole escapes) and ends with {@code ~} and 16 hex digits of its SHA-256: a file name
     * may hold 255 bytes, with the writer's temp name around it, and a Cyrillic letter escapes to six.
     * No other name has a {@code ~}, which is escaped, so a cut name is never another name's.
     */
    static String fileSafe(String name) {
        String safe = escaped(name);
        if (safe.length() <= MAX_NAME) {
            return safe;
        }
        int cut = MAX_NAME - 17;
        // a %HH escape is never split
        if (safe.charAt(cut - 1) == '%') {
            cut -= 1;
        } else if (safe.charAt(cut - 2) == '%') {
            cut -= 2;
        }
        return safe.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(name), 0, 8);
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String escaped(String name) {
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
