package com.example.monitor.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The validated content of databases.yaml: databases and their queries in file order. */
public record DatabasesConfig(Path file, List<DatabaseConfig> databases) {

    /** Its name in the registry; only the tests look it up. */
    public static final String BEAN = "databasesConfig";

    public DatabasesConfig {
        Objects.requireNonNull(file, "file");
        databases = List.copyOf(databases);
    }
}
