package com.example.monitor.config;

import java.util.Map;
import java.util.Optional;

/** The parsed value of every declared {@link Setting} that is not empty, checked at start-up. */
public final class SettingValues {

    private final Map<Setting<?>, Object> values;

    SettingValues(Map<Setting<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** The value, or empty when the setting is empty (an empty default and nothing set). */
    @SuppressWarnings("unchecked") // the reader stores only what the setting's own parser returned
    public <T> Optional<T> get(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(setting));
    }

    @Override
    public String toString() {
        return values.keySet().stream().map(Setting::key).sorted().toList().toString();
    }
}
