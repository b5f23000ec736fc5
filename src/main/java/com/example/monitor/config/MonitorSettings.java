package com.example.monitor.config;

import java.nio.file.Path;
import java.time.Duration;

/** The {@code monitor.*} properties, parsed and checked. */
public record MonitorSettings(
        Path databasesFile,
        StartDatePolicy startDate,
        Path outputDir,
        int maxParallelDatabases,
        Duration connectTimeout,
        Duration queryTimeout,
        int fetchSize,
        RunMode mode,
        Schedule schedule,
        Path inboxDir,
        Duration inboxReadLockInterval,
        ResultsMode results,
        HttpSettings http) {

    /** The HTTP server runs in service mode only, and only when a port is set. */
    public boolean httpEnabled() {
        return mode == RunMode.SERVICE && http.configured();
    }

    /** Threads for the database split: all databases at once unless capped. */
    public int parallelismFor(int databaseCount) {
        int all = Math.max(1, databaseCount);
        return maxParallelDatabases > 0 ? Math.min(maxParallelDatabases, all) : all;
    }
}
