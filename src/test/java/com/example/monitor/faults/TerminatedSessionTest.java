package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.activeQueriesLike;
import static com.example.monitor.faults.Outcomes.database;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A DBA's pg_terminate_backend mid-query fails that query only; the rest run on a fresh connection. */
class TerminatedSessionTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return LoginsDatabase.afterFaultyQuery("terminated-session-test", POSTGRES.server(),
                        "Killed", "crm/killed.sql", "SELECT pg_sleep(30)")
                .query("Count", "crm/count.sql", "SELECT count(*) AS n FROM logins")
                .property("monitor.query-timeout", "1m")
                .write();
    }

    @Test
    void terminatedSessionFailsItsQueryAndTheFollowingQueriesComplete() throws Exception {
        Future<Exchange> running = template.asyncSend("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(MonitorConstants.START_DATE_HEADER, "2026-10-29"));
        await().atMost(Duration.ofSeconds(20)).until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep").size() == 1);

        assertThat(POSTGRES.server().terminateActiveSessionsOfApplication()).isEqualTo(1);
        Exchange done = running.get(10, TimeUnit.SECONDS);

        assertThat(done.getException()).isNull();
        RunReport report = report(done);
        QueryReport killed = query(report, "crm", "Killed");
        assertThat(killed.status()).isEqualTo("failed");
        assertThat(killed.error()).containsAnyOf("terminat", "connection", "I/O");
        assertThat(killed.error()).doesNotContain("timed out");
        assertThat(query(report, "crm", "Logins").status()).isEqualTo("completed");
        assertThat(results(done).get("crm").get("Logins"))
                .containsExactly(Map.of("client_id", 1, "who", "ann"), Map.of("client_id", 2, "who", "bob"));
        assertThat(query(report, "crm", "Count").status()).isEqualTo("completed");
        assertThat(results(done).get("crm").get("Count")).containsExactly(Map.of("n", 2L));
        assertThat(database(report, "crm").status()).isEqualTo("completed");
        assertThat(report.status()).isEqualTo("partial");

        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        assertThat(pools().activeConnections()).isZero();
        // the broken connection was discarded: every connection left idle in the pool has a live session
        assertThat(pools().pool("crm").getNumIdle()).isPositive()
                .isLessThanOrEqualTo(POSTGRES.server().sessionsOfApplication());
    }
}
