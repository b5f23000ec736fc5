package com.example.monitor.config;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and validates every declared {@link Setting}, and refuses {@code monitor.*} keys that are not
 * declared, collecting all problems at once.
 */
public final class MonitorSettingsReader {

    private final Function<String, Optional<String>> properties;
    private final List<SettingSource> sources;
    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code sources} are the places keys were written, only to find unknown ones; values come from {@code properties}. */
    public MonitorSettingsReader(Function<String, Optional<String>> properties, List<SettingSource> sources) {
        this.properties = properties;
        this.sources = List.copyOf(sources);
    }

    public MonitorSettingsReader(Function<String, Optional<String>> properties) {
        this(properties, List.of());
    }

    public MonitorSettings read() {
        for (SettingSource source : sources) {
            source.keys().stream().sorted()
                    .forEach(key -> Setting.unknownKeyProblem(source.name(), key).ifPresent(problems::add));
        }
        Setting.all().forEach(this::parse);
        checkHttpExposure();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        SettingValues parsed = new SettingValues(values);
        ZoneId zone = parsed.get(Setting.ZONE).orElseGet(ZoneId::systemDefault);
        return new MonitorSettings(value(parsed, Setting.DATABASES_FILE),
                new StartDatePolicy(value(parsed, Setting.START_DATE), value(parsed, Setting.LOOKBACK_DAYS), zone),
                value(parsed, Setting.OUTPUT_DIR), value(parsed, Setting.MAX_PARALLEL_DATABASES),
                value(parsed, Setting.CONNECT_TIMEOUT), value(parsed, Setting.QUERY_TIMEOUT),
                value(parsed, Setting.FETCH_SIZE), value(parsed, Setting.MODE), value(parsed, Setting.SCHEDULE),
                value(parsed, Setting.INBOX_DIR), value(parsed, Setting.INBOX_READ_LOCK_INTERVAL),
                value(parsed, Setting.RESULTS), parsed);
    }

    /** A server reachable from the network must not let anyone start and cancel runs. */
    private void checkHttpExposure() {
        boolean service = values.get(Setting.MODE) == RunMode.SERVICE;
        boolean portGiven = properties.apply(Setting.HTTP_PORT.key()).filter(v -> !v.isBlank()).isPresent();
        Secret token = (Secret) values.get(Setting.HTTP_TOKEN);
        String host = (String) values.getOrDefault(Setting.HTTP_HOST, HttpSettings.DEFAULT_HOST);
        if (service && portGiven && (token == null || token.value().isEmpty()) && !HttpSettings.isLoopback(host)) {
            problems.add(Setting.HTTP_HOST.key() + ": '" + host + "' is reachable from the network; set "
                    + Setting.HTTP_TOKEN.key() + " (from the environment: {{env:MONITOR_HTTP_TOKEN}}) or bind to 127.0.0.1");
        }
        if (service && portGiven && !HttpSettings.isLoopback(host) && ((List<?>) values.getOrDefault(Setting.HTTP_ALLOWED_HOSTS, List.of())).isEmpty()) {
            problems.add(Setting.HTTP_ALLOWED_HOSTS.key() + ": the server listens on '" + host + "', beyond this"
                    + " machine; list the names clients reach it by (monitor.example.com), or * for any");
        }
    }

    /** The value, or {@code null} when the setting is empty. */
    private static <T> T value(SettingValues parsed, Setting<T> setting) {
        return parsed.get(setting).orElse(null);
    }

    /** Accepts an ISO date (midnight) or an ISO date-time, the two forms analysts type. */
    public static LocalDateTime parseStartDate(String value) {
        return SettingParsers.startDate(value);
    }

    private void parse(Setting<?> setting) {
        String text = properties.apply(setting.key()).map(String::trim).filter(v -> !v.isEmpty())
                .orElse(setting.defaultValue());
        if (text.isEmpty()) {
            return;
        }
        try {
            values.put(setting, setting.parser().apply(text));
        } catch (IllegalArgumentException e) {
            problems.add(setting.key() + ": " + e.getMessage());
        }
    }
}
