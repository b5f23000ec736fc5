package com.example.monitor.config;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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

    /** Its name in the registry, where the launcher and ClusterActivation look the settings up. */
    public static final String BEAN = "monitorSettings";

    /** How long a one-shot run waits for the team routes, and a team route may take per message. */
    public Duration extensionTimeout() {
        return values.get(Setting.EXTENSION_TIMEOUT).orElseThrow();
    }

    public boolean scheduleAtStart() {
        return values.get(Setting.SCHEDULE_AT_START).orElse(false);
    }

    /** Null when nothing is ever deleted. */
    public Duration keepReports() {
        return values.get(Setting.KEEP_REPORTS).orElse(null);
    }

    /** Where the rows go: into the report, or into a Parquet file per query. */
    public RowsFormat rowsFormat() {
        return values.get(Setting.ROWS_FORMAT).orElse(RowsFormat.JSON);
    }

    public Set<PosixFilePermission> reportPermissions() {
        return values.get(Setting.REPORT_PERMISSIONS).orElseThrow();
    }

    /** The embedded HTTP server's settings (it runs only when {@link #httpEnabled()}). */
    public HttpSettings http() {
        return new HttpSettings(values.get(Setting.HTTP_PORT).orElse(null),
                values.get(Setting.HTTP_HOST).orElse(HttpSettings.DEFAULT_HOST), values.get(Setting.HTTP_TOKEN).orElse(null),
                values.get(Setting.HTTP_ALLOWED_HOSTS).orElse(List.of()),
                values.get(Setting.HTTP_HEADER_TIMEOUT).orElse(null), values.get(Setting.HTTP_BODY_TIMEOUT).orElse(null));
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
