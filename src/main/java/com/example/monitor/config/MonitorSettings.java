package com.example.monitor.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code monitor.*} properties, parsed and checked. The components are the settings the core
 * code reads; {@code values} holds every declared setting, so code that needs a newer one reads
 * {@code settings.values().get(Setting.X)} without a component of its own.
 */
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
        SettingValues values) {

    /** Threads for the database split: all databases at once unless capped. */
    public int parallelismFor(int databaseCount) {
        int all = Math.max(1, databaseCount);
        return maxParallelDatabases > 0 ? Math.min(maxParallelDatabases, all) : all;
    }
}
