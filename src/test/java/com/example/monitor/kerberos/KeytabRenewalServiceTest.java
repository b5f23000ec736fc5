package com.example.monitor.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.KerberosExtension;
import com.example.monitor.testing.KerberosProject;
import com.example.monitor.testing.KerberosRealm;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Service mode with a keytab, over three ticket lifetimes: the KDC gives one-minute tickets, runs come every
 * 15 s and the logon is renewed when less than 20 s are left. The server ends sessions idle for 8 s, so every
 * run logs on to PostgreSQL afresh with GSSAPI, and would fail on an expired ticket. The test takes about
 * 3.5 minutes: the issue asks for three lifetimes of a ticket of about a minute.
 */
@Tag("kerberos")
@Tag("slow")
class KeytabRenewalServiceTest extends MonitorTestSupport {

    private static final Duration TICKET_LIFETIME = Duration.ofMinutes(1);

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension(TICKET_LIFETIME);

    private static KerberosProject project;

    @BeforeAll
    static void createDatabase() throws Exception {
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor");
        KERBEROS.postgres().execute("postgres", "ALTER ROLE monitor SET idle_session_timeout = '8s'",
                "ALTER ROLE monitor SET idle_in_transaction_session_timeout = '8s'");
        KerberosRealm realm = KERBEROS.realm();
        project = new KerberosProject(KERBEROS.folder("project"), realm.krb5Conf())
                .withKeytab("clients", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .write();
    }

    @Override
    protected ProjectFiles project() {
        return project.files();
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.mode", "service", "monitor.schedule", "15s",
                "monitor.kerberos-renew-before", "20s");
    }

    @Test
    void everyScheduledRunConnectsOverThreeTicketLifetimesBecauseTheKeytabLogonRenewsItself() throws Exception {
        ReportFiles reports = new ReportFiles(project.files().outputDir());
        List<String> renewals;
        try (LogCapture log = LogCapture.atLevel(Level.INFO)) {
            await("runs spanning three ticket lifetimes").atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        List<JsonNode> runs = reports.all();
                        runs.forEach(run -> assertThat(run.get("status").asText()).as(run.toString())
                                .isEqualTo("completed"));
                        return runs.size() >= 2 && !ReportFiles.startedAt(runs.get(0)).plus(TICKET_LIFETIME.multipliedBy(3))
                                .isAfter(ReportFiles.startedAt(runs.get(runs.size() - 1)));
                    });
            renewals = log.lines().stream().filter(line -> line.contains("Kerberos ticket of " + KerberosRealm.CLIENT
                    + " renewed from keytab " + KERBEROS.realm().clientKeytab() + ": valid until")).toList();
        }

        List<JsonNode> runs = reports.all();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(10);
        assertThat(runs).allSatisfy(run -> assertThat(run.at("/databases/clients/queries/Who am I/rows/0/principal")
                .asText()).isEqualTo(KerberosRealm.CLIENT));
        assertThat(renewals).as("renewals in the log").hasSizeGreaterThanOrEqualTo(3);
        long gssLogons = KERBEROS.postgres().log().lines()
                .filter(line -> line.contains("connection authorized: user=monitor")
                        && line.contains("GSS (authenticated=yes")).count();
        assertThat(gssLogons).as("GSSAPI logons on the server").isGreaterThanOrEqualTo(runs.size());
    }
}
