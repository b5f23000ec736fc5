package com.example.monitor.report;

import java.io.Serializable;
import java.util.List;

/**
 * A run's outcome without its rows: serialisable and free of Camel types, so routes and teams can
 * keep, log or forward it. The full report, rows included, is the JSON file at {@code reportFile}.
 * {@code node} is the id of the replica that ran it, {@code null} without a cluster service.
 */
public record RunReport(String runId, String node, String trigger, String startDate, String startedAt, String finishedAt,
                        long elapsedMs, String status, String reportFile, List<DatabaseReport> databases)
        implements Serializable {

    public record DatabaseReport(String name, String status, String error, long elapsedMs,
                                 List<QueryReport> queries) implements Serializable {
    }

    public record QueryReport(String name, String status, Integer rowCount, long elapsedMs, String error)
            implements Serializable {
    }
}
