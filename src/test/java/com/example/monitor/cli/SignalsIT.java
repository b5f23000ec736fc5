package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.monitor.testing.Inbox;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, SIGINT and SIGHUP sent to the packaged jar in a child process while a query runs: a
 * one-shot run is cancelled, writes its partial report and exits 143 or 130 (SIGHUP as SIGTERM); a
 * second SIGTERM before the report exits 1, never a code that promises the report; the service
 * cancels its run, writes the report and exits 0 within 10 s. The long query is an H2 scan that runs
 * for minutes unless cancelled.
 */
@PackagedJar
class SignalsIT {

    private static final String RUNNING = "query=\"Long sum\" status=running";
    private static final Duration STARTS_RUNNING = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sigtermDuringAOneShotRunWritesACancelledReportAndExits143() throws Exception {
        writeSlowProject(dir);
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir).args("--monitor.start-date=2026-10-01").start()) {
            monitor.awaitLog(RUNNING, STARTS_RUNNING);

            Stopped stopped = stop(monitor, monitor::sigterm, "SIGTERM (once)");

            assertCancelledOnceRun(stopped, 143, monitor);
            assertThat(monitor.log()).contains("SIGTERM received");
        }
    }

    @Test
    void sigintDuringAOneShotRunWritesACancelledReportAndExits130() throws Exception {
        writeSlowProject(dir);
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir).args("--monitor.start-date=2026-10-01").start()) {
            assumeFalse(monitor.ignoresSigint(), "SIGINT is ignored in this environment (inherited SIG_IGN)");
            monitor.awaitLog(RUNNING, STARTS_RUNNING);

            Stopped stopped = stop(monitor, monitor::sigint, "SIGINT (once)");

            assertCancelledOnceRun(stopped, 130, monitor);
        }
    }

    @Test
    void sighupDuringAOneShotRunIsTreatedAsSigtermWritesACancelledReportAndExits143() throws Exception {
        writeSlowProject(dir);
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir).args("--monitor.start-date=2026-10-01").start()) {
            monitor.awaitLog(RUNNING, STARTS_RUNNING);

            Stopped stopped = stop(monitor, monitor::sighup, "SIGHUP (once)");

            assertCancelledOnceRun(stopped, 143, monitor);
            assertThat(monitor.log()).contains("SIGHUP received");
        }
    }

    @Test
    void aDoubleSigtermDuringAOneShotRunExitsWithACodeTheTableHoldsTrue() throws Exception {
        writeSlowProject(dir);
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir).args("--monitor.start-date=2026-10-01").start()) {
            monitor.awaitLog(RUNNING, STARTS_RUNNING);

            monitor.sigtermTwice();
            int exit = monitor.awaitExit(Duration.ofSeconds(10));

            List<JsonNode> reports = new ReportFiles(dir.resolve("output")).all();
            System.out.printf("SIGTERM twice: exit %d, %d report(s)%n", exit, reports.size());
            assertThat(monitor.log()).contains("SIGTERM received");
            if (monitor.log().contains("SIGTERM again: exiting without waiting")) {
                // the second came while the cancelled run was still in flight: 1 says no report was promised
                assertThat(exit).as(monitor.log()).isEqualTo(1);
                assertThat(monitor.log()).contains("error: stopped by a second SIGTERM before the cancelled run's"
                        + " report was written");
            } else {
                // the second came once the run had ended: 143, and the partial report is there as 143 says
                assertThat(exit).as(monitor.log()).isEqualTo(143);
                assertThat(reports).singleElement().satisfies(report -> assertCancelledRun(report, "cli"));
            }
        }
    }

    @Test
    void sigtermDuringAServiceRunWritesItsReportAndExitsCleanlyWithinTenSeconds() throws Exception {
        writeSlowProject(dir);
        Inbox inbox = new Inbox(dir.resolve("inbox"));
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.inbox-dir=inbox", "--monitor.inbox-read-lock-interval=200ms")
                .start()) {
            monitor.awaitLog("service started", STARTS_RUNNING);
            inbox.drop("request.json", "{\"startDate\": \"2026-10-01\"}");
            monitor.awaitLog(RUNNING, STARTS_RUNNING);

            Stopped stopped = stop(monitor, monitor::sigterm, "SIGTERM (service)");

            assertThat(stopped.exit).as(monitor.log()).isZero();
            assertCancelledRun(stopped.report, "file:request.json");
            assertThat(stopped.toReport).isLessThan(Duration.ofSeconds(2));
            assertThat(inbox.doneFiles()).as("request moved to .done after its run").contains("request.json");
            assertThat(inbox.has("request.json")).isFalse();
        }
    }

    /**
     * The server's "listening" line comes while Camel is still starting: a SIGTERM sent the moment it
     * appears used to reach Camel Main's shutdown hook instead of ours, which waited 25 s for a context
     * nobody stopped and then exited 143.
     */
    @Test
    void sigtermTheMomentTheServerListensStopsTheServiceCleanlyWithinTenSeconds() throws Exception {
        writeSlowProject(dir);
        try (MonitorProcess monitor = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.schedule=1h", "--monitor.http.port=0",
                        "--monitor.http.token=signals-it-token")
                .start()) {
            // polled every 2 ms, not awaitLog's 100 ms: the old window after this line was a few ms long
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(STARTS_RUNNING)
                    .until(() -> monitor.log().contains("HTTP server on"));
            long signalled = System.nanoTime();
            monitor.sigterm();

            int exit = monitor.awaitExit(Duration.ofSeconds(10));

            System.out.printf("SIGTERM while starting: exit after %d ms%n", (System.nanoTime() - signalled) / 1_000_000);
            assertThat(exit).as(monitor.log()).isZero();
            assertThat(monitor.log()).contains("SIGTERM received").contains("service stopping")
                    .doesNotContain("Forcing shutdown");
        }
    }

    /** Sends the signal and waits up to 10 s for the exit; the times are measured from the signal. */
    private Stopped stop(MonitorProcess monitor, Runnable signal, String what) {
        Instant signalled = Instant.now();
        long signalledNanos = System.nanoTime();
        signal.run();
        int exit = monitor.awaitExit(Duration.ofSeconds(10));
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalledNanos);
        JsonNode report = new ReportFiles(dir.resolve("output")).only();
        Duration toReport = Duration.between(signalled, ReportFiles.finishedAt(report));
        System.out.printf("%s: report after %d ms, exit after %d ms%n", what, toReport.toMillis(), toExit.toMillis());
        return new Stopped(exit, report, toReport, toExit);
    }

    private record Stopped(int exit, JsonNode report, Duration toReport, Duration toExit) {
    }

    /** Exit code as given, partial report within 2 s of the signal, exit within 5 s. */
    private static void assertCancelledOnceRun(Stopped stopped, int exitCode, MonitorProcess monitor) {
        assertThat(stopped.exit).as(monitor.log()).isEqualTo(exitCode);
        assertCancelledRun(stopped.report, "cli");
        assertThat(stopped.toReport).isLessThan(Duration.ofSeconds(2));
        assertThat(stopped.toExit).isLessThan(Duration.ofSeconds(5));
    }

    private static void assertCancelledRun(JsonNode report, String trigger) {
        assertThat(report.get("trigger").asText()).isEqualTo(trigger);
        assertThat(report.get("status").asText()).isEqualTo("cancelled");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        JsonNode queries = report.at("/databases/slow/queries");
        // finished before the signal: kept
        assertThat(queries.at("/Quick count/status").asText()).isEqualTo("completed");
        assertThat(queries.at("/Quick count/rows/0/N").asInt()).isEqualTo(3);
        assertThat(queries.at("/Long sum/status").asText()).isEqualTo("cancelled");
        assertThat(queries.at("/After the sum/status").asText()).isEqualTo("cancelled");
    }

    /** One H2 database in Oracle mode: a quick query, one that runs for minutes, and one after it. */
    private static void writeSlowProject(Path root) throws IOException {
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/quick.sql"),
                "SELECT COUNT(*) AS n FROM SYSTEM_RANGE(1, 3) WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("sql/long.sql"),
                "SELECT SUM(X * RAND()) AS s FROM SYSTEM_RANGE(1, 5000000000) WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("sql/after.sql"), "SELECT 1 AS one FROM DUAL WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("databases.yaml"), """
                databases:
                  - name: slow
                    url: "jdbc:h2:mem:slow;MODE=Oracle;DB_CLOSE_DELAY=-1"
                    auth: password
                    username: sa
                    password: sa
                    sql_queries:
                      - name: Quick count
                        query_location: sql/quick.sql
                      - name: Long sum
                        query_location: sql/long.sql
                      - name: After the sum
                        query_location: sql/after.sql
                """);
    }
}
