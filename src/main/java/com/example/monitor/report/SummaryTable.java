package com.example.monitor.report;

import com.example.monitor.logging.ConsoleText;
import java.util.ArrayList;
import java.util.List;

/**
 * The table printed at the end of a run: one line per query, aligned for a terminal, with the first
 * line of a failed query's (or its database's) error, cut to fit.
 */
public final class SummaryTable {

    private static final String[] HEADER = {"database", "query", "status", "rows", "time", "error"};
    static final int ERROR_WIDTH = 80;

    public String render(RunReport report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RunReport.DatabaseReport database : report.databases()) {
            for (RunReport.QueryReport query : database.queries()) {
                lines.add(new String[] {ConsoleText.escape(database.name()), ConsoleText.escape(query.name()),
                    query.status(), query.rowCount() == null ? "-" : Integer.toString(query.rowCount()),
                    query.elapsedMs() + " ms", firstLine(query.error())});
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                String cell = i == 3 || i == 4 ? " ".repeat(widths[i] - line[i].length()) + line[i]
                        : line[i] + " ".repeat(widths[i] - line[i].length());
                table.append(i == 0 ? "" : "  ").append(cell);
            }
            trimEnd(table);
            table.append(System.lineSeparator());
        }
        table.append("run ").append(report.runId()).append(' ').append(report.status())
                .append(" in ").append(report.elapsedMs()).append(" ms; report: ")
                .append(ConsoleText.escape(String.valueOf(report.reportFile())));
        return table.toString();
    }

    /** The first line of an error, escaped and cut to {@value #ERROR_WIDTH} characters; empty for none. */
    static String firstLine(String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        String line = ConsoleText.escape(error.strip().lines().findFirst().orElse("").strip());
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 3) + "...";
    }

    private static void trimEnd(StringBuilder text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
    }
}
