package com.example.monitor.config;

import com.example.monitor.sql.CheckedSql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One named query. {@code location} is absolute; a null timeout, fetchSize or maxRows means
 * "use the application default". {@code sql} is the file's text as read and checked at start-up.
 */
public record QueryConfig(String name, Path location, Duration timeout, Integer fetchSize, Integer maxRows,
                          CheckedSql sql) {
    public QueryConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sql, "sql");
    }
}
