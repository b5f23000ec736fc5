package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The SQL files and one databases.yaml per case, in a folder, and the floor's matching targets
 * ({@code name=jdbcUrl}). Password auth as postgres, {@code ApplicationName: bench}, fetch size 1000.
 */
final class CaseFiles {

    private final Path dir;
    private final BenchDatabase database;

    CaseFiles(Path dir, BenchDatabase database) {
        this.dir = dir;
        this.database = database;
    }

    Path rowsSql() {
        return dir.resolve("rows.sql");
    }

    Path smallSql() {
        return dir.resolve("small.sql");
    }

    Path sleepSql() {
        return dir.resolve("sleep.sql");
    }

    Path largeYaml() {
        return dir.resolve("large.yaml");
    }

    Path smallYaml(int databases) {
        return dir.resolve("small-" + databases + ".yaml");
    }

    Path sleepYaml(int databases) {
        return dir.resolve("sleep-" + databases + ".yaml");
    }

    void write(int smallDatabases, List<Integer> parallelNs) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(rowsSql(), """
                -- the large result: every row of bench.activity (6 columns)
                SELECT id, name, amount, changed_at, client_id, note
                  FROM activity
                 WHERE changed_at >= :start_date;
                """);
        Files.writeString(smallSql(), """
                -- a small result: 10 rows x 3 columns
                SELECT id, name, changed_at
                  FROM events
                 WHERE changed_at >= :start_date;
                """);
        Files.writeString(sleepSql(), """
                -- a query that takes 1 s on the server
                SELECT 1 AS slept FROM pg_sleep(1);
                """);
        Files.writeString(largeYaml(), "databases:\n" + entry("bench", "bench", rowsSql(), "rows"));
        Files.writeString(smallYaml(1), yaml(1, smallSql(), "events"));
        Files.writeString(smallYaml(smallDatabases), yaml(smallDatabases, smallSql(), "events"));
        for (int n : parallelNs) {
            Files.writeString(sleepYaml(n), yaml(n, sleepSql(), "sleep 1s"));
        }
    }

    /** The floor's arguments for the bench database. */
    List<String> largeTargets() {
        return List.of("bench=" + database.url("bench"));
    }

    /** The floor's arguments for the first n small databases. */
    List<String> smallTargets(int n) {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = BenchDatabase.smallName(i);
            targets.add(name + "=" + database.url(name));
        }
        return targets;
    }

    private String yaml(int databases, Path sql, String queryName) {
        StringBuilder yaml = new StringBuilder("databases:\n");
        IntStream.rangeClosed(1, databases).mapToObj(BenchDatabase::smallName)
                .forEach(name -> yaml.append(entry(name, name, sql, queryName)));
        return yaml.toString();
    }

    private String entry(String name, String databaseName, Path sql, String queryName) {
        return """
                  - name: %s
                    url: "%s"
                    auth: password
                    username: postgres
                    password: bench
                    properties:
                      ApplicationName: bench
                    sql_queries:
                      - name: %s
                        query_location: %s
                        fetch_size: 1000
                """.formatted(name, database.url(databaseName), queryName, sql.getFileName());
    }
}
