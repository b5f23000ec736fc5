package com.example.monitor.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.KerberosExtension;
import com.example.monitor.testing.KerberosProject;
import com.example.monitor.testing.KerberosRealm;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged jar with Kerberos, as a user runs it: its manifest's exports let it read a ticket cache's
 * expiry, and a keytab logon reaches the GSSAPI server; Kerberos with an H2 url is refused at start-up.
 */
@PackagedJar
@Tag("kerberos")
class KerberosJarIT {

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension();

    @Test
    void theJarLogsOnFromAKeytabAndReportsAnExpiredTicketCacheWithItsExpiry() throws Exception {
        KerberosRealm realm = KERBEROS.realm();
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor");
        Path expired = realm.kinit(KERBEROS.folder("tickets").resolve("krb5cc_expired"), "-l", "2s");
        Instant expiry = Instant.now().plusSeconds(2);
        KerberosProject project = new KerberosProject(KERBEROS.folder("jar-project"), realm.krb5Conf())
                .withKeytab("from_keytab", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withTicketCache("expired_cache", clients, expired)
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .write();
        await("the short ticket's expiry").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiry));

        Result result = MonitorProcess.jar().in(project.files().root()).run();

        assertThat(result.exit()).as(result.log()).isEqualTo(3);
        JsonNode report = new ReportFiles(project.files().outputDir()).only();
        assertThat(report.at("/databases/from_keytab/status").asText()).as(result.log()).isEqualTo("completed");
        assertThat(report.at("/databases/from_keytab/queries/Who am I/rows/0/role").asText()).isEqualTo("monitor");
        assertThat(report.at("/databases/expired_cache/error").asText())
                .matches("Kerberos ticket for monitor@EXAMPLE\\.COM in \\S+krb5cc_expired expired at \\S+Z: run kinit");
    }

    @Test
    void kerberosWithAnH2UrlIsRefusedAtStartUpWithOneErrorLine() throws Exception {
        Path dir = KERBEROS.folder("h2-project");
        Files.writeString(dir.resolve("q.sql"), "SELECT 1 AS one FROM dual\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: demo
                    url: jdbc:h2:mem:demo
                    auth: kerberos
                    sql_queries:
                      - name: One
                        query_location: q.sql
                """);

        Result result = MonitorProcess.jar().in(dir).run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(result.log().lines().filter(line -> line.startsWith("error:")))
                .containsExactly("error: databases.yaml: database 'demo': key 'auth': kerberos works with Oracle and"
                        + " PostgreSQL urls only, not jdbc:h2:; use auth: password");
        assertThat(dir.resolve("output")).doesNotExist();
    }
}
