package com.example.monitor.http;

import java.time.Instant;
import java.util.Map;

/**
 * What a report on disk says about each database, for what must survive a restart: made by
 * {@link RunHistory} from the report's {@link com.example.monitor.report.RunReport}.
 *
 * @param finishedAt null when the report has none
 * @param databases  the state of each database the run reached, by name
 */
public record RecordedRun(String runId, Instant startedAt, Instant finishedAt, Map<String, DatabaseState> databases) {

    public RecordedRun {
        databases = Map.copyOf(databases);
    }
}
