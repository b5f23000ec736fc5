package com.example.monitor.config;

import com.example.monitor.sql.CheckedSql;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates the {@code sql_queries} entries of one database, including the SQL files they point to. */
final class QueryEntryReader {
    static final List<String> KEYS = List.of("name", "query_location", "timeout", "fetch_size", "max_rows");
    private static final String POSITIVE = "a whole number of at least 1";

    private final Path baseDirectory;
    private final EnvironmentSubstitution environment;
    private final Problems.Scope databaseScope;
    private final Map<String, Integer> positionByName = new HashMap<>();

    QueryEntryReader(Path baseDirectory, EnvironmentSubstitution environment, Problems.Scope databaseScope) {
        this.baseDirectory = baseDirectory;
        this.environment = environment;
        this.databaseScope = databaseScope;
    }

    /** @param position 1-based, used to name queries that have no usable name */
    Optional<QueryConfig> read(JsonNode entry, int position) {
        JsonNode rawName = entry.get("name");
        Problems.Scope scope = databaseScope.query(rawName != null && rawName.isTextual()
                ? "query '" + rawName.textValue() + "'"
                : "query #" + position);
        if (!entry.isObject()) {
            scope.report("must be a mapping with keys " + String.join(", ", KEYS) + ", not "
                    + MappingReader.describe(entry));
            return Optional.empty();
        }
        int problemsBefore = scope.problems().count();
        MappingReader reader = new MappingReader(entry, scope, environment, "", KEYS);

        Optional<String> name = reader.text("name", true).map(text -> {
            Integer earlier = positionByName.putIfAbsent(text.value(), position);
            if (earlier != null) {
                reader.report("name", "duplicate query name " + text.shown() + " (also used by query #" + earlier
                        + " of this database)");
            }
            return text.value();
        });
        Optional<SqlFile> location = reader.text("query_location", true).flatMap(text -> sqlFile(reader, text));
        Optional<Duration> timeout = reader.duration("timeout");
        Optional<Integer> fetchSize = reader.integer("fetch_size", 1, Integer.MAX_VALUE, POSITIVE);
        Optional<Integer> maxRows = reader.integer("max_rows", 1, Integer.MAX_VALUE, POSITIVE);

        if (scope.problems().count() != problemsBefore || name.isEmpty() || location.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueryConfig(name.get(), location.get().path(), timeout.orElse(null),
                fetchSize.orElse(null), maxRows.orElse(null), location.get().sql()));
    }

    /** Resolves against the folder of databases.yaml, then checks the file is readable and holds one SELECT. */
    private Optional<SqlFile> sqlFile(MappingReader reader, MappingReader.Text location) {
        Path path;
        try {
            path = baseDirectory.resolve(location.value()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            reader.report("query_location", location.shown() + " is not a valid path (" + e.getReason() + ")");
            return Optional.empty();
        }
        return SqlFileReader.read(path, problem -> reader.report("query_location", problem))
                .map(sql -> new SqlFile(path, sql));
    }

    private record SqlFile(Path path, CheckedSql sql) {
    }
}
