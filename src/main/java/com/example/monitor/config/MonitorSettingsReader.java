package com.example.monitor.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads and validates every {@code monitor.*} property, collecting all problems at once. */
public final class MonitorSettingsReader {

    /** Every property this application understands; anything else under {@code monitor.} is a typo. */
    public static final Set<String> KNOWN = Set.of(
            "monitor.databases-file", "monitor.start-date", "monitor.lookback-days", "monitor.zone",
            "monitor.output-dir", "monitor.max-parallel-databases", "monitor.connect-timeout",
            "monitor.query-timeout", "monitor.fetch-size", "monitor.mode", "monitor.schedule",
            "monitor.inbox-dir", "monitor.inbox-read-lock-interval", "monitor.results",
            "monitor.http.port", "monitor.http.host", "monitor.http.token");

    private final Function<String, Optional<String>> properties;
    private final List<String> problems = new ArrayList<>();

    public MonitorSettingsReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    public MonitorSettings read() {
        Path databasesFile = Path.of(text("monitor.databases-file", "databases.yaml"));
        Path outputDir = Path.of(text("monitor.output-dir", "output"));
        checkWritable("monitor.output-dir", outputDir);
        int lookbackDays = integer("monitor.lookback-days", 30, 0);
        ZoneId zone = zone();
        LocalDateTime fixedStart = startDate();
        int maxParallel = integer("monitor.max-parallel-databases", 0, 0);
        Duration connectTimeout = duration("monitor.connect-timeout", "15s");
        Duration queryTimeout = duration("monitor.query-timeout", "30m");
        int fetchSize = integer("monitor.fetch-size", 1000, 1);
        RunMode mode = mode();
        Schedule schedule = schedule();
        Path inboxDir = value("monitor.inbox-dir").map(Path::of).orElse(null);
        Duration readLockInterval = duration("monitor.inbox-read-lock-interval", "1s");
        ResultsMode results = results();
        HttpSettings http = http(mode);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new MonitorSettings(databasesFile, new StartDatePolicy(fixedStart, lookbackDays, zone),
                outputDir, maxParallel, connectTimeout, queryTimeout, fetchSize, mode, schedule, inboxDir,
                readLockInterval, results, http);
    }

    /** A server reachable from the network must not let anyone start and cancel runs. */
    private HttpSettings http(RunMode mode) {
        Integer port = value("monitor.http.port").map(text -> {
            try {
                int parsed = Integer.parseInt(text);
                if (parsed >= 0 && parsed <= 65535) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            problems.add("monitor.http.port: '" + text + "' is not a port number (0-65535; 0 picks a free port)");
            return null;
        }).orElse(null);
        String host = text("monitor.http.host", HttpSettings.DEFAULT_HOST);
        Secret token = value("monitor.http.token").map(Secret::of).orElse(null);
        HttpSettings http = new HttpSettings(port, host, token);
        boolean portGiven = value("monitor.http.port").isPresent();
        if (mode == RunMode.SERVICE && portGiven && !http.hasToken() && !HttpSettings.isLoopback(host)) {
            problems.add("monitor.http.host: '" + host + "' is reachable from the network; set monitor.http.token"
                    + " (from the environment: {{env:MONITOR_HTTP_TOKEN}}) or bind to 127.0.0.1");
        }
        return http;
    }

    private RunMode mode() {
        String value = text("monitor.mode", "once");
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "once" -> RunMode.ONCE;
            case "service" -> RunMode.SERVICE;
            default -> {
                problems.add("monitor.mode: '" + value + "' is not a mode; use once or service");
                yield RunMode.ONCE;
            }
        };
    }

    /** Checked up front, without creating anything, so a run never does its work and then cannot report it. */
    private void checkWritable(String key, Path dir) {
        Path absolute = dir.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(key + ": cannot write reports to " + absolute + " ("
                    + (existing == null ? "no such folder" : existing + " is not a writable folder") + ")");
        }
    }

    private ResultsMode results() {
        String value = text("monitor.results", "memory");
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> ResultsMode.MEMORY;
            case "stream" -> ResultsMode.STREAM;
            default -> {
                problems.add("monitor.results: '" + value + "' is not a results mode; use memory or stream");
                yield ResultsMode.MEMORY;
            }
        };
    }

    private Schedule schedule() {
        Optional<String> value = value("monitor.schedule");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Schedule.parse(value.get());
        } catch (IllegalArgumentException e) {
            problems.add("monitor.schedule: " + e.getMessage());
            return null;
        }
    }

    /** Accepts an ISO date (midnight) or an ISO date-time, the two forms analysts type. */
    public static LocalDateTime parseStartDate(String value) {
        try {
            return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date; use an ISO date like 2026-10-01"
                    + " or a date-time like 2026-10-01T06:00:00");
        }
    }

    private LocalDateTime startDate() {
        Optional<String> value = value("monitor.start-date");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return parseStartDate(value.get());
        } catch (IllegalArgumentException e) {
            problems.add("monitor.start-date: " + e.getMessage());
            return null;
        }
    }

    private ZoneId zone() {
        Optional<String> value = value("monitor.zone");
        if (value.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value.get());
        } catch (DateTimeException e) {
            problems.add("monitor.zone: '" + value.get() + "' is not a time zone; use e.g. Europe/Paris or UTC");
            return ZoneId.systemDefault();
        }
    }

    private Duration duration(String key, String fallback) {
        String value = text(key, fallback);
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return Durations.parse(fallback);
        }
    }

    private int integer(String key, int fallback, int min) {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        problems.add(key + ": '" + value.get() + "' is not a whole number >= " + min);
        return fallback;
    }

    private String text(String key, String fallback) {
        return value(key).orElse(fallback);
    }

    private Optional<String> value(String key) {
        return properties.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
