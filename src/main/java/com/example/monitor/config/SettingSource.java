package com.example.monitor.config;

import java.util.Set;

/** Where settings were written (a file's path or URL, or an argument) and the keys written there. */
public record SettingSource(String name, Set<String> keys) {

    public SettingSource {
        keys = Set.copyOf(keys);
    }
}
