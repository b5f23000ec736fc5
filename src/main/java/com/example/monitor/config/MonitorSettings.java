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

    /** The embedded HTTP server's settings (it runs only when {@link #httpEnabled()}). */
    public HttpSettings http() {
        return new HttpSettings(values.get(Setting.HTTP_PORT).orElse(null),
                values.get(Setting.HTTP_HOST).orElse(HttpSettings.DEFAULT_HOST), values.get(Setting.HTTP_TOKEN).orElse(null));
    }

    /** The HTTP server runs in service mode only, and only when a port is set. */
    public boolean httpEnabled() {
        return mode == RunMode.SERVICE && http().configured();
    }

    /** Threads for the database split: all databases at once unless capped. */
    public int parallelismFor(int databaseCount) {
        int all = Math.max(1, databaseCount);
        return maxParallelDatabases > 0 ? Math.min(maxParallelDatabases, all) : all;
    }
}
