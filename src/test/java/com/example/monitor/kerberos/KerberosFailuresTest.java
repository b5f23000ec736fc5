package com.example.monitor.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.KerberosExtension;
import com.example.monitor.testing.KerberosProject;
import com.example.monitor.testing.KerberosRealm;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Kerberos logons that cannot succeed, each in its own database of one run with a good one: a keytab of
 * another principal, a principal the KDC does not know, a keytab whose key is stale (the password changed),
 * and a KDC that accepts connections and never answers. Each fails that database alone, with a line that
 * says why, within its connect timeout (3 s); the good database completes.
 */
@Tag("kerberos")
class KerberosFailuresTest extends MonitorTestSupport {

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension();

    private static KerberosProject project;

    @BeforeAll
    static void createDatabases() throws Exception {
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor");
        KerberosRealm realm = KERBEROS.realm();
        project = new KerberosProject(KERBEROS.folder("project"), realm.krb5Conf())
                .withKeytab("good", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("wrong_keytab", clients, KerberosRealm.CLIENT, realm.keytab("other"))
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("unknown_principal", clients, KerberosRealm.DELETED, realm.keytab("ghost"))
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("stale_key", clients, KerberosRealm.ROTATED, realm.keytab("rotated"))
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("silent_kdc", clients, KerberosRealm.SILENT_CLIENT, realm.keytab("silent"))
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .write();
    }

    @Override
    protected ProjectFiles project() {
        return project.files();
    }

    @Test
    void eachBadLogonFailsItsOwnDatabaseWithinTheConnectTimeoutAndTheGoodOneCompletes() throws Exception {
        List<String> secrets = KerberosSecrets.of(KERBEROS.realm(),
                KERBEROS.realm().kinit(KERBEROS.folder("tickets").resolve("krb5cc_secrets")));
        Exchange done;
        String log;
        try (LogCapture capture = LogCapture.atLevel(Level.TRACE)) {
            done = runAnalysis("2026-10-29");
            log = capture.text();
        }
        Map<String, RunReport.DatabaseReport> databases = KerberosLogonTest.byName(report(done));

        assertThat(databases.get("good").status()).as(databases.get("good").error()).isEqualTo("completed");
        assertThat(results(done).get("good").get("Who am I").get(0)).containsEntry("role", "monitor");
        Path keytabs = KERBEROS.realm().keytab("other").getParent();
        assertThat(databases.get("wrong_keytab").error()).isEqualTo("Kerberos logon of " + KerberosRealm.CLIENT
                + " from keytab " + keytabs.resolve("other.keytab") + " failed: the keytab holds no key for "
                + KerberosRealm.CLIENT + " (wrong keytab?)");
        assertThat(databases.get("unknown_principal").error()).startsWith("Kerberos logon of " + KerberosRealm.DELETED
                + " from keytab " + keytabs.resolve("ghost.keytab")
                + " failed: Client not found in Kerberos database (6)");
        assertThat(databases.get("stale_key").error()).startsWith("Kerberos logon of " + KerberosRealm.ROTATED
                + " from keytab " + keytabs.resolve("rotated.keytab") + " failed: ")
                .endsWith("(the keytab's key is not the principal's current one: was the password changed?"
                        + " export the keytab again)");
        assertThat(databases.get("silent_kdc").error()).isEqualTo("Kerberos logon of " + KerberosRealm.SILENT_CLIENT
                + " from keytab " + keytabs.resolve("silent.keytab") + " failed: no answer from the KDC within 3 s");
        for (String name : List.of("wrong_keytab", "unknown_principal", "stale_key", "silent_kdc")) {
            RunReport.DatabaseReport failed = databases.get(name);
            assertThat(failed.status()).as(name).isEqualTo("failed");
            assertThat(failed.elapsedMs()).as(name + " bounded by its 3 s connect timeout").isLessThan(4_500);
            assertThat(failed.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped");
        }

        String everything = log + "\n" + report(done) + "\n" + Files.readString(Path.of(report(done).reportFile()));
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
        }
    }
}
