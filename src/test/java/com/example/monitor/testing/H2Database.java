package com.example.monitor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory H2 database of a test class, beside its PostgreSQL ones: a connection to it is open from
 * before the class's {@code @BeforeAll} methods (which create its tables with {@link #execute}) to after
 * the class. It takes the user and password {@link ProjectFiles#database} writes for every database.
 * Register with {@code @RegisterExtension static final H2Database H2 = new H2Database("jdbc:h2:mem:...");}.
 */
public final class H2Database implements BeforeAllCallback, AfterAllCallback {

    private final String url;
    private Connection connection;

    /** The URL names the database and its mode; {@code DB_CLOSE_DELAY=-1} keeps it between connections. */
    public H2Database(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** A new connection of its own, for the caller to close. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** Runs each statement, in order, on the class's connection. */
    public void execute(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        connection = connect();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        connection.close();
    }
}
