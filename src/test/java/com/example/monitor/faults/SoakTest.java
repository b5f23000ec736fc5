package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.PostgresServer;
import com.example.monitor.testing.ProjectFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 200 runs in a row, each with good, failing and (every {@value #SLOW_EVERY}th run) timing-out queries on
 * three databases: threads, the app's server sessions and the heap after GC must stay flat.
 */
@Tag("soak")
@Tag("slow")
class SoakTest extends MonitorTestSupport {

    private static final int RUNS = 200;
    private static final int WARM_UP = 20;
    private static final int SLOW_EVERY = 20;
    private static final String[] DATABASES = {"north", "south", "east"};
    private static final int MAX_POOL = 2;

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private static Path sometimesSlow;

    @BeforeAll
    static void createDatabases() throws Exception {
        project = ProjectFiles.temp("soak-test").on(POSTGRES.server())
                .property("monitor.connect-timeout", "2s")
                .property("monitor.query-timeout", "10s");
        for (String name : DATABASES) {
            project.postgres(name, "CREATE TABLE logins (client_id int, who text, at timestamp)",
                            "INSERT INTO logins SELECT i, 'user' || i, timestamp '2026-11-01' + i * interval '1 minute'"
                                    + " FROM generate_series(1, 50) i")
                    .query("Good", name + "/good.sql", "SELECT client_id, who, at FROM logins WHERE at >= :start_date")
                    .query("Missing table", name + "/missing.sql", "SELECT * FROM no_such_table");
        }
        // the SQL file is read afresh each run, so this query is made slow only on some runs
        project.query("Sometimes slow", "east/sometimes-slow.sql", "SELECT 1 AS one", "timeout: 1s");
        sometimesSlow = project.root().resolve("sql/east/sometimes-slow.sql");
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void twoHundredRunsWithFailingAndTimingOutQueriesKeepThreadsSessionsAndHeapFlat() throws Exception {
        Footprint warm = null;
        long start = System.nanoTime();
        for (int run = 1; run <= RUNS; run++) {
            boolean slow = run % SLOW_EVERY == 0;
            Files.writeString(sometimesSlow, slow ? "SELECT pg_sleep(5)" : "SELECT 1 AS one");

            Exchange done = runAnalysis("2026-11-01T00:10:00");

            assertRun(run, done, slow);
            if (run == WARM_UP) {
                warm = Footprint.measure(POSTGRES.server());
                System.out.println("soak after warm-up: " + warm);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Footprint end = Footprint.measure(POSTGRES.server());
        System.out.println("soak after " + RUNS + " runs (" + took.toMillis() + " ms): " + end);
        System.out.printf("soak growth: threads %+d, sessions %+d, heap %+d KB%n", end.threads() - warm.threads(),
                end.sessions() - warm.sessions(), (end.heapUsed() - warm.heapUsed()) / 1024);

        assertThat(end.threads()).as("live threads").isLessThanOrEqualTo(warm.threads() + 10);
        assertThat(end.sessions()).as("app sessions on the server").isLessThanOrEqualTo(DATABASES.length * MAX_POOL);
        assertThat(end.heapUsed() - warm.heapUsed()).as("heap growth after GC").isLessThan(64L * 1024 * 1024);
        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        assertThat(pools().activeConnections()).isZero();
    }

    private void assertRun(int run, Exchange done, boolean slow) throws Exception {
        assertThat(done.getException()).as("run %d", run).isNull();
        RunReport report = report(done);
        assertThat(report.status()).as("run %d", run).isEqualTo("partial");
        for (String name : DATABASES) {
            assertThat(query(report, name, "Good").status()).as("run %d %s", run, name).isEqualTo("completed");
            assertThat(query(report, name, "Good").rowCount()).as("run %d %s", run, name).isEqualTo(41);
            assertThat(query(report, name, "Missing table").status()).as("run %d %s", run, name).isEqualTo("failed");
            assertThat(query(report, name, "Missing table").error()).as("run %d %s", run, name)
                    .contains("no_such_table");
        }
        RunReport.QueryReport sometimes = query(report, "east", "Sometimes slow");
        if (slow) {
            assertThat(sometimes.status()).as("run %d", run).isEqualTo("failed");
            assertThat(sometimes.error()).as("run %d", run).contains("timed out after 1 s");
        } else {
            assertThat(sometimes.status()).as("run %d", run).isEqualTo("completed");
        }
        assertThat(pools().activeConnections()).as("run %d", run).isZero();
        Files.delete(Path.of(report.reportFile()));
    }

    private record Footprint(int threads, int sessions, long heapUsed) {

        static Footprint measure(PostgresServer postgres) throws Exception {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Footprint(ManagementFactory.getThreadMXBean().getThreadCount(),
                    postgres.sessionsOfApplication(), heap);
        }

        @Override
        public String toString() {
            return "threads=" + threads + " sessions=" + sessions + " heapUsedAfterGc=" + heapUsed / 1024 + " KB";
        }
    }
}
