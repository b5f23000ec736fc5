package com.example.monitor.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.monitor.sql.CheckedSql;
import com.example.monitor.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DatabasesFileLoaderTest {

    /** A valid password-auth database; tests append or replace lines to break exactly one rule. */
    private static final String VALID_ENTRY = """
              - name: acct
                url: jdbc:h2:mem:acct
                auth: password
                username: monitor
                password: tiger
                sql_queries:
                  - name: q1
                    query_location: q1.sql
            """;

    /** Kerberos needs an Oracle or PostgreSQL url. */
    private static final String KERBEROS_URL = "jdbc:postgresql://db.example.com/acct";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void writeDefaultSql() throws IOException {
        sql("q1.sql", "select 1 from dual");
    }

    // ---------------------------------------------------------------- valid files

    @Test
    void validFileParsesToExactRecords() throws IOException {
        environment.put("CLIENT_DB_PASSWORD", "s3cret");
        environment.put("KRB_USER", "1000");
        Path emailChanges = sql("sql/client_activity_analysis/email_changes.sql", "SELECT * FROM email_changes");
        Path tokenChanges = sql("elsewhere/token_changes.sql", "with t as (select 1 from dual) select * from t");
        Path file = yaml("""
                databases:
                  - name: client_activity_analysis
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    kerberos:
                      ccache: /tmp/krb5cc_${env:KRB_USER}
                      krb5_conf: /etc/krb5.conf
                    connect_timeout: 15s
                    properties:
                      oracle.net.kerberos5_cc_name: /tmp/krb5cc_${env:KRB_USER}
                      b.second: 2
                      a.third: true
                    sql_queries:
                      - name: Get all email changes
                        query_location: sql/client_activity_analysis/email_changes.sql
                        timeout: 30m
                        fetch_size: 500
                        max_rows: 100000
                      - name: Get token changes
                        query_location: %s
                  - name: acct-2
                    url: jdbc:postgresql://pg.example.com/acct
                    auth: password
                    username: monitor
                    password: ${env:CLIENT_DB_PASSWORD}
                    sql_queries:
                      - name: Get all email changes
                        query_location: ./sql/../sql/client_activity_analysis/email_changes.sql
                """.formatted(tokenChanges));

        DatabasesConfig config = loader().load(file);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oracle.net.kerberos5_cc_name", "/tmp/krb5cc_1000");
        properties.put("b.second", "2");
        properties.put("a.third", "true");
        DatabaseConfig kerberosDatabase = new DatabaseConfig("client_activity_analysis",
                "jdbc:oracle:thin:@//clientdb.example.com:1521/CLIENTS", AuthMode.KERBEROS, null, null,
                new KerberosConfig("/tmp/krb5cc_1000", "/etc/krb5.conf"), properties, Duration.ofSeconds(15),
                List.of(new QueryConfig("Get all email changes", emailChanges, Duration.ofMinutes(30), 500, 100000,
                        checked(emailChanges)),
                        new QueryConfig("Get token changes", tokenChanges, null, null, null, checked(tokenChanges))));
        DatabaseConfig passwordDatabase = new DatabaseConfig("acct-2", "jdbc:postgresql://pg.example.com/acct",
                AuthMode.PASSWORD, "monitor", Secret.of("s3cret"), null, Map.of(), null,
                List.of(new QueryConfig("Get all email changes", emailChanges, null, null, null,
                        checked(emailChanges))));
        assertEquals(new DatabasesConfig(file, List.of(kerberosDatabase, passwordDatabase)), config);
        assertEquals(List.of("oracle.net.kerberos5_cc_name", "b.second", "a.third"),
                List.copyOf(config.databases().get(0).properties().keySet()));
    }

    @Test
    void hostWithExplicitPortBuildsEzConnectUrl() {
        Path file = entries(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: 1600\n    service_name: SVC"));
        assertEquals("jdbc:oracle:thin:@//db.example.com:1600/SVC", loader().load(file).databases().get(0).url());
    }

    @Test
    void environmentVariablesAreSubstitutedSeveralTimesInOneString() {
        environment.put("DB_HOST", "pg.example.com");
        environment.put("DB_NAME", "acct");
        Path file = entries(VALID_ENTRY.replace("jdbc:h2:mem:acct", "jdbc:postgresql://${env:DB_HOST}:5432/${env:DB_NAME}?ssl=true"));
        assertEquals("jdbc:postgresql://pg.example.com:5432/acct?ssl=true", loader().load(file).databases().get(0).url());
    }

    @Test
    void kerberosAuthWithoutBlockGetsDefaultKerberosSettings() {
        Path file = entries(VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger", "auth: kerberos")
                .replace("jdbc:h2:mem:acct", KERBEROS_URL));
        DatabaseConfig database = loader().load(file).databases().get(0);
        assertEquals(AuthMode.KERBEROS, database.auth());
        assertEquals(new KerberosConfig(null, null), database.kerberos());
    }

    @Test
    void kerberosKeytabLogonSettingsAreCarriedInTheConfig() {
        environment.put("KEYTAB_DIR", "/etc/monitor");
        Path file = entries(VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                "auth: kerberos\n    kerberos:\n      principal: monitor@EXAMPLE.COM\n"
                        + "      keytab: ${env:KEYTAB_DIR}/monitor.keytab").replace("jdbc:h2:mem:acct", KERBEROS_URL));
        assertEquals(new KerberosConfig(null, null, "monitor@EXAMPLE.COM", "/etc/monitor/monitor.keytab"),
                loader().load(file).databases().get(0).kerberos());
    }

    // ---------------------------------------------------------------- file and YAML level

    @Test
    void missingFileIsReportedWithAbsolutePath() {
        Path file = dir.resolve("absent.yaml");
        assertEquals(List.of(file + ": cannot read " + file.toAbsolutePath() + " (no such file)"), problems(file));
    }

    @Test
    void directoryInsteadOfFileIsReported() {
        assertEquals(List.of(dir + ": cannot read " + dir.toAbsolutePath() + " (is a directory)"), problems(dir));
    }

    @Test
    void fifoInsteadOfFileIsReportedWithoutBeingOpened() {
        Path fifo = SpecialFiles.fifo(dir.resolve("databases.yaml"));
        // opening the FIFO would block start-up until someone wrote to it
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(fifo));
        assertEquals(List.of(fifo + ": cannot read " + fifo.toAbsolutePath()
                + " (not a regular file (a FIFO, socket or device))"), problems);
    }

    @Test
    void aDatabasesFileTooLargeToReadWholeIsReportedWithoutReadingIt() {
        Path huge = SpecialFiles.sparse(dir.resolve("databases.yaml"), 5L << 30);

        assertEquals(List.of(huge + ": cannot read " + huge.toAbsolutePath() + " (5368709120 bytes; a configuration or"
                + " SQL file is read whole and may hold at most " + FileReading.MAX_BYTES + " bytes)"), problems(huge));
    }

    @Test
    void yamlSyntaxErrorReportsLineAndColumnWithoutFileContent() {
        assertEquals(List.of(file() + ": line 3, column 4: invalid YAML: expected <block end>, but found '<block mapping start>'"),
                problems("""
                        databases:
                          - name: acct
                           password: tiger
                        """));
    }

    /** The YAML parser's own message put a Latin-1 byte on line 17 (or line 1) and quoted a Java exception. */
    @Test
    void aByteThatIsNotUtf8IsReportedWhereItIs() throws IOException {
        Path latin1 = Files.write(dir.resolve("databases.yaml"), VALID_ENTRY.replace("name: acct", "name: caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        int line = (int) VALID_ENTRY.substring(0, VALID_ENTRY.indexOf("name: acct")).chars().filter(c -> c == '\n').count()
                + 1;

        assertEquals(List.of(file() + ": not UTF-8: an invalid byte at line " + line + ", column "
                + (VALID_ENTRY.lines().skip(line - 1).findFirst().orElseThrow().indexOf("acct") + 4)
                + "; save the file as UTF-8"), problems(latin1));
    }

    @Test
    void duplicateYamlKeyIsReportedWithLine() {
        List<String> problems = problems(VALID_ENTRY.replace("auth: password", "auth: password\n    auth: kerberos"));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(file() + ": line 5, column "), problems::toString);
        assertTrue(problems.get(0).endsWith(": invalid YAML: duplicate key 'auth'"), problems::toString);
    }

    @Test
    void everyDuplicateKeyIsReportedAtOnceInFileOrder() {
        List<String> problems = problems(VALID_ENTRY.replace("auth: password", "auth: password\n    auth: kerberos")
                + VALID_ENTRY.replace("name: acct", "name: other").replace("name: q1", "name: q1\n        name: q2"));

        assertEquals(List.of(file() + ": line 5, column 5: invalid YAML: duplicate key 'auth'",
                file() + ": line 18, column 9: invalid YAML: duplicate key 'name'"), problems);
    }

    @Test
    void secondYamlDocumentIsReported() {
        assertEquals(List.of(file() + ": contains more than one YAML document ('---'); put all databases in one document"),
                problems(VALID_ENTRY + "---\ndatabases: []\n"));
    }

    @Test
    void emptyFileIsReported() {
        assertEquals(List.of(file() + ": is empty; expected a mapping with key 'databases'"), problemsOf(""));
    }

    @Test
    void topLevelListIsReported() {
        assertEquals(List.of(file() + ": top level must be a mapping with key 'databases', not a list"),
                problemsOf("- name: acct\n"));
    }

    @Test
    void missingDatabasesKeyAndUnknownTopLevelKeyAreReported() {
        assertEquals(List.of(file() + ": unknown key 'database' (did you mean 'databases'?)",
                        file() + ": key 'databases' is missing"),
                problemsOf("database:\n  - name: acct\n"));
    }

    @Test
    void databasesThatIsNotAListIsReported() {
        assertEquals(List.of(file() + ": key 'databases': must be a list of databases, not a mapping"),
                problemsOf("databases:\n  name: acct\n"));
    }

    @Test
    void emptyDatabasesListIsReported() {
        assertEquals(List.of(file() + ": key 'databases': must list at least one database"), problemsOf("databases: []\n"));
    }

    // ---------------------------------------------------------------- keys and types

    @Test
    void unknownDatabaseKeyIsReportedWithAllowedKeys() {
        assertEquals(List.of(file() + ": database 'acct': unknown key 'usernme' (did you mean 'username'?)"),
                problems(VALID_ENTRY + "    usernme: x\n"));
    }

    @Test
    void unknownKeyLikeNoKnownKeyIsReportedWithTheAllowedKeys() {
        assertEquals(List.of(file() + ": database 'acct': unknown key 'colour'; allowed keys: name, url, host, port,"
                        + " service_name, auth, username, password, kerberos, connect_timeout, properties, sql_queries"),
                problems(VALID_ENTRY + "    colour: red\n"));
    }

    @Test
    void unknownQueryKeyIsReportedWithQueryContext() {
        assertEquals(List.of(file() + ": database 'acct', query 'q1': unknown key 'timout' (did you mean 'timeout'?)"),
                problems(VALID_ENTRY + "        timout: 5s\n"));
    }

    @Test
    void unknownKerberosKeyIsReportedWithItsPath() {
        String kerberos = VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                "auth: kerberos\n    kerberos:\n      cache: /tmp/cc").replace("jdbc:h2:mem:acct", KERBEROS_URL);
        assertEquals(List.of(file() + ": database 'acct': unknown key 'kerberos.cache' (did you mean 'ccache'?)"),
                problems(kerberos));
    }

    @Test
    void missingDatabaseNameIsReportedWithPosition() {
        assertEquals(List.of(file() + ": database #1: key 'name' is missing"),
                problems(VALID_ENTRY.replace("- name: acct\n    url:", "- url:")));
    }

    @Test
    void missingAuthIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'auth' is missing"),
                problems(VALID_ENTRY.replace("    auth: password\n", "")));
    }

    @Test
    void missingQueryNameAndLocationAreReportedWithQueryPosition() {
        String yaml = VALID_ENTRY.replace("- name: q1\n        query_location: q1.sql", "- timeout: 5s");
        assertEquals(List.of(file() + ": database 'acct', query #1: key 'name' is missing",
                file() + ": database 'acct', query #1: key 'query_location' is missing"), problems(yaml));
    }

    @Test
    void missingQueryListIsReported() {
        String yaml = VALID_ENTRY.substring(0, VALID_ENTRY.indexOf("    sql_queries:"));
        assertEquals(List.of(file() + ": database 'acct': key 'sql_queries' is missing"), problems(yaml));
    }

    @Test
    void queryListThatIsNotAListIsReported() {
        String yaml = VALID_ENTRY.replace("      - name: q1\n        query_location: q1.sql", "      name: q1");
        assertEquals(List.of(file() + ": database 'acct': key 'sql_queries': must be a list of queries, not a mapping"),
                problems(yaml));
    }

    @Test
    void emptyQueryListIsReported() {
        String yaml = VALID_ENTRY.substring(0, VALID_ENTRY.indexOf("    sql_queries:")) + "    sql_queries: []\n";
        assertEquals(List.of(file() + ": database 'acct': key 'sql_queries': must list at least one query"), problems(yaml));
    }

    @Test
    void databaseEntryThatIsNotAMappingIsReported() {
        List<String> problems = problemsOf("databases:\n  - acct\n");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(file() + ": database #1: must be a mapping with keys name, url,"), problems::toString);
        assertTrue(problems.get(0).endsWith(", not text"), problems::toString);
    }

    @Test
    void emptyDatabaseEntryIsReportedAsEmpty() {
        List<String> problems = problems(VALID_ENTRY + "  -\n");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(file() + ": database #2: must be a mapping with keys"), problems::toString);
        assertTrue(problems.get(0).endsWith(", not empty"), problems::toString);
    }

    @Test
    void portThatIsNotANumberIsReported() {
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h\n    port: abc\n    service_name: S");
        assertEquals(List.of(file() + ": database 'acct': key 'port': must be a port number between 1 and 65535, not 'abc'"),
                problems(yaml));
    }

    @Test
    void nonTextValueIsRefusedBecauseYamlWouldAlterIt() {
        assertEquals(List.of(file() + ": database 'acct': key 'password': must be text, not a number; put the value in quotes"),
                problems(VALID_ENTRY.replace("password: tiger", "password: 1.50")));
    }

    @Test
    void nestedDriverPropertyIsReportedWithItsPath() {
        assertEquals(List.of(file() + ": database 'acct': key 'properties.a.b': must be a single value, not a list"),
                problems(VALID_ENTRY + "    properties:\n      a.b: [1, 2]\n"));
    }

    @Test
    void invalidDatabaseNameIsReported() {
        assertEquals(List.of(file() + ": database 'acct db': key 'name': may contain only letters, digits, _ and -, not 'acct db'"),
                problems(VALID_ENTRY.replace("name: acct", "name: acct db")));
    }

    @Test
    void duplicateDatabaseNamesAreReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'name': duplicate database name 'acct' (also used by database #1)"),
                problems(VALID_ENTRY + VALID_ENTRY));
    }

    @Test
    void duplicateQueryNamesWithinOneDatabaseAreReported() {
        String yaml = VALID_ENTRY + "      - name: q1\n        query_location: q1.sql\n";
        assertEquals(List.of(file() + ": database 'acct', query 'q1': key 'name': duplicate query name 'q1'"
                + " (also used by query #1 of this database)"), problems(yaml));
    }

    /** Jackson's tree would read {@code *pw} as the text "pw": the database would be sent that as the password. */
    @Test
    void anAliasIsRefusedWithItsPositionNeverReadAsTheAnchorsName() {
        List<String> problems = problems(VALID_ENTRY.replace("password: tiger", "password: &pw tiger")
                + VALID_ENTRY.replace("name: acct", "name: other").replace("password: tiger", "password: *pw"));

        assertEquals(List.of(file() + ": line 14, column 15: invalid YAML: " + StrictYamlParser.MESSAGE), problems);
    }

    @Test
    void aMergeKeyAndAnAliasBombAreRefusedInOneLine() {
        List<String> merged = problemsOf("""
                shared: &shared
                  auth: password
                """ + "databases:\n" + VALID_ENTRY.replace("auth: password", "<<: *shared"));
        List<String> bomb = problemsOf("""
                a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                """ + "databases: *c\n");

        assertEquals(List.of(file() + ": line 6, column 9: invalid YAML: " + StrictYamlParser.MESSAGE), merged);
        assertEquals(List.of(file() + ": line 2, column 8: invalid YAML: " + StrictYamlParser.MESSAGE), bomb);
    }

    @Test
    void sameQueryNameInDifferentDatabasesIsAccepted() {
        Path file = entries(VALID_ENTRY + VALID_ENTRY.replace("name: acct", "name: other"));
        assertEquals(List.of("acct", "other"), loader().load(file).databases().stream().map(DatabaseConfig::name).toList());
    }

    // ---------------------------------------------------------------- environment

    @Test
    void unsetEnvironmentVariableIsReportedWithDatabaseAndKey() {
        assertEquals(List.of(file() + ": database 'acct': key 'password': environment variable CLIENT_DB_PASSWORD is not set"),
                problems(VALID_ENTRY.replace("password: tiger", "password: ${env:CLIENT_DB_PASSWORD}")));
    }

    @Test
    void aReferenceWithoutItsClosingBraceIsReportedNotTakenAsThePassword() {
        List<String> problems = problems(VALID_ENTRY.replace("password: tiger", "password: ${env:CLIENT_DB_PASSWORD"));

        assertEquals(List.of(file() + ": database 'acct': key 'password': '${env:' has no closing '}'"), problems);
        assertThat(String.join("\n", problems)).doesNotContain("CLIENT_DB_PASSWORD");
    }

    @Test
    void unsetEnvironmentVariablesInNestedKeysAreReportedWithPathAndQuery() {
        String yaml = VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                        "auth: kerberos\n    kerberos:\n      ccache: /tmp/krb5cc_${env:KRB_UID}")
                .replace("jdbc:h2:mem:acct", KERBEROS_URL)
                .replace("query_location: q1.sql", "query_location: ${env:SQL_DIR}/q1.sql");
        assertEquals(List.of(
                file() + ": database 'acct': key 'kerberos.ccache': environment variable KRB_UID is not set",
                file() + ": database 'acct', query 'q1': key 'query_location': environment variable SQL_DIR is not set"),
                problems(yaml));
    }

    @Test
    void valueFromEnvironmentIsNeverQuotedInProblems() {
        environment.put("DB_PORT", "s3cret-port");
        environment.put("DB_PASSWORD", "");
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h\n    port: ${env:DB_PORT}\n    service_name: S")
                .replace("password: tiger", "password: ${env:DB_PASSWORD}");
        assertEquals(List.of(
                file() + ": database 'acct': key 'port': must be a port number between 1 and 65535, not '${env:DB_PORT}'",
                file() + ": database 'acct': key 'password': must not be empty"), problems(yaml));
    }

    @Test
    void schemaProblemsNeverQuoteASecretValue() {
        String yaml = VALID_ENTRY.replace("password: tiger", "password: \"   \"")
                + "    properties:\n      password: [hunter2]\n"
                + "  - name: krb\n    url: jdbc:postgresql://db.example.com/krb\n    auth: kerberos\n    kerberos:\n"
                + "      ccache: \" \"\n      principal: 12345\n    sql_queries:\n      - name: q1\n"
                + "        query_location: q1.sql\n";
        assertEquals(List.of(file() + ": database 'acct': key 'password': must not be empty",
                file() + ": database 'acct': key 'properties.password': must be a single value, not a list",
                file() + ": database 'krb': key 'kerberos.ccache': must not be empty",
                file() + ": database 'krb': key 'kerberos.principal': must be text, not a number; put the value in quotes",
                file() + ": database 'krb': key 'kerberos.keytab' is missing (needed with kerberos.principal: the app"
                        + " logs on as the principal with the keytab; give both, or neither to use the ticket cache)"),
                problems(yaml));
    }

    // ---------------------------------------------------------------- auth

    @Test
    void unsupportedAuthIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'auth': must be one of password, kerberos (was 'ldap')"),
                problems(VALID_ENTRY.replace("auth: password", "auth: ldap")));
        assertEquals(List.of(file() + ": database 'acct': key 'auth': must be one of password, kerberos (was 'Password')"),
                problems(VALID_ENTRY.replace("auth: password", "auth: Password")));
    }

    @Test
    void passwordAuthWithoutUsernameOrPasswordIsReported() {
        String yaml = VALID_ENTRY.replace("    username: monitor\n    password: tiger\n", "");
        assertEquals(List.of(file() + ": database 'acct': key 'username' is missing (needed with auth: password)",
                file() + ": database 'acct': key 'password' is missing (needed with auth: password)"), problems(yaml));
    }

    @Test
    void kerberosAuthWithUsernameAndPasswordIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'username': kerberos auth takes no"
                        + " username or password; remove it or use auth: password",
                        file() + ": database 'acct': key 'password': kerberos auth takes no"
                        + " username or password; remove it or use auth: password"),
                problems(VALID_ENTRY.replace("auth: password", "auth: kerberos").replace("jdbc:h2:mem:acct", KERBEROS_URL)));
    }

    @Test
    void kerberosWithAnH2UrlIsRefusedInOneLine() {
        assertEquals(List.of(file() + ": database 'acct': key 'auth': kerberos works with Oracle and PostgreSQL urls"
                        + " only, not jdbc:h2:; use auth: password"),
                problems(VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                        "auth: kerberos")));
    }

    @Test
    void keytabWithoutPrincipalIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'kerberos.principal' is missing (needed with"
                        + " kerberos.keytab: the app logs on as the principal with the keytab; give both, or neither"
                        + " to use the ticket cache)"),
                problems(VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                        "auth: kerberos\n    kerberos:\n      keytab: /etc/monitor.keytab")
                        .replace("jdbc:h2:mem:acct", KERBEROS_URL)));
    }

    @Test
    void keytabWithATicketCacheIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'kerberos.ccache': not used with kerberos.keytab, which"
                        + " logs on without a ticket cache; remove one of them"),
                problems(VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                        "auth: kerberos\n    kerberos:\n      ccache: /tmp/cc\n      principal: m@EXAMPLE.COM\n"
                                + "      keytab: /etc/monitor.keytab")
                        .replace("jdbc:h2:mem:acct", KERBEROS_URL)));
    }

    @Test
    void kerberosBlockWithPasswordAuthIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'kerberos': only allowed with auth: kerberos;"
                        + " remove it or use auth: kerberos"),
                problems(VALID_ENTRY + "    kerberos:\n      ccache: /tmp/cc\n"));
    }

    @Test
    void aKerberosKeytabThatIsAFifoIsRefusedAtStartUpWithoutBeingOpened() {
        Path fifo = SpecialFiles.fifo(dir.resolve("monitor.keytab"));
        String entry = kerberosEntry("principal: monitor@EXAMPLE.COM\n      keytab: " + fifo);
        // the JDK's keytab reader, opening the FIFO, would block the run until someone wrote to it
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(entry));
        assertEquals(List.of(file() + ": database 'acct': key 'kerberos.keytab': cannot read " + fifo
                + " (not a regular file (a FIFO, socket or device))"), problems);
    }

    @Test
    void kerberosFilesThatCannotBeReadAreReportedAtStartUpWithTheirDatabaseAndKey() {
        Path folder = dir.resolve("cache-folder");
        Path dangling = SpecialFiles.symlink(dir.resolve("krb5.conf"), dir.resolve("gone.conf"));
        Path zeros = SpecialFiles.symlink(dir.resolve("zero.keytab"), Path.of("/dev/zero"));
        Path sparse = SpecialFiles.sparse(dir.resolve("huge.keytab"), 5L << 30);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String entries = kerberosEntry("ccache: FILE:" + folder + "\n      krb5_conf: " + dangling)
                + kerberosEntry("principal: monitor@EXAMPLE.COM\n      keytab: " + zeros).replace("name: acct", "name: zeros")
                + kerberosEntry("principal: monitor@EXAMPLE.COM\n      keytab: " + sparse).replace("name: acct", "name: huge");
        assertEquals(List.of(
                file() + ": database 'acct': key 'kerberos.ccache': cannot read " + folder + " (is a directory)",
                file() + ": database 'acct': key 'kerberos.krb5_conf': cannot read " + dangling
                        + " (a link to a missing file)",
                file() + ": database 'zeros': key 'kerberos.keytab': cannot read " + zeros
                        + " (not a regular file (a FIFO, socket or device))",
                file() + ": database 'huge': key 'kerberos.keytab': cannot read " + sparse + " (" + (5L << 30)
                        + " bytes; a configuration or SQL file is read whole and may hold at most " + FileReading.MAX_BYTES
                        + " bytes)"),
                problems(entries));
    }

    @Test
    void missingKerberosFilesAreLeftForTheRunToReportAsBefore() {
        // a ticket cache appears with kinit, a keytab may be installed after the configuration: the run says so
        Path file = entries(kerberosEntry("ccache: " + dir.resolve("krb5cc_absent") + "\n      krb5_conf: "
                + dir.resolve("absent.conf")));
        assertEquals(new KerberosConfig(dir.resolve("krb5cc_absent").toString(), dir.resolve("absent.conf").toString()),
                loader().load(file).databases().get(0).kerberos());
    }

    // ---------------------------------------------------------------- connection target

    @Test
    void urlAndHostTogetherAreReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'url': cannot be given with 'host';"
                        + " use either url or host with service_name"),
                problems(VALID_ENTRY + "    host: h\n    service_name: S\n"));
    }

    @Test
    void neitherUrlNorHostIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'url' is missing (or give 'host' and 'service_name')"),
                problems(VALID_ENTRY.replace("    url: jdbc:h2:mem:acct\n", "")));
    }

    @Test
    void hostWithoutServiceNameIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'service_name' is missing (needed with 'host')"),
                problems(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h")));
    }

    @Test
    void portNextToUrlIsReported() {
        assertEquals(List.of(file() + ": database 'acct': key 'port': only used with 'host'; remove it or replace 'url' by 'host'"),
                problems(VALID_ENTRY + "    port: 1521\n"));
    }

    // ---------------------------------------------------------------- durations and numbers

    @Test
    void badDurationsAreReported() {
        String yaml = VALID_ENTRY.replace("    sql_queries:", "    connect_timeout: 0s\n    sql_queries:") + "        timeout: soon\n";
        assertEquals(List.of(
                file() + ": database 'acct': key 'connect_timeout': must be a duration greater than zero, e.g. 15s, 10m, 1h"
                        + " or ISO-8601 PT15S, not '0s'",
                file() + ": database 'acct', query 'q1': key 'timeout': must be a duration greater than zero, e.g. 15s, 10m,"
                        + " 1h or ISO-8601 PT15S, not 'soon'"),
                problems(yaml));
    }

    @Test
    void nonPositiveFetchSizeAndMaxRowsAreReported() {
        String yaml = VALID_ENTRY + "        fetch_size: 0\n        max_rows: -5\n";
        assertEquals(List.of(
                file() + ": database 'acct', query 'q1': key 'fetch_size': must be a whole number of at least 1, not '0'",
                file() + ": database 'acct', query 'q1': key 'max_rows': must be a whole number of at least 1, not '-5'"),
                problems(yaml));
    }

    @Test
    void wholeNumbersWrittenWithAZeroFractionAreUsedExactly() {
        Path file = entries(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: 1521.0\n    service_name: SVC")
                + "        fetch_size: 2.0e0\n        max_rows: 1.0\n");
        DatabaseConfig only = loader().load(file).databases().get(0);
        assertEquals("jdbc:oracle:thin:@//db.example.com:1521/SVC", only.url());
        assertEquals(2, only.queries().get(0).fetchSize());
        assertEquals(1, only.queries().get(0).maxRows());
        Path exponent = entries(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: 1e3\n    service_name: SVC"));
        assertEquals("jdbc:oracle:thin:@//db.example.com:1000/SVC", loader().load(exponent).databases().get(0).url());
    }

    @Test
    void aRealFractionIsRefusedInsteadOfDroppingTheDatabase() {
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h\n    port: 1521.5\n    service_name: S")
                + "        max_rows: 1.0000000000000001\n";
        assertEquals(List.of(
                file() + ": database 'acct': key 'port': must be a port number between 1 and 65535, not '1521.5'",
                file() + ": database 'acct', query 'q1': key 'max_rows': must be a whole number of at least 1, not"
                        + " '1.0000000000000001'"),
                problems(yaml));
    }

    @Test
    void quotedAndHugeNumbersOutOfRangeAreRefused() {
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h\n    port: \"70000\"\n    service_name: S")
                + "        fetch_size: \"99999999999\"\n        max_rows: 1e400\n";
        assertEquals(List.of(
                file() + ": database 'acct': key 'port': must be a port number between 1 and 65535, not '70000'",
                file() + ": database 'acct', query 'q1': key 'fetch_size': must be a whole number of at least 1, not"
                        + " '99999999999'",
                file() + ": database 'acct', query 'q1': key 'max_rows': must be a whole number of at least 1, not"
                        + " '1E+400'"),
                problems(yaml));
    }

    @Test
    void anInfiniteNumberIsRefusedWithItsPositionAndWithoutItsText() {
        String yaml = VALID_ENTRY.replace("password: tiger", "password: .inf");
        assertEquals(List.of(file() + ": line 6, column 15: key 'password': a number with no exact value (.inf or .nan);"
                        + " quote it if it is text"),
                problems(yaml));
    }

    @Test
    void aPortWithALeadingZeroIsRefusedWhereItIsInsteadOfBeingReadAsOctal() {
        // YAML 1.1 reads 01521 as 849: a port in range, so no check after the parse could see it
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: 01521\n    service_name: S");

        assertEquals(List.of(file() + ": line 4, column 11: key 'port': a number with a leading 0, which YAML reads as"
                + " octal (01521 is 849); write it without the leading 0, or quote the value if it is text"), problems(yaml));
    }

    @Test
    void numbersInOtherBasesOrWithUnderscoresAreRefusedTogetherInFileOrder() {
        String yaml = VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: 0x5F1\n    service_name: S")
                + "        fetch_size: 1_000\n        max_rows: 0b11\n";

        assertEquals(List.of(
                file() + ": line 4, column 11: key 'port': a number in hexadecimal, octal or binary (0x, 0o, 0b); write it"
                        + " in decimal, or quote the value if it is text",
                file() + ": line 12, column 21: key 'fetch_size': a number written with '_', which YAML drops; write the"
                        + " digits alone, or quote the value if it is text",
                file() + ": line 13, column 19: key 'max_rows': a number in hexadecimal, octal or binary (0x, 0o, 0b);"
                        + " write it in decimal, or quote the value if it is text"), problems(yaml));
    }

    @Test
    void aPasswordOfDigitsWithALeadingZeroIsRefusedWithoutItsDigits() {
        List<String> problems = problems(VALID_ENTRY.replace("password: tiger", "password: 0123"));

        assertEquals(List.of(file() + ": line 6, column 15: key 'password': a number with a leading 0, which YAML reads"
                + " as octal (01521 is 849); write it without the leading 0, or quote the value if it is text"), problems);
        // after the file's name, whose temp folder's random digits may hold them
        String message = problems.get(0).substring(file().toString().length());
        assertFalse(message.contains("0123") || message.contains("83"), problems::toString);
    }

    @Test
    void anInfiniteNumberDoesNotHideTheNumberProblemsAfterIt() {
        String yaml = VALID_ENTRY + "    properties:\n      a: .nan\n      b: 0x10\n";
        assertEquals(List.of(
                file() + ": line 11, column 10: key 'a': a number with no exact value (.inf or .nan); quote it if it is text",
                file() + ": line 12, column 10: key 'b': a number in hexadecimal, octal or binary (0x, 0o, 0b); write it"
                        + " in decimal, or quote the value if it is text"), problems(yaml));
    }

    @Test
    void decimalNumbersInEveryPlainFormAreStillRead() {
        Path file = entries(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: db.example.com\n    port: +1521\n    service_name: S")
                + "        fetch_size: 0.5e1\n        max_rows: 10.\n");
        DatabaseConfig only = loader().load(file).databases().get(0);

        assertEquals("jdbc:oracle:thin:@//db.example.com:1521/S", only.url());
        assertEquals(5, only.queries().get(0).fetchSize());
        assertEquals(10, only.queries().get(0).maxRows());
    }

    /** JDBC's setQueryTimeout takes seconds: 1500ms used to be cut to 1 s, 500ms raised to 1 s. */
    @Test
    void aQueryTimeoutThatIsNotWholeSecondsIsRefusedWithTheSecondsToWrite() {
        String yaml = VALID_ENTRY.replace("query_location: q1.sql", "query_location: q1.sql\n        timeout: 1500ms")
                + VALID_ENTRY.replace("name: acct", "name: other").replace("query_location: q1.sql",
                        "query_location: q1.sql\n        timeout: 500ms");
        assertEquals(List.of(
                file() + ": database 'acct', query 'q1': key 'timeout': '1500ms' is not whole seconds: JDBC drivers time a"
                        + " query out in whole seconds; write 2s or 1s",
                file() + ": database 'other', query 'q1': key 'timeout': '500ms' is not whole seconds: JDBC drivers time a"
                        + " query out in whole seconds; write 1s"), problems(yaml));
        Path wholeSeconds = entries(VALID_ENTRY.replace("query_location: q1.sql", "query_location: q1.sql\n        timeout: 2000ms"));
        assertEquals(Duration.ofSeconds(2), loader().load(wholeSeconds).databases().get(0).queries().get(0).timeout());
    }

    @Test
    void aNumberFromTheEnvironmentIsUsedOnceResolved() {
        environment.put("DB_PORT", "1600");
        Path file = entries(VALID_ENTRY.replace("url: jdbc:h2:mem:acct", "host: h\n    port: ${env:DB_PORT}\n    service_name: S"));
        assertEquals("jdbc:oracle:thin:@//h:1600/S", loader().load(file).databases().get(0).url());
    }

    @Test
    void aNumberFromTheEnvironmentIsCheckedOnceResolvedAndNamedByItsReference() {
        // 2.0 written in the file would pass; the problem names the reference, never the environment's value
        environment.put("ROWS", "2.0");
        assertEquals(List.of(file() + ": database 'acct', query 'q1': key 'max_rows': must be a whole number of at least 1,"
                        + " not '${env:ROWS}'"),
                problems(VALID_ENTRY + "        max_rows: ${env:ROWS}\n"));
    }

    // ---------------------------------------------------------------- SQL files

    @Test
    void missingSqlFileIsReportedWithResolvedAbsolutePath() {
        Path expected = dir.resolve("sql/x.sql").toAbsolutePath();
        String yaml = VALID_ENTRY.replace("name: q1\n        query_location: q1.sql",
                "name: Get token changes\n        query_location: sql/x.sql");
        assertEquals(List.of(file() + ": database 'acct', query 'Get token changes': key 'query_location': cannot read "
                + expected + " (no such file)"), problems(yaml));
    }

    @Test
    void sqlLocationThatIsADirectoryIsReported() throws IOException {
        Files.createDirectories(dir.resolve("sql"));
        assertEquals(List.of(file() + ": database 'acct', query 'q1': key 'query_location': cannot read "
                        + dir.resolve("sql").toAbsolutePath() + " (is a directory)"),
                problems(VALID_ENTRY.replace("query_location: q1.sql", "query_location: sql")));
    }

    @Test
    void unreadableSqlFileIsReported() throws IOException {
        Path locked = sql("locked.sql", "select 1 from dual");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user (e.g. root)");
        assertEquals(List.of(file() + ": database 'acct', query 'q1': key 'query_location': cannot read "
                        + locked.toAbsolutePath() + " (permission denied)"),
                problems(VALID_ENTRY.replace("query_location: q1.sql", "query_location: locked.sql")));
    }

    @Test
    void sqlFileRejectedByValidatorIsReportedWithQueryAndPath() throws IOException {
        Path insert = sql("insert.sql", "INSERT INTO audit VALUES (1)");
        List<String> problems = problems(VALID_ENTRY.replace("query_location: q1.sql", "query_location: insert.sql"));
        assertFalse(problems.isEmpty());
        String prefix = file() + ": database 'acct', query 'q1': key 'query_location': " + insert.toAbsolutePath() + ": ";
        assertTrue(problems.stream().allMatch(line -> line.startsWith(prefix) && line.length() > prefix.length()),
                problems::toString);
    }

    // ---------------------------------------------------------------- everything at once

    @Test
    void allProblemsOfAFileAreReportedTogether() {
        String yaml = """
                databases:
                  - name: acct
                    url: jdbc:postgresql://db.example.com/acct
                    auth: kerberos
                    password: ${env:UNSET_PASSWORD}
                    sql_queries:
                      - name: q1
                        query_location: missing.sql
                        fetch_size: 0
                  - name: acct
                    auth: ldap
                    sql_queries: []
                """;
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> loader().load(yaml(yaml)));

        assertEquals(List.of(
                file() + ": database 'acct': key 'password': kerberos auth takes no username or password;"
                        + " remove it or use auth: password",
                file() + ": database 'acct', query 'q1': key 'fetch_size': must be a whole number of at least 1, not '0'",
                file() + ": database 'acct', query 'q1': key 'query_location': cannot read "
                        + dir.resolve("missing.sql").toAbsolutePath() + " (no such file)",
                file() + ": database 'acct': key 'auth': must be one of password, kerberos (was 'ldap')",
                file() + ": database 'acct': key 'sql_queries': must list at least one query",
                file() + ": database 'acct': key 'url' is missing (or give 'host' and 'service_name')",
                file() + ": database 'acct': key 'name': duplicate database name 'acct' (also used by database #1)"), e.problems());
        assertEquals(String.join("\n", e.problems()), e.getMessage());
    }

    @Test
    void noProblemRevealsThePasswordOrAnEnvironmentValue() {
        environment.put("DB_PASSWORD", "env-s3cret");
        String yaml = """
                databases:
                  - name: acct
                    url: jdbc:oracle:thin:@//h:1521/S
                    auth: kerberos
                    username: monitor
                    password: ${env:DB_PASSWORD}
                    sql_queries:
                      - name: q1
                        query_location: q1.sql
                  - name: other
                    auth: password
                    username: u
                    password: literal-s3cret
                    kerberos:
                    sql_queries: 5
                """;
        List<String> problems = problems(yaml);
        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.stream().noneMatch(line -> line.contains("s3cret")), problems::toString);
    }

    // ---------------------------------------------------------------- helpers

    private DatabasesFileLoader loader() {
        return new DatabasesFileLoader(environment::get);
    }

    private String file() {
        return dir.resolve("databases.yaml").toString();
    }

    private Path yaml(String text) {
        try {
            return Files.writeString(dir.resolve("databases.yaml"), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path entries(String entries) {
        return yaml("databases:\n" + entries);
    }

    private Path sql(String relative, String text) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    /** A Kerberos database like VALID_ENTRY, with these lines in its kerberos block. */
    private static String kerberosEntry(String kerberosLines) {
        return VALID_ENTRY.replace("auth: password\n    username: monitor\n    password: tiger",
                "auth: kerberos\n    kerberos:\n      " + kerberosLines).replace("jdbc:h2:mem:acct", KERBEROS_URL);
    }

    /** Problems of a file made of a {@code databases:} header and the given entries. */
    private List<String> problems(String entries) {
        return problemsOf(entries.startsWith("databases:") ? entries : "databases:\n" + entries);
    }

    private List<String> problemsOf(String wholeFile) {
        return problems(yaml(wholeFile));
    }

    private List<String> problems(Path file) {
        return assertThrows(InvalidConfigurationException.class, () -> loader().load(file)).problems();
    }

    /** The file's text as it is on disk, checked: what the loader must carry for the run. */
    private static CheckedSql checked(Path sqlFile) throws IOException {
        return CheckedSql.check(Files.readString(sqlFile), problem -> {
            throw new AssertionError(problem);
        }).orElseThrow();
    }
}
