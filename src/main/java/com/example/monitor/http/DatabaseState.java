package com.example.monitor.http;

import com.example.monitor.report.RunReport;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.DatabaseStatus;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.run.QueryStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * How a database's last run ended, as {@code monitor_database_status} says it: from a run in memory
 * and from a report on disk alike, so a restart shows what the last run showed.
 */
public enum DatabaseState {
    /** Connected, and every query completed. */
    COMPLETED,
    /** Connected, and at least one query failed or was cancelled. */
    PARTIAL,
    /** Could not connect: every query was skipped. */
    FAILED,
    /** The run was cancelled while this database was in it. */
    CANCELLED,
    /** No run of it on record yet. */
    NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DatabaseState> of(DatabaseOutcome database) {
        boolean everyQueryCompleted = database.queries().stream().map(QueryOutcome::status)
                .allMatch(status -> status == QueryStatus.COMPLETED);
        return of(database.status(), everyQueryCompleted);
    }

    /** From a report read back: its statuses as written, an unknown one counting as no state or no completion. */
    public static Optional<DatabaseState> of(RunReport.DatabaseReport database) {
        boolean everyQueryCompleted = database.queries().stream()
                .allMatch(query -> QueryStatus.ofLabel(query.status()).orElse(null) == QueryStatus.COMPLETED);
        return DatabaseStatus.ofLabel(database.status()).flatMap(status -> of(status, everyQueryCompleted));
    }

    /**
     * Empty for a database the run never reached (still {@code pending}: the run was cancelled before
     * it started), which says nothing about the database.
     */
    private static Optional<DatabaseState> of(DatabaseStatus databaseStatus, boolean everyQueryCompleted) {
        return switch (databaseStatus) {
            case COMPLETED -> Optional.of(everyQueryCompleted ? COMPLETED : PARTIAL);
            case FAILED -> Optional.of(FAILED);
            case CANCELLED -> Optional.of(CANCELLED);
            default -> Optional.empty();
        };
    }
}
