package com.example.monitor.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.KerberosExtension;
import com.example.monitor.testing.KerberosProject;
import com.example.monitor.testing.KerberosRealm;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A krb5.conf that was a good file at start-up and is a FIFO at a run. The JDK would open it in the
 * logon thread and block there for good, holding its krb5.conf lock, so that every later logon of the
 * JVM waited too. Its own class: krb5.conf is JVM-wide.
 */
@Tag("kerberos")
class Krb5ConfReplacedTest extends MonitorTestSupport {

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension();

    private static KerberosProject project;
    private static Path krb5Conf;

    @BeforeAll
    static void createDatabase() throws Exception {
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor");
        KerberosRealm realm = KERBEROS.realm();
        krb5Conf = Files.copy(realm.krb5Conf(), KERBEROS.folder("etc").resolve("krb5.conf"));
        project = new KerberosProject(KERBEROS.folder("project"), krb5Conf)
                .withKeytab("clients", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .write();
    }

    @Override
    protected ProjectFiles project() {
        return project.files();
    }

    @Test
    void aKrb5ConfReplacedByAFifoFailsTheRunAtOnceAndTheNextRunAfterItIsRestoredLogsOn() throws Exception {
        byte[] good = Files.readAllBytes(krb5Conf);
        Files.delete(krb5Conf);
        SpecialFiles.fifo(krb5Conf);

        Exchange refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runAnalysis("2026-10-29"));
        RunReport.DatabaseReport failed = KerberosLogonTest.byName(report(refused)).get("clients");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("unusable krb5.conf: cannot read " + krb5Conf
                + " (not a regular file (a FIFO, socket or device))");
        // refused before the logon: a logon blocked on the FIFO would have cost the 3 s connect timeout
        assertThat(failed.elapsedMs()).isLessThan(2_000);

        Files.delete(krb5Conf);
        Files.write(krb5Conf, good);
        Exchange done = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runAnalysis("2026-10-29"));
        RunReport.DatabaseReport clients = KerberosLogonTest.byName(report(done)).get("clients");
        assertThat(clients.status()).as(clients.error()).isEqualTo("completed");
        assertThat(results(done).get("clients").get("Who am I").get(0)).containsEntry("role", "monitor");
    }
}
