package com.example.monitor.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.KerberosExtension;
import com.example.monitor.testing.KerberosProject;
import com.example.monitor.testing.KerberosRealm;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Kerberos logons against a real KDC and a PostgreSQL server that accepts only GSSAPI: from a ticket cache
 * filled by kinit, from a keytab (one logon shared by two databases), and a ticket cache whose ticket
 * really expired, all in one run.
 */
@Tag("kerberos")
class KerberosLogonTest extends MonitorTestSupport {

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension();

    private static KerberosProject project;
    private static Path expiredCache;
    private static Instant expiredAt;

    @BeforeAll
    static void createDatabasesAndTickets() throws Exception {
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor",
                "CREATE TABLE client_email_changes (client_id int, new_email text, changed_at timestamp)",
                "INSERT INTO client_email_changes VALUES (1, 'a@example.com', '2026-11-02 10:00'),"
                        + " (2, 'b@example.com', '2026-11-03 11:00'), (3, 'old@example.com', '2020-01-01 00:00')");
        String accounts = KERBEROS.postgres().createDatabase("accounts", "monitor");
        KerberosRealm realm = KERBEROS.realm();
        Path tickets = KERBEROS.folder("tickets");
        Path cache = realm.kinit(tickets.resolve("krb5cc_monitor"));
        expiredCache = realm.kinit(tickets.resolve("krb5cc_expired"), "-l", "4s");
        expiredAt = Instant.now().plusSeconds(4);
        project = new KerberosProject(KERBEROS.folder("project"), realm.krb5Conf())
                .withTicketCache("clients_from_cache", clients, cache)
                .query("Get all email changes", "emails.sql", "SELECT client_id, new_email FROM client_email_changes"
                        + " WHERE changed_at >= :start_date ORDER BY client_id\n")
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("clients_from_keytab", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withKeytab("accounts_from_keytab", accounts, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .withTicketCache("clients_expired_cache", clients, expiredCache)
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I)
                .write();
        await("the short ticket's expiry").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiredAt));
    }

    @Override
    protected ProjectFiles project() {
        return project.files();
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.kerberos-renew-before", "1s");
    }

    @Test
    void ticketCacheAndKeytabLogOnOverGssapiAsTheRoleNamedAfterThePrincipalWhileAnExpiredCacheFailsAlone()
            throws Exception {
        Exchange done;
        try (LogCapture log = LogCapture.atLevel(Level.INFO)) {
            done = runAnalysis("2026-10-29");
            // the two keytab databases share one logon
            assertThat(log.lines()).filteredOn(line -> line.contains("from keytab")).hasSize(1)
                    .first().asString().contains("Kerberos logon of " + KerberosRealm.CLIENT + " from keytab "
                            + KERBEROS.realm().clientKeytab() + ": ticket valid until");
        }

        RunReport report = report(done);
        Map<String, RunReport.DatabaseReport> databases = byName(report);
        for (String name : List.of("clients_from_cache", "clients_from_keytab", "accounts_from_keytab")) {
            assertThat(databases.get(name).status()).as(name + ": " + databases.get(name).error()).isEqualTo("completed");
            Map<String, Object> who = results(done).get(name).get("Who am I").get(0);
            assertThat(who).as(name).containsEntry("role", "monitor").containsEntry("gss_authenticated", true)
                    .containsEntry("principal", KerberosRealm.CLIENT);
        }
        assertThat(results(done).get("clients_from_cache").get("Get all email changes"))
                .extracting(row -> row.get("client_id"), row -> row.get("new_email"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "a@example.com"),
                        org.assertj.core.groups.Tuple.tuple(2, "b@example.com"));

        RunReport.DatabaseReport expired = databases.get("clients_expired_cache");
        assertThat(expired.status()).isEqualTo("failed");
        Matcher message = Pattern.compile("Kerberos ticket for monitor@EXAMPLE\\.COM in " + Pattern.quote(
                expiredCache.toString()) + " expired at (\\S+): run kinit").matcher(expired.error());
        assertThat(message.matches()).as(expired.error()).isTrue();
        assertThat(Duration.between(Instant.parse(message.group(1)), expiredAt.truncatedTo(ChronoUnit.SECONDS)).abs())
                .isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(expired.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped");
        assertThat(report.status()).isEqualTo("partial");
    }

    @Test
    void noKeytabKeyPasswordOrTicketBytesReachTheLogTheReportOrTheErrors() throws Exception {
        List<String> secrets = KerberosSecrets.of(KERBEROS.realm(), KERBEROS.folder("tickets").resolve("krb5cc_monitor"));
        String log;
        try (LogCapture capture = LogCapture.atLevel(Level.TRACE)) {
            Exchange done = runAnalysis("2026-10-29");
            assertThat(byName(report(done)).get("clients_from_keytab").status()).isEqualTo("completed");
            log = capture.text() + "\n" + report(done);
            log += "\n" + Files.readString(Path.of(report(done).reportFile()));
        }
        assertThat(secrets).hasSizeGreaterThan(4);
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
        }
    }

    static Map<String, RunReport.DatabaseReport> byName(RunReport report) {
        return report.databases().stream().collect(java.util.stream.Collectors.toMap(
                RunReport.DatabaseReport::name, database -> database));
    }
}
