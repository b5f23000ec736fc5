package com.example.monitor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The invariant every whole-app test checks through {@link ReportFiles} and {@link MonitorTestSupport}:
 * each database of the databases.yaml a run used is in its report, in the file's order. A monitor that
 * silently stops watching a database is worse than none.
 */
public final class ConfiguredDatabases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path databasesFile;

    public ConfiguredDatabases(Path databasesFile) {
        this.databasesFile = databasesFile;
    }

    /** The names in databases.yaml, in its order. */
    public List<String> names() {
        try {
            List<String> names = new ArrayList<>();
            YAML.readTree(databasesFile.toFile()).path("databases").forEach(entry -> names.add(entry.path("name").asText()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws AssertionError naming the run and the databases it left out or added */
    public JsonNode assertAllIn(JsonNode report) {
        List<String> reported = new ArrayList<>();
        report.path("databases").fieldNames().forEachRemaining(reported::add);
        List<String> configured = names();
        if (!reported.equals(configured)) {
            throw new AssertionError("run " + report.path("runId").asText() + " reports databases " + reported
                    + ", but " + databasesFile + " configures " + configured);
        }
        return report;
    }
}
