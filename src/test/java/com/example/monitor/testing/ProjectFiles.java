package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a databases.yaml and its SQL files into a folder, the way a user lays them out. */
public final class ProjectFiles {

    private final Path root;
    private final StringBuilder yaml = new StringBuilder("databases:\n");

    public ProjectFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path databasesFile() {
        return root.resolve("databases.yaml");
    }

    public Path outputDir() {
        return root.resolve("output");
    }

    /** Starts a database entry; follow with {@link #query}. Password auth, trusted by the test server. */
    public ProjectFiles database(String name, String url, String... extraYamlLines) {
        yaml.append("  - name: ").append(name).append('\n')
                .append("    url: \"").append(url).append("\"\n")
                .append("    auth: password\n")
                .append("    username: postgres\n")
                .append("    password: postgres\n")
                .append("    properties:\n")
                .append("      ApplicationName: ").append(PostgresServer.APPLICATION_NAME).append('\n');
        for (String line : extraYamlLines) {
            yaml.append("    ").append(line).append('\n');
        }
        yaml.append("    sql_queries:\n");
        return this;
    }

    public ProjectFiles query(String name, String fileName, String sql, String... extraYamlLines) {
        yaml.append("      - name: ").append(name).append('\n')
                .append("        query_location: sql/").append(fileName).append('\n');
        for (String line : extraYamlLines) {
            yaml.append("        ").append(line).append('\n');
        }
        write(root.resolve("sql").resolve(fileName), sql);
        return this;
    }

    public Path write() {
        write(databasesFile(), yaml.toString());
        return databasesFile();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
