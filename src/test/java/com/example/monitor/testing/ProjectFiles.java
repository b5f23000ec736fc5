package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A test's project, laid out the way a user lays it out: a databases.yaml, its SQL files, and the
 * {@code monitor.*} properties the application starts with ({@link MonitorTestSupport} applies them).
 * With a PostgreSQL server ({@link #on}), {@link #postgres} creates a database and adds its entry in
 * one step:
 *
 * <pre>{@code
 * ProjectFiles.temp("query-timeout-test").on(POSTGRES.server())
 *         .postgres("crm", "CREATE TABLE logins (client_id int)")
 *         .query("Slow", "crm/slow.sql", "SELECT pg_sleep(30)", "timeout: 1s")
 *         .property("monitor.connect-timeout", "2s")
 *         .write();
 * }</pre>
 */
public final class ProjectFiles {

    private final Path root;
    private final StringBuilder yaml = new StringBuilder("databases:\n");
    private final Properties properties = new Properties();
    private PostgresServer server;

    public ProjectFiles(Path root) {
        this.root = root;
    }

    /** A project in a new temp folder whose name starts with the prefix. */
    public static ProjectFiles temp(String prefix) {
        try {
            return new ProjectFiles(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server {@link #postgres} creates its databases on. */
    public ProjectFiles on(PostgresServer postgres) {
        this.server = postgres;
        return this;
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
                .append("    password: postgres\n");
        if (url.startsWith("jdbc:postgresql:")) {
            // the name of the test class that created the database, so its session helpers find these sessions
            yaml.append("    properties:\n")
                    .append("      ApplicationName: ").append(PostgresServer.applicationNameFor(url)).append('\n');
        }
        for (String line : extraYamlLines) {
            yaml.append("    ").append(line).append('\n');
        }
        yaml.append("    sql_queries:\n");
        return this;
    }

    /**
     * Creates the database on the server given to {@link #on} (dropping an older one of that name),
     * runs the statements in it, and starts its entry; follow with {@link #query}.
     */
    public ProjectFiles postgres(String name, String... statements) throws SQLException {
        if (server == null) {
            throw new IllegalStateException("say which server first: on(POSTGRES.server())");
        }
        return database(name, server.createDatabase(name, statements));
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

    /** A PostgreSQL URL on a port that was free a moment ago and that nothing listens on: connections are refused. */
    public static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/nothing";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The two failing databases the metrics' alerts tell apart: "broken", on the url, whose only query reads a
     * table that is not there, and "unreachable", at the unreachable URL, whose only query never runs.
     */
    public ProjectFiles brokenAndUnreachable(String url, String unreachableUrl) {
        return database("broken", url)
                .query("Broken", "broken/broken.sql", "SELECT * FROM no_such_table\n")
                .database("unreachable", unreachableUrl)
                .query("Never", "unreachable/never.sql", "SELECT 1 AS one\n");
    }

    /** A property the application starts with, such as {@code monitor.query-timeout}. */
    public ProjectFiles property(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    /** A copy of the properties set with {@link #property}. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** Writes databases.yaml; the SQL files are written as they are added. */
    public ProjectFiles write() {
        write(databasesFile(), yaml.toString());
        return this;
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
