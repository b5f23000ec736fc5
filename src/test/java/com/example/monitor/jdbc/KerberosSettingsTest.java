package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.config.AuthMode;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.KerberosConfig;
import com.example.monitor.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ticket cache check made before connecting, Kerberos validation, and the translated driver failures. */
class KerberosSettingsTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final KerberosSettings kerberos = new KerberosSettings(environment::get, System::getProperty);

    @Test
    void missingTicketCacheIsReportedWithItsPathAndWhatToRun() {
        Path cache = dir.resolve("krb5cc_missing");

        assertThat(kerberos.ticketCacheProblem(database(cache.toString()), java.time.Instant.now()))
                .contains("no Kerberos ticket cache at " + cache
                        + ": run kinit (or set kerberos.ccache in databases.yaml, or KRB5CCNAME)");
    }

    @Test
    void missingTicketCacheNamedByKrb5ccnameIsReportedWithoutTheFilePrefix() {
        Path cache = dir.resolve("krb5cc_env");
        environment.put("KRB5CCNAME", "FILE:" + cache);

        assertThat(kerberos.ticketCacheProblem(database(null), java.time.Instant.now()))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("no Kerberos ticket cache at " + cache + ": run kinit"));
    }

    @Test
    void aDirectoryIsNotAReadableTicketCacheAndIsSaidToBeOne() {
        // "run kinit" would not help: kinit cannot write a cache over a folder
        assertThat(kerberos.ticketCacheProblem(database(dir.toString()), java.time.Instant.now()))
                .hasValue("unusable Kerberos ticket cache: cannot read " + dir.toAbsolutePath() + " (is a directory)");
    }

    @Test
    void aFifoTicketCacheIsRefusedWithoutBeingOpened() {
        Path fifo = SpecialFiles.fifo(dir.resolve("krb5cc_fifo"));
        // the JDK's cache reader, opening it, would block until someone wrote to it
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> kerberos.ticketCacheProblem(database("FILE:" + fifo), java.time.Instant.now())))
                .hasValue("unusable Kerberos ticket cache: cannot read " + fifo.toAbsolutePath()
                        + " (not a regular file (a FIFO, socket or device))");
    }

    @Test
    void aReadableTicketCacheFileIsNoProblem() throws Exception {
        Path cache = Files.write(dir.resolve("krb5cc_1000"), new byte[] {5, 4});

        assertThat(kerberos.ticketCacheProblem(database("FILE:" + cache), java.time.Instant.now())).isEmpty();
    }

    @Test
    void preflightChecksTheTicketCacheOnlyForKerberosDatabases() {
        DataSourceFactory factory = new DataSourceFactory(
                new com.example.monitor.config.MonitorSettingsReader(key -> java.util.Optional.empty()).read(),
                new StatementTracker(), kerberos);
        Path cache = dir.resolve("gone");
        DatabaseConfig password = new DatabaseConfig("pw", "jdbc:oracle:thin:@//h:1521/s", AuthMode.PASSWORD,
                "monitor", com.example.monitor.config.Secret.of("x"), null, Map.of(), null, List.of());

        assertThat(factory.preflightProblem(database(cache.toString())))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("no Kerberos ticket cache at " + cache));
        assertThat(factory.preflightProblem(password)).isEmpty();
    }

    @Test
    void kerberosWithUsernameAndPasswordIsAValidationError() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "SELECT 1 FROM dual\n");
        Path file = dir.resolve("databases.yaml");
        Files.writeString(file, """
                databases:
                  - name: crm
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    username: monitor
                    password: secret
                    sql_queries:
                      - name: Q
                        query_location: q.sql
                """);

        InvalidConfigurationException invalid = catchThrowableOfType(InvalidConfigurationException.class,
                () -> new DatabasesFileLoader(environment::get).load(file));

        assertThat(invalid.problems()).containsExactly(
                file + ": database 'crm': key 'username': kerberos auth takes no username or password;"
                        + " remove it or use auth: password",
                file + ": database 'crm': key 'password': kerberos auth takes no username or password;"
                        + " remove it or use auth: password");
    }

    @Test
    void kerberosWithOnlyAUsernameIsAValidationErrorToo() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "SELECT 1 FROM dual\n");
        Path file = dir.resolve("databases.yaml");
        Files.writeString(file, """
                databases:
                  - name: crm
                    url: jdbc:oracle:thin:@//clientdb.example.com:1521/CLIENTS
                    auth: kerberos
                    username: monitor
                    sql_queries:
                      - name: Q
                        query_location: q.sql
                """);

        InvalidConfigurationException invalid = catchThrowableOfType(InvalidConfigurationException.class,
                () -> new DatabasesFileLoader(environment::get).load(file));

        assertThat(invalid.problems()).containsExactly(file + ": database 'crm': key 'username':"
                + " kerberos auth takes no username or password; remove it or use auth: password");
    }

    @Test
    void principalNameFailureSaysToRunKinitAndCheckTheCacheType() {
        String driver = "The service in process is not supported. Unable to obtain Principal Name for authentication";

        assertThat(OracleErrors.explain(driver)).isEqualTo(driver + " (Kerberos: no usable ticket; run kinit, check"
                + " the ticket cache is a FILE: cache and not expired)");
    }

    @Test
    void ora01017SaysWhatToCheckForKerberosAndForPasswords() {
        String driver = "ORA-01017: invalid username/password; logon denied";

        assertThat(OracleErrors.explain(driver)).isEqualTo(driver + " (with Kerberos: check auth: kerberos is set"
                + " and the database user is IDENTIFIED EXTERNALLY AS your principal; with a password: check username"
                + " and password)");
    }

    @Test
    void ora12631SaysToCheckTheServicePrincipalAndForwardableTickets() {
        String driver = "ORA-12631: Username retrieval failed";

        assertThat(OracleErrors.explain(driver)).isEqualTo(driver + " (Kerberos username retrieval failed: check the"
                + " service principal oracle/<host>@REALM exists and the host name is the FQDN; with forwardable"
                + " tickets retry with kinit without -f)");
    }

    @Test
    void otherMessagesAreLeftAsTheDriverWroteThem() {
        String driver = "IO Error: The Network Adapter could not establish the connection";

        assertThat(OracleErrors.explain(driver)).isEqualTo(driver);
    }

    @Test
    void postgresqlTakesGssapiCredentialsFromTheSubjectNotFromAJaasEntry() {
        DatabaseConfig postgres = new DatabaseConfig("db", "jdbc:postgresql://localhost/db", AuthMode.KERBEROS, null,
                null, new KerberosConfig(null, null), Map.of(), null, List.of());

        assertThat(kerberos.connectionProperties(postgres)).containsExactly(Map.entry("gsslib", "gssapi"),
                Map.entry("jaasLogin", "false"));
        assertThat(KerberosSettings.appLogsOn(postgres)).isTrue();
    }

    @Test
    void oracleWithAKeytabLeavesTheTicketCacheOutAndLogsOnItself() {
        DatabaseConfig oracle = new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s", AuthMode.KERBEROS, null, null,
                new KerberosConfig(null, null, "monitor@EXAMPLE.COM", "/etc/monitor.keytab"), Map.of(), null,
                List.of());

        assertThat(kerberos.connectionProperties(oracle)).containsOnlyKeys("oracle.net.authentication_services",
                "oracle.net.kerberos5_mutual_authentication");
        assertThat(KerberosSettings.appLogsOn(oracle)).isTrue();
        assertThat(KerberosSettings.appLogsOn(database("/tmp/cc"))).as("Oracle reads a ticket cache itself").isFalse();
    }

    @Test
    void aKrb5ConfThatIsALinkToDevZeroIsRefusedBeforeTheJdkReadsItWhole() {
        Path zeros = SpecialFiles.symlink(dir.resolve("krb5.conf"), Path.of("/dev/zero"));
        DatabaseConfig database = new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s", AuthMode.KERBEROS, null,
                null, new KerberosConfig(null, zeros.toString()), Map.of(), null, List.of());
        // the JDK reads krb5.conf line by line: /dev/zero has no line end, and the heap fills
        assertThat(kerberos.krb5ConfProblem(database)).hasValue("unusable krb5.conf: cannot read "
                + zeros.toAbsolutePath() + " (not a regular file (a FIFO, socket or device))");
    }

    @Test
    void aMissingKrb5ConfIsLeftToTheJdkAsBefore() {
        DatabaseConfig database = new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s", AuthMode.KERBEROS, null,
                null, new KerberosConfig(null, dir.resolve("absent.conf").toString()), Map.of(), null, List.of());
        assertThat(kerberos.krb5ConfProblem(database)).isEmpty();
    }

    /** The JDK reads a krb5.conf even when databases.yaml names none, and would block on a FIFO there. */
    @Test
    void theKrb5ConfTheJdkReadsIsCheckedWhenTheDatabaseNamesNone() {
        Path fifo = SpecialFiles.fifo(dir.resolve("krb5.conf"));
        Map<String, String> system = new HashMap<>(Map.of("java.security.krb5.conf", fifo.toString()));
        KerberosSettings settings = new KerberosSettings(environment::get, system::get);

        assertThat(settings.krb5ConfProblem(database(null))).hasValue("unusable krb5.conf: cannot read "
                + fifo.toAbsolutePath() + " (not a regular file (a FIFO, socket or device))");
    }

    @Test
    void withoutThePropertyTheJdkReadsItsOwnKrb5ConfWhenItHasOneElseEtcKrb5Conf() throws Exception {
        Path home = dir.resolve("jdk");
        Map<String, String> system = new HashMap<>(Map.of("java.home", home.toString()));
        assertThat(KerberosSettings.krb5ConfTheJdkReads(system::get)).isEqualTo(Path.of("/etc/krb5.conf"));

        Path bundled = home.resolve("conf/security/krb5.conf");
        Files.createDirectories(bundled.getParent());
        SpecialFiles.fifo(bundled);
        assertThat(KerberosSettings.krb5ConfTheJdkReads(system::get)).isEqualTo(bundled);
        assertThat(new KerberosSettings(environment::get, system::get).krb5ConfProblem(database(null)))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("unusable krb5.conf: cannot read " + bundled));
    }

    @Test
    void startUpLooksAtTheTicketCacheKrb5ccnameNamesButLeavesAMissingOneToTheRun() {
        Path fifo = SpecialFiles.fifo(dir.resolve("krb5cc_fifo"));
        environment.put("KRB5CCNAME", "FILE:" + fifo);
        Map<String, String> system = new HashMap<>(Map.of("java.security.krb5.conf", dir.resolve("absent").toString()));
        KerberosSettings settings = new KerberosSettings(environment::get, system::get);

        assertThat(settings.startupProblems(database(null))).containsExactly("unusable Kerberos ticket cache: cannot read "
                + fifo.toAbsolutePath() + " (not a regular file (a FIFO, socket or device)); kerberos.ccache in"
                + " databases.yaml or KRB5CCNAME can name another");
        // databases.yaml's own ccache was checked as the file was read; a keytab logon reads no cache
        assertThat(settings.startupProblems(database("FILE:" + fifo))).isEmpty();
        DatabaseConfig keytab = new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s", AuthMode.KERBEROS, null, null,
                new KerberosConfig(null, null, "monitor@EXAMPLE.COM", "/etc/monitor.keytab"), Map.of(), null, List.of());
        assertThat(settings.startupProblems(keytab)).isEmpty();

        environment.put("KRB5CCNAME", "FILE:" + dir.resolve("not-yet"));
        assertThat(settings.startupProblems(database(null))).as("kinit may come later").isEmpty();
    }

    private static DatabaseConfig database(String ccache) {
        return new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s", AuthMode.KERBEROS, null, null,
                new KerberosConfig(ccache, null), Map.of(), null, List.of());
    }
}
