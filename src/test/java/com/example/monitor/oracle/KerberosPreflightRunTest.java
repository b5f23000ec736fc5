package com.example.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProgressRecorder;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kerberos Oracle database whose ticket cache is missing, in a whole run. The "Oracle host" is a local
 * listening socket that never accepts on its own: a driver that connected would leave its connection in
 * the socket's backlog, where a non-blocking accept after the run finds it.
 */
class KerberosPreflightRunTest extends MonitorTestSupport {

    private static ProjectFiles project;
    private static ServerSocketChannel oracleHost;
    private static Path missingCache;

    @RegisterExtension
    final ProgressRecorder recorder = new ProgressRecorder();

    @BeforeAll
    static void writeProject() throws Exception {
        oracleHost = ServerSocketChannel.open();
        oracleHost.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        oracleHost.configureBlocking(false);
        Path root = Files.createTempDirectory("kerberos-preflight");
        missingCache = root.resolve("krb5cc_nobody");
        project = new ProjectFiles(root);
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/emails.sql"), "SELECT client_id FROM client_email_changes"
                + " WHERE changed_at >= :start_date\n");
        Files.writeString(root.resolve("sql/tokens.sql"), "SELECT client_id FROM client_token_changes"
                + " WHERE changed_at >= :start_date\n");
        Files.writeString(project.databasesFile(), """
                databases:
                  - name: clients
                    host: 127.0.0.1
                    port: %d
                    service_name: CLIENTS
                    auth: kerberos
                    kerberos:
                      ccache: FILE:%s
                    connect_timeout: 2s
                    sql_queries:
                      - name: Get all email changes
                        query_location: sql/emails.sql
                      - name: Get token changes
                        query_location: sql/tokens.sql
                """.formatted(oracleHost.socket().getLocalPort(), missingCache));
    }

    @AfterAll
    static void closeHost() throws Exception {
        oracleHost.close();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void missingTicketCacheFailsTheDatabaseWithKinitAdviceSkipsItsQueriesAndNeverTouchesTheNetwork()
            throws Exception {
        Exchange done = runAnalysis("2026-10-29");

        String expected = "no Kerberos ticket cache at " + missingCache
                + ": run kinit (or set kerberos.ccache in databases.yaml, or KRB5CCNAME)";
        RunReport report = report(done);
        assertThat(report.status()).isEqualTo("partial");
        RunReport.DatabaseReport clients = report.databases().get(0);
        assertThat(clients.status()).isEqualTo("failed");
        assertThat(clients.error()).isEqualTo(expected);
        assertThat(clients.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped", "skipped");
        assertThat(clients.queries()).extracting(RunReport.QueryReport::error)
                .containsOnly("database unavailable: " + expected);
        JsonNode json = reportJson(done);
        assertThat(json.at("/databases/clients/error").asText()).isEqualTo(expected);
        assertThat(json.at("/databases/clients/queries/Get token changes/status").asText()).isEqualTo("skipped");
        assertThat(recorder.of("clients")).extracting(ProgressEvent::status).containsExactly("connecting", "failed");
        assertThat(pools().pool("clients").getNumActive() + pools().pool("clients").getNumIdle()).isZero();
        assertThat(oracleHost.accept()).as("a TCP connection to the Oracle host").isNull();
    }
}
