package com.example.monitor.run;

import com.example.monitor.config.AuthMode;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.sql.CheckedSql;
import com.example.monitor.rows.ColumnType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Runs built in memory for focused tests of what listens to runs (metrics, health). */
public final class FinishedRuns {

    private FinishedRuns() {
    }

    /** A run of one database and one query that completed with 2 rows. */
    public static AnalysisRun completed(String database, String query) {
        AnalysisRun run = new AnalysisRun("20261128T191500Z-9acc8c32", null, "file", "request.json",
                LocalDateTime.parse("2026-10-01T00:00:00"), Instant.parse("2026-11-28T19:15:00Z"),
                List.of(database(database, query)));
        DatabaseOutcome outcome = run.database(database);
        outcome.connecting();
        outcome.query(query).running();
        outcome.query(query).completed(List.of(ColumnType.unknown("ID")), List.of(), Path.of("unused"), null, 2, false, 15);
        outcome.finished(DatabaseStatus.COMPLETED, null, 20);
        run.finish(Instant.parse("2026-11-28T19:15:02Z"));
        return run;
    }

    /** Starts a run through {@link AnalysisRuns}, as the route does, begun at the given time. */
    public static AnalysisRun begin(AnalysisRuns runs, Instant startedAt) throws InterruptedException {
        return runs.begin(() -> new AnalysisRun("20261128T191500Z-0000000a", null, "schedule", null,
                LocalDateTime.parse("2026-10-01T00:00:00"), startedAt, List.of(database("crm", "Q"))));
    }

    public static void end(AnalysisRuns runs, AnalysisRun run) {
        run.finish(Instant.now());
        runs.end(run);
    }

    private static DatabaseConfig database(String name, String query) {
        return new DatabaseConfig(name, "jdbc:postgresql://localhost/" + name, AuthMode.PASSWORD, "u", null, null,
                Map.of(), null, List.of(new QueryConfig(query, Path.of(query + ".sql"), null, null, null,
                CheckedSql.check("SELECT 1 AS one", problem -> {
                    throw new IllegalStateException(problem);
                }).orElseThrow())));
    }
}
