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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keytabs and ticket caches that were good files when the app started and were replaced, before a run,
 * by what cannot be read: a FIFO (opening it blocks until someone writes), a folder, a link to nothing,
 * a link to /dev/zero, a 5 GiB sparse file. Start-up refuses them (DatabasesFileLoaderTest); a file can
 * still be replaced afterwards, so each logon looks again: the database fails at once with a line naming
 * the file, instead of hanging the run, and the good database completes.
 */
@Tag("kerberos")
class KerberosFilesReplacedTest extends MonitorTestSupport {

    @RegisterExtension
    static final KerberosExtension KERBEROS = new KerberosExtension();

    private static final String FIFO = "not a regular file (a FIFO, socket or device)";
    private static final List<String> KEYTABS = List.of("keytab_fifo", "keytab_folder", "keytab_dangling",
            "keytab_zero", "keytab_sparse");
    private static final List<String> CACHES = List.of("ccache_fifo", "ccache_sparse");

    private static KerberosProject project;
    private static Path keytabs;
    private static Path tickets;

    @BeforeAll
    static void createDatabases() throws Exception {
        String clients = KERBEROS.postgres().createDatabase("clients", "monitor");
        KerberosRealm realm = KERBEROS.realm();
        keytabs = KERBEROS.folder("keytabs");
        tickets = KERBEROS.folder("tickets");
        project = new KerberosProject(KERBEROS.folder("project"), realm.krb5Conf())
                .withKeytab("good", clients, KerberosRealm.CLIENT, realm.clientKeytab())
                .query("Who am I", "who.sql", KerberosProject.WHO_AM_I);
        // real, working files at start-up, so the configuration is accepted
        for (String name : KEYTABS) {
            Path keytab = Files.copy(realm.clientKeytab(), keytabs.resolve(name + ".keytab"));
            project.withKeytab(name, clients, KerberosRealm.CLIENT, keytab)
                    .query("Who am I", "who.sql", KerberosProject.WHO_AM_I);
        }
        for (String name : CACHES) {
            project.withTicketCache(name, clients, realm.kinit(tickets.resolve(name)))
                    .query("Who am I", "who.sql", KerberosProject.WHO_AM_I);
        }
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project.files();
    }

    @Test
    void aKerberosFileReplacedAfterStartUpByOneThatCannotBeReadFailsItsDatabaseAtOnceAndTheGoodOneCompletes()
            throws Exception {
        Path fifo = SpecialFiles.fifo(replaced(keytabs.resolve("keytab_fifo.keytab")));
        Path folder = Files.createDirectory(replaced(keytabs.resolve("keytab_folder.keytab")));
        Path dangling = SpecialFiles.symlink(replaced(keytabs.resolve("keytab_dangling.keytab")),
                keytabs.resolve("gone.keytab"));
        Path zero = SpecialFiles.symlink(replaced(keytabs.resolve("keytab_zero.keytab")), Path.of("/dev/zero"));
        Path sparse = SpecialFiles.sparse(replaced(keytabs.resolve("keytab_sparse.keytab")), 5L << 30);
        Path fifoCache = SpecialFiles.fifo(replaced(tickets.resolve("ccache_fifo")));
        Path sparseCache = SpecialFiles.sparse(replaced(tickets.resolve("ccache_sparse")), 5L << 30);

        // the JDK's readers would block on a FIFO, and read a 5 GiB keytab on the run's own thread
        Exchange done = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runAnalysis("2026-10-29"));
        Map<String, RunReport.DatabaseReport> databases = KerberosLogonTest.byName(report(done));

        assertThat(databases.get("good").status()).as(databases.get("good").error()).isEqualTo("completed");
        assertThat(results(done).get("good").get("Who am I").get(0)).containsEntry("role", "monitor");
        String tooLarge = (5L << 30) + " bytes; a configuration or SQL file is read whole and may hold at most "
                + (16 * 1024 * 1024) + " bytes";
        assertThat(databases.get("keytab_fifo").error()).isEqualTo(keytabRefused(fifo, FIFO));
        assertThat(databases.get("keytab_folder").error()).isEqualTo(keytabRefused(folder, "is a directory"));
        assertThat(databases.get("keytab_dangling").error()).isEqualTo(keytabRefused(dangling, "a link to a missing file"));
        assertThat(databases.get("keytab_zero").error()).isEqualTo(keytabRefused(zero, FIFO));
        assertThat(databases.get("keytab_sparse").error()).isEqualTo(keytabRefused(sparse, tooLarge));
        assertThat(databases.get("ccache_fifo").error())
                .isEqualTo("unusable Kerberos ticket cache: cannot read " + fifoCache + " (" + FIFO + ")");
        assertThat(databases.get("ccache_sparse").error())
                .isEqualTo("unusable Kerberos ticket cache: cannot read " + sparseCache + " (" + tooLarge + ")");
        for (String name : List.of(KEYTABS, CACHES).stream().flatMap(List::stream).toList()) {
            RunReport.DatabaseReport failed = databases.get(name);
            assertThat(failed.status()).as(name).isEqualTo("failed");
            // refused before any read: well within the 3 s connect timeout a blocked logon would cost
            assertThat(failed.elapsedMs()).as(name + " refused without waiting").isLessThan(2_000);
            assertThat(failed.queries()).extracting(RunReport.QueryReport::status).containsExactly("skipped");
        }
    }

    private static String keytabRefused(Path keytab, String reason) {
        return "Kerberos logon of " + KerberosRealm.CLIENT + " from keytab " + keytab + " failed: cannot read "
                + keytab + " (" + reason + ")";
    }

    /** The path, its good file deleted, for a bad one to take its place. */
    private static Path replaced(Path file) throws IOException {
        Files.delete(file);
        return file;
    }
}
