package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.activeQueriesLike;
import static com.example.monitor.faults.Outcomes.database;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A query past its timeout is cancelled on the server and fails alone; the database's next query runs. */
class QueryTimeoutTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return LoginsDatabase.afterFaultyQuery("query-timeout-test", POSTGRES.server(),
                        "Slow", "crm/slow.sql", "SELECT pg_sleep(30)", "timeout: 1s")
                // rows trickle in: every fetch of 5 rows keeps the server busy for 0.1 s, long after
                // the statement's execution (which the driver's own timeout covers) is over
                .postgres("feed")
                .query("Trickle", "feed/trickle.sql",
                        "SELECT generate_series(1, 100000) AS id, pg_sleep(0.02) AS pause",
                        "timeout: 2s", "fetch_size: 5")
                // the per-query timeouts must win over this
                .property("monitor.query-timeout", "1m")
                .write();
    }

    @Test
    void rowsStillComingAfterTheQueryTimeoutAreCancelledOnTheServer() throws Exception {
        Exchange done = runAnalysis("2026-10-29");

        QueryReport trickle = query(report(done), "feed", "Trickle");
        assertThat(trickle.status()).isEqualTo("failed");
        assertThat(trickle.error()).contains("timed out after 2 s");
        assertThat(trickle.rowCount()).isNull();
        // the 2 s timeout, a second of grace for the driver's own, then the cancel: well before the
        // 10 s it takes to read the first 512 rows
        assertThat(trickle.elapsedMs()).isBetween(1_900L, 6_000L);
        await().atMost(Duration.ofSeconds(2)).until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep").isEmpty());
        assertThat(pools().activeConnections()).isZero();
    }

    @Test
    void queryPastItsTimeoutFailsWithTimedOutAndTheNextQueryCompletes() throws Exception {
        long start = System.nanoTime();
        Exchange done = runAnalysis("2026-10-29");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("run with a 1 s query timeout took %d ms%n", took.toMillis());

        RunReport report = report(done);
        QueryReport slow = query(report, "crm", "Slow");
        assertThat(slow.status()).isEqualTo("failed");
        assertThat(slow.error()).contains("timed out after 1 s");
        assertThat(slow.rowCount()).isNull();
        assertThat(slow.elapsedMs()).isBetween(900L, 5_000L);
        QueryReport logins = query(report, "crm", "Logins");
        assertThat(logins.status()).isEqualTo("completed");
        assertThat(logins.rowCount()).isEqualTo(2);
        assertThat(results(done).get("crm").get("Logins"))
                .containsExactly(Map.of("client_id", 1, "who", "ann"), Map.of("client_id", 2, "who", "bob"));
        assertThat(database(report, "crm").status()).isEqualTo("completed");
        assertThat(report.status()).isEqualTo("partial");
        assertThat(took).isLessThan(Duration.ofSeconds(10));

        // the sleep was cancelled on the server, not left running after the client stopped waiting
        assertThat(activeQueriesLike(POSTGRES.server(), "pg_sleep")).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        assertThat(pools().activeConnections()).isZero();
    }
}
