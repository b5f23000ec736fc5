package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.database;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReport.DatabaseReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.SilentServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host that accepts TCP and never answers fails its database after the connect timeout, and only it, for
 * PostgreSQL (its driver bounds the logon) and H2 over TCP (the app does).
 */
class ConnectTimeoutTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static SilentServer silent;
    private static ProjectFiles project;

    @BeforeAll
    static void createDatabases() throws Exception {
        silent = new SilentServer();
        project = ProjectFiles.temp("connect-timeout-test").on(POSTGRES.server())
                // extra lines follow the properties: block, so the deeper indent adds a driver property;
                // without SSL negotiation the driver goes straight to a logon read on the silent socket
                .database("wedged", silent.postgresUrl(), "  sslmode: disable", "connect_timeout: 2s")
                .query("Never answers", "wedged/first.sql", "SELECT 1")
                .query("Never answers either", "wedged/second.sql", "SELECT 2")
                // H2's TCP client reads the handshake with no timeout of its own: the app bounds the logon
                .database("wedged-h2", "jdbc:h2:tcp://127.0.0.1:" + silent.port() + "/mem:silent", "connect_timeout: 2s")
                .query("Never answers on H2", "wedged-h2/first.sql", "SELECT 1")
                .database("crm", POSTGRES.server().createDatabase("crm",
                        "CREATE TABLE logins (client_id int)", "INSERT INTO logins VALUES (1), (2)"), "connect_timeout: 1s")
                .query("Logins", "crm/logins.sql", "SELECT client_id FROM logins ORDER BY client_id")
                // the connect timeout bounds the logon only, never a query's reads
                .query("Longer than the connect timeout", "crm/slow.sql", "SELECT pg_sleep(2.5), 'done' AS outcome")
                // the per-database connect_timeout must win over this global one, or the run takes a minute
                .property("monitor.connect-timeout", "60s")
                .property("monitor.query-timeout", "10s")
                .write();
    }

    @AfterAll
    static void stopServers() throws Exception {
        silent.close();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void silentHostFailsAfterConnectTimeoutAndTheOtherDatabaseCompletes() throws Exception {
        long start = System.nanoTime();
        Exchange done = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runAnalysis("2026-10-29"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("run with a silent database took %d ms%n", took.toMillis());

        assertThat(done.getException()).isNull();
        RunReport report = report(done);
        DatabaseReport wedged = database(report, "wedged");
        assertThat(wedged.status()).isEqualTo("failed");
        assertThat(wedged.error()).containsIgnoringCase("timed out");
        assertThat(wedged.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped", "skipped");
        DatabaseReport wedgedH2 = database(report, "wedged-h2");
        assertThat(wedgedH2.status()).isEqualTo("failed");
        assertThat(wedgedH2.error()).contains("no answer from the database within the connect timeout (2s)");
        assertThat(wedgedH2.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped");
        assertThat(database(report, "crm").status()).isEqualTo("completed");
        assertThat(query(report, "crm", "Logins").status()).isEqualTo("completed");
        assertThat(query(report, "crm", "Logins").rowCount()).isEqualTo(2);
        List<Map<String, Object>> logins = results(done).get("crm").get("Logins");
        assertThat(logins).extracting(row -> row.get("client_id")).containsExactly(1, 2);
        assertThat(query(report, "crm", "Longer than the connect timeout").status()).isEqualTo("completed");
        assertThat(results(done).get("crm").get("Longer than the connect timeout"))
                .extracting(row -> row.get("outcome")).containsExactly("done");
        assertThat(report.status()).isEqualTo("partial");
        // bounded by the database's 2 s connect timeout, not the 60 s global one
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(Path.of(report.reportFile())).exists();

        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        assertThat(pools().activeConnections()).isZero();
        // the driver's logon thread reading from the silent host is not left blocked either
        await().atMost(Duration.ofSeconds(8)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("PostgreSQL JDBC driver connection thread")));
        // H2's, still reading until its network timeout, is a daemon: it cannot keep the JVM from exiting
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("logon-wedged-h2"))
                .allMatch(Thread::isDaemon);
    }
}
