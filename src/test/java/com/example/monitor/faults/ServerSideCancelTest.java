package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.activeQueriesLike;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A statement the server or a DBA cancels fails with the driver's words and SQLState, never as our query
 * timeout: both end with the SQLState 57014 our own timeout gives, and the advice for each differs.
 */
class ServerSideCancelTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("server-side-cancel-test").on(POSTGRES.server())
                .postgres("strict", "ALTER DATABASE strict SET statement_timeout = '300ms'")
                .query("Past the server's timeout", "strict/slow.sql", "SELECT pg_sleep(20)")
                .postgres("watched")
                .query("Cancelled by a DBA", "watched/slow.sql", "SELECT pg_sleep(21)")
                .property("monitor.connect-timeout", "5s")
                .property("monitor.query-timeout", "30m")
                .write();
    }

    @Test
    void aServersStatementTimeoutAndADbasCancelKeepTheDriversMessageAndSqlState() throws Exception {
        Future<Exchange> running = template.asyncSend("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(MonitorConstants.START_DATE_HEADER, "2026-10-29"));
        // the server ends its own statement after 0.3 s; then the DBA cancels the other one
        await().atMost(Duration.ofSeconds(20)).until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep(21)").size() == 1
                && activeQueriesLike(POSTGRES.server(), "pg_sleep(20)").isEmpty());

        assertThat(POSTGRES.server().cancelActiveQueriesOfApplication()).isEqualTo(1);
        Exchange done = running.get(20, TimeUnit.SECONDS);

        RunReport report = report(done);
        QueryReport serverTimeout = query(report, "strict", "Past the server's timeout");
        assertThat(serverTimeout.status()).isEqualTo("failed");
        assertThat(serverTimeout.error()).contains("canceling statement due to statement timeout")
                .contains("SQLState 57014").contains("not by the query timeout of 1800 s")
                .doesNotContain("timed out after");
        QueryReport cancelled = query(report, "watched", "Cancelled by a DBA");
        assertThat(cancelled.status()).isEqualTo("failed");
        assertThat(cancelled.error()).contains("canceling statement due to user request").contains("SQLState 57014")
                .doesNotContain("timed out after");
        assertThat(report.status()).isEqualTo("partial");
        assertThat(pools().activeConnections()).isZero();
    }
}
