package com.example.monitor.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the core routes come from ({@link Setting#CORE_ROUTES}). {@code jar}: the copies packaged in
 * the jar, so a deployment runs what was built and tested. {@code working-dir}: the {@code routes/}
 * folder of the working directory, for a developer editing them without a rebuild.
 */
public enum CoreRoutes {
    JAR, WORKING_DIR;

    /** The value as written in the property, {@code jar} or {@code working-dir}; empty if it is neither. */
    public static Optional<CoreRoutes> find(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jar" -> Optional.of(JAR);
            case "working-dir" -> Optional.of(WORKING_DIR);
            default -> Optional.empty();
        };
    }

    static CoreRoutes parse(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException(
                Quoted.of(value) + " is not a place for the core routes; use jar or working-dir"));
    }
}
