package com.example.monitor.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's id, the one place that knows its form: {@code 20261128T191500Z-9acc8c32}, or
 * {@code 20261128T191500Z-n1-9acc8c32} when replica {@code n1} ran it. It sorts by start second, is safe
 * as a file name, and names the report {@code <id>.json}. Whatever parses, matches or makes an id (the
 * run, housekeeping, the history, the HTTP API) goes through this type.
 */
public record RunId(String second, String node, String random) implements Comparable<RunId> {

    /** What a replica's id may be (camel.beans.cluster.id): it becomes part of run ids and file names. */
    public static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    public static final String REPORT_SUFFIX = ".json";
    /** For messages that say what an id looks like. */
    public static final String FORM = "20261128T191500Z-9acc8c32 (or 20261128T191500Z-n1-9acc8c32 from replica n1)";

    /** The whole id: its start second, the replica's id if any, and 8 hex digits. */
    public static final Pattern PATTERN = Pattern.compile("(\\d{8}T\\d{6}Z)-(?:(" + NODE.pattern() + ")-)?([0-9a-f]{8})");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public RunId {
        if (!PATTERN.matcher(text(second, node, random)).matches()) {
            throw new IllegalArgumentException("not a run id: " + text(second, node, random));
        }
    }

    /** A new id for a run starting now, on the given replica (null without a cluster service). */
    public static RunId next(Instant at, String node) {
        return new RunId(SECOND.format(at), node, UUID.randomUUID().toString().substring(0, 8));
    }

    /** The id written as text, or empty when the text is anything else (a '/' or '..' never gets through). */
    public static Optional<RunId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(text);
        return matcher.matches() ? Optional.of(new RunId(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }

    /** The run whose report this file name is ({@code <id>.json}), if it is one. */
    public static Optional<RunId> ofReportFile(String fileName) {
        return fileName.endsWith(REPORT_SUFFIX)
                ? parse(fileName.substring(0, fileName.length() - REPORT_SUFFIX.length()))
                : Optional.empty();
    }

    public String reportFileName() {
        return this + REPORT_SUFFIX;
    }

    /** Ids sort by their text, which starts with the start second. */
    @Override
    public int compareTo(RunId other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return text(second, node, random);
    }

    private static String text(String second, String node, String random) {
        return second + "-" + (node == null ? "" : node + "-") + random;
    }
}
