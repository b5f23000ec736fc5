package com.example.monitor.config;

import com.example.monitor.sql.CheckedSql;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code sql_queries} entries of one database into {@link QueryConfig}: duplicate names,
 * {@code ${env:...}} values and the SQL files they point to. Their shape is checked by the schema.
 */
final class QueryEntryReader {
    private static final String POSITIVE = "a whole number of at least 1";

    private final ConfigFileContext file;
    private final String listPointer;
    private final Map<String, Integer> positionByName = new HashMap<>();

    QueryEntryReader(ConfigFileContext file, String listPointer) {
        this.file = file;
        this.listPointer = listPointer;
    }

    /** @param position 1-based; the result is empty when anything in the entry is wrong */
    Optional<QueryConfig> read(JsonNode entry, int position, Problems.Scope scope) {
        if (!entry.isObject()) {
            return Optional.empty();
        }
        MappingReader reader = file.mapping(entry, listPointer + "/" + (position - 1), scope, "");
        Optional<String> name = reader.text("name").map(text -> {
            Integer earlier = positionByName.putIfAbsent(text.value(), position);
            if (earlier != null) {
                reader.report("name", "duplicate query name " + text.shown() + " (also used by query #" + earlier
                        + " of this database)");
            }
            return text.value();
        });
        Optional<SqlFile> location = reader.text("query_location").flatMap(text -> sqlFile(reader, text));
        Optional<Duration> timeout = reader.wholeSeconds("timeout");
        Optional<Integer> fetchSize = reader.integer("fetch_size", 1, Integer.MAX_VALUE, POSITIVE);
        Optional<Integer> maxRows = reader.integer("max_rows", 1, Integer.MAX_VALUE, POSITIVE);

        if (name.isEmpty() || location.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueryConfig(name.get(), location.get().path(), timeout.orElse(null),
                fetchSize.orElse(null), maxRows.orElse(null), location.get().sql()));
    }

    /** Resolves against the folder of databases.yaml, then checks the file is readable and holds one SELECT. */
    private Optional<SqlFile> sqlFile(MappingReader reader, MappingReader.Text location) {
        Path path;
        try {
            path = file.baseDirectory().resolve(location.value()).toAbsolutePath().normalize();
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
