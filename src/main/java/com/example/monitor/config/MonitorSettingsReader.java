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
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        ZoneId zone = valueOr(Setting.ZONE, ZoneId.systemDefault());
        return new MonitorSettings(value(Setting.DATABASES_FILE),
                new StartDatePolicy(value(Setting.START_DATE), value(Setting.LOOKBACK_DAYS), zone),
                value(Setting.OUTPUT_DIR), value(Setting.MAX_PARALLEL_DATABASES), value(Setting.CONNECT_TIMEOUT),
                value(Setting.QUERY_TIMEOUT), value(Setting.FETCH_SIZE), value(Setting.MODE), value(Setting.SCHEDULE),
                value(Setting.INBOX_DIR), value(Setting.INBOX_READ_LOCK_INTERVAL), value(Setting.RESULTS));
    }

    /** Accepts an ISO date (midnight) or an ISO date-time, the two forms analysts type. */
    public static LocalDateTime parseStartDate(String value) {
        return SettingParsers.startDate(value);
    }

    /** The parsed value, or {@code null} when the setting is empty. */
    @SuppressWarnings("unchecked")
    private <T> T value(Setting<T> setting) {
        return (T) values.get(setting);
    }

    private <T> T valueOr(Setting<T> setting, T whenEmpty) {
        T value = value(setting);
        return value == null ? whenEmpty : value;
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
