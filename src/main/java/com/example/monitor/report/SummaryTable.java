package com.example.monitor.report;

import java.util.ArrayList;
import java.util.List;

/** The table printed at the end of a run: one line per query, aligned for a terminal. */
public final class SummaryTable {

    private static final String[] HEADER = {"database", "query", "status", "rows", "time"};

    public String render(RunReport report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RunReport.DatabaseReport database : report.databases()) {
            for (RunReport.QueryReport query : database.queries()) {
                lines.add(new String[] {database.name(), query.name(), query.status(),
                    query.rowCount() == null ? "-" : Integer.toString(query.rowCount()),
                    query.elapsedMs() + " ms"});
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
            table.append(System.lineSeparator());
        }
        table.append("run ").append(report.runId()).append(' ').append(report.status())
                .append(" in ").append(report.elapsedMs()).append(" ms; report: ").append(report.reportFile());
        return table.toString();
    }
}
