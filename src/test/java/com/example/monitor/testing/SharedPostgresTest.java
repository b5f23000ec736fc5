package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The JVM-wide server that {@link PostgresExtension} hands out: classes share it, yet what one class
 * leaves (databases, sessions) is neither seen nor counted by the next.
 */
class SharedPostgresTest {

    @Test
    void everyClassGetsTheSameServer() throws Exception {
        try (PostgresServer first = PostgresServer.shared("First"); PostgresServer second = PostgresServer.shared("Second")) {
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(second.applicationName()).isNotEqualTo(first.applicationName());
        }
    }

    @Test
    void aProjectConnectsUnderTheNameOfTheClassThatCreatedItsDatabase() throws Exception {
        try (PostgresServer creator = PostgresServer.shared("Creator")) {
            String url = creator.createDatabase("shared_pg_creator");

            assertThat(PostgresServer.applicationNameFor(url)).isEqualTo(creator.applicationName());
            assertThat(PostgresServer.applicationNameFor(url + "?sslmode=disable")).isEqualTo(creator.applicationName());
            assertThat(PostgresServer.applicationNameFor("jdbc:h2:mem:other")).isEqualTo(PostgresServer.APPLICATION_NAME);
        }
    }

    @Test
    void sessionsOfAnotherClassAreNotCounted() throws Exception {
        try (PostgresServer mine = PostgresServer.shared("Mine"); PostgresServer theirs = PostgresServer.shared("Theirs");
             Connection session = connect(theirs, theirs.createDatabase("shared_pg_theirs"))) {
            assertThat(theirs.sessionsOfApplication()).isEqualTo(1);
            assertThat(mine.sessionsOfApplication()).isZero();
        }
    }

    @Test
    void aClassNameTooLongForPostgresStillFindsItsSessions() throws Exception {
        try (PostgresServer view = PostgresServer.shared("A".repeat(100));
             Connection session = connect(view, view.createDatabase("shared_pg_long_name"))) {
            assertThat(view.sessionsOfApplication()).isEqualTo(1);
        }
    }

    @Test
    void closingAClassesViewDropsItsDatabasesAndEndsItsSessions() throws Exception {
        PostgresServer leaving = PostgresServer.shared("Leaving");
        String url = leaving.createDatabase("shared_pg_leaving", "CREATE TABLE t (id int)");
        try (PostgresServer next = PostgresServer.shared("Next"); Connection left = connect(leaving, url)) {
            leaving.close();

            assertThat(databaseExists(next, "shared_pg_leaving")).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> leaving.sessionsOfApplication() == 0);
            assertThatThrownBy(() -> left.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    private static Connection connect(PostgresServer server, String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("ApplicationName", server.applicationName());
        return DriverManager.getConnection(url, properties);
    }

    private static boolean databaseExists(PostgresServer server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("postgres"), "postgres", "");
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
