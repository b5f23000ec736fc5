package com.example.monitor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One named query. {@code location} is absolute; a null timeout, fetchSize or maxRows means
 * "use the application default".
 */
public record QueryConfig(String name, Path location, Duration timeout, Integer fetchSize, Integer maxRows) {
    public QueryConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }
}
