package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.example.monitor.testing.SpecialFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in process: arguments, validation messages, exit codes and the report. */
class MonitorLauncherTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static String crmUrl;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void createDatabase() throws Exception {
        crmUrl = POSTGRES.server().createDatabase("launcher_crm",
                "CREATE TABLE email_changes (client_id int, changed_at timestamp)",
                "INSERT INTO email_changes VALUES (1, '2026-11-02 10:00:00'), (2, '2026-01-01 00:00:00')");
    }

    @Test
    void allQueriesCompletedExitsZeroAndWritesTheReport() throws Exception {
        ProjectFiles project = new ProjectFiles(dir).database("crm", crmUrl)
                .query("Get all email changes", "email_changes.sql",
                        "SELECT client_id FROM email_changes WHERE changed_at >= :start_date\n");
        project.write();

        int exit = run(project, "--monitor.start-date=2026-10-29");

        assertThat(exit).as(errText()).isZero();
        assertThat(errorLines()).isEmpty();
        JsonNode report = onlyReport(project);
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.get("trigger").asText()).isEqualTo("cli");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-29T00:00:00");
        assertThat(report.at("/databases/crm/queries/Get all email changes/rowCount").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingQueryExitsThreeAndStillWritesTheReport() throws Exception {
        ProjectFiles project = new ProjectFiles(dir).database("crm", crmUrl)
                .query("Broken query", "broken.sql", "SELECT * FROM no_such_table\n")
                .query("Get all email changes", "email_changes.sql",
                        "SELECT client_id FROM email_changes WHERE changed_at >= :start_date\n");
        project.write();

        int exit = run(project, "--monitor.start-date=2026-10-29");

        assertThat(exit).as(errText()).isEqualTo(3);
        JsonNode report = onlyReport(project);
        assertThat(report.get("status").asText()).isEqualTo("partial");
        assertThat(report.at("/databases/crm/queries/Broken query/status").asText()).isEqualTo("failed");
        assertThat(report.at("/databases/crm/queries/Get all email changes/status").asText()).isEqualTo("completed");
    }

    @Test
    void anUnknownArgumentExitsTwoAndRunsNothing() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--nope");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().startsWith("error: ").contains("--nope").contains("--help");
        assertNoReport(project);
    }

    @Test
    void aMistypedSettingArgumentExitsTwoAndSuggestsTheClosestSetting() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.query-timout=5m", "--monitor.fetchsize=10");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--monitor.query-timout=...': unknown setting monitor.query-timout;"
                        + " did you mean monitor.query-timeout?",
                "error: argument '--monitor.fetchsize=...': unknown setting monitor.fetchsize;"
                        + " did you mean monitor.fetch-size?");
        assertNoReport(project);
    }

    /** Only the setting's line came, and databases.yaml's after that was fixed: one restart per problem. */
    @Test
    void aBadSettingAndABadDatabasesFileAreReportedTogether() throws Exception {
        ProjectFiles project = validProject();
        Files.writeString(project.databasesFile(),
                Files.readString(project.databasesFile()).replace("auth: password", "auth: pasword"));

        int exit = run(project, "--monitor.fetch-size=0");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("error: monitor.fetch-size:"))
                .anySatisfy(line -> assertThat(line).startsWith("error: " + project.databasesFile())
                        .contains("database 'crm': key 'auth'").contains("(was 'pasword')"));
        assertNoReport(project);
    }

    @Test
    void aMisspelledTokenArgumentOrOneSplitByASpaceNeverPrintsTheToken() throws Exception {
        ProjectFiles project = validProject();

        // a value whose key is unknown or missing may be the secret itself: only the key is shown
        // run() puts --monitor.databases-file and --monitor.output-dir first: the value is argument #5
        int exit = run(project, "--monitor.http.tokn=s3cr3t-one", "--monitor.http.token", "s3cr3t-two");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--monitor.http.tokn=...': unknown setting monitor.http.tokn;"
                        + " did you mean monitor.http.token?",
                "error: argument '--monitor.http.token': expected --monitor.<name>=<value>; see --help",
                "error: argument #5 (not shown: it may be a secret): expected --monitor.<name>=<value>; see --help");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t");
        assertNoReport(project);
    }

    @Test
    void aSettingGivenTwiceAsArgumentsExitsTwoInsteadOfTakingTheLastOneSilently() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.lookback-days=3", "--monitor.lookback-days=5");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--monitor.lookback-days=...': monitor.lookback-days is given twice; give it once");
        assertNoReport(project);
    }

    /** A value pasted by mistake made one error line of its whole size. */
    @Test
    void aHugeValueIsQuotedCutWithItsLengthInItsErrorLine() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.start-date=" + "9".repeat(131_072));

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString()
                .startsWith("error: monitor.start-date: '999").contains("…' (131072 characters) is not a date")
                .hasSizeLessThan(400);
    }

    @Test
    void aStartDateThatIsNotADateExitsTwoAndSaysWhatIsAccepted() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.start-date=yesterday");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.start-date: 'yesterday' is not a date;"
                + " use 2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00");
        assertNoReport(project);
    }

    @Test
    void controlCharactersInAValueReachTheErrorLineEscaped() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.start-date=2026\u001b[2J\nerror: forged");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.start-date: '2026\\u001B[2J\\nerror: forged' is not a date;"
                + " use 2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b");
    }

    @Test
    void aStartDateWithASpaceAsSqlDeveloperShowsItIsTheSameAsWithATee() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.start-date=2026-10-01 06:30:00");

        assertThat(exit).as(new String(err.toByteArray(), StandardCharsets.UTF_8)).isZero();
        try (Stream<Path> files = Files.list(project.outputDir())) {
            Path report = files.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.readString(report)).contains("\"startDate\":\"2026-10-01T06:30:00\"");
        }
    }

    @Test
    void reportsAreOwnerOnlyByDefault() throws Exception {
        ProjectFiles project = validProject();

        assertThat(run(project, "--monitor.start-date=2026-10-29")).isZero();

        assertThat(Files.getPosixFilePermissions(onlyReportFile(project)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void reportPermissionsLetADownstreamReaderInTheGroupReadThem() throws Exception {
        ProjectFiles project = validProject();

        assertThat(run(project, "--monitor.start-date=2026-10-29", "--monitor.report-permissions=rw-r-----")).isZero();

        assertThat(Files.getPosixFilePermissions(onlyReportFile(project)))
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void malformedReportPermissionsExitTwoAndNothingRuns() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.report-permissions=640");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: monitor.report-permissions: '640' is not a permission string like rw-r-----");
        assertNoReport(project);
    }

    @Test
    void anUnknownCamelOptionExitsTwoAndNamesTheArgument() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.no-such-option=1");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString()
                .isEqualTo("error: argument '--camel.main.no-such-option=...': Camel has no such option");
        assertNoReport(project);
    }

    @Test
    void aCamelOptionWithAValueOfTheWrongTypeExitsTwoAndNamesTheArgument() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.jmx-enabled=maybe");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString()
                .isEqualTo("error: argument '--camel.main.jmx-enabled=...': Camel cannot use its value for this option");
        assertNoReport(project);
    }

    /** Camel Main skips camel.MAIN.* and camel.mian.* without a word and runs with its defaults (measured). */
    @Test
    void aCamelKeyCamelWouldIgnoreExitsTwoNamingTheKeyMeant() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.MAIN.shutdown-timeout=5", "--camel.mian.name=x");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--camel.MAIN.shutdown-timeout=...': Camel reads no camel.MAIN.* options and would"
                        + " ignore this key without a word; did you mean camel.main.shutdown-timeout?",
                "error: argument '--camel.mian.name=...': Camel reads no camel.mian.* options and would ignore this key"
                        + " without a word; did you mean camel.main.name?");
        assertNoReport(project);
    }

    /** Camel stopped at its first unknown option, after the other argument lines were already printed alone. */
    @Test
    void anUnknownCamelOptionIsReportedWithTheOtherArgumentProblems() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.shutdown-timeout=abc", "--camel.main.nosuch=1", "--camel.server.nosuch=2");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--camel.main.shutdown-timeout=...': expects a whole number (Camel reads other text"
                        + " its own way: abc as 0, 30s as 30000)",
                "error: argument '--camel.main.nosuch=...': Camel has no such option",
                "error: argument '--camel.server.nosuch=...': Camel has no such option");
        assertNoReport(project);
    }

    /** Camel would have taken abc as 0 seconds, 30s as 30000 seconds, and wrapped the large one round. */
    @Test
    void aCamelWholeNumberOptionCamelWouldMisreadExitsTwoWithALinePerArgument() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.shutdown-timeout=abc", "--camel.main.startupRecorderMaxDepth=30s",
                "--camel.server.port=3000000000", "--camel.routecontroller.back-off-delay=5x");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--camel.main.shutdown-timeout=...': expects a whole number (Camel reads other text"
                        + " its own way: abc as 0, 30s as 30000)",
                "error: argument '--camel.main.startupRecorderMaxDepth=...': expects a whole number without a unit:"
                        + " Camel reads a unit as milliseconds, and this option does not count milliseconds",
                "error: argument '--camel.server.port=...': is out of range for this option (-2147483648 to"
                        + " 2147483647); Camel would wrap it round without a word",
                "error: argument '--camel.routecontroller.back-off-delay=...': expects a whole number of milliseconds"
                        + " or a duration such as 500ms, 30s or 5m (Camel reads other text its own way: abc as 0)");
        assertNoReport(project);
    }

    @Test
    void aCamelOptionUnderTwoSpellingsIsGivenTwice() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.shutdown-timeout=5", "--camel.main.shutdownTimeout=6");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: argument '--camel.main.shutdownTimeout=...':"
                + " camel.main.shutdownTimeout is given twice; give it once");
        assertNoReport(project);
    }

    /** Resolved by Camel's own properties first; Camel's error quoted the whole unresolvable value. */
    @Test
    void aCamelOptionWithAPlaceholderIsCheckedOnceResolvedAndAnUnresolvableOneIsNotQuoted() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--camel.main.shutdown-timeout={{monitor.query-timeout}}",
                "--camel.main.name=hunter2{{", "--camel.server.port={{env:NO_SUCH_VARIABLE_HERE}}");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "error: argument '--camel.main.name=...': holds a {{placeholder}} Camel cannot resolve (a property or"
                        + " variable it names is not set, or a {{ or }} is unmatched)",
                "error: argument '--camel.main.shutdown-timeout=...': expects a whole number without a unit: Camel"
                        + " reads a unit as milliseconds, and this option does not count milliseconds, once resolved",
                "error: argument '--camel.server.port=...': holds a {{placeholder}} Camel cannot resolve (a property or"
                        + " variable it names is not set, or a {{ or }} is unmatched)");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
        assertNoReport(project);
    }

    @Test
    void aDurationThatIsNotADurationExitsTwoAndSaysWhatIsAccepted() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.query-timeout=forever");

        assertThat(exit).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString()
                .startsWith("error: monitor.query-timeout: 'forever' is not a duration")
                .contains("15s");
        assertNoReport(project);
    }

    @Test
    void everyProblemInDatabasesYamlGetsItsOwnLineAndNothingRuns() throws Exception {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/ok.sql"), "SELECT 1\n");
        Path file = dir.resolve("databases.yaml");
        Files.writeString(file, """
                databases:
                  - name: crm
                    url: "%s"
                    auth: password
                    username: postgres
                    password: postgres
                    sql_queries:
                      - name: Fine
                        query_location: sql/ok.sql
                      - name: Gone
                        query_location: sql/missing.sql
                  - name: crm
                    url: "%s"
                    auth: password
                    username: postgres
                    password: ${env:SURELY_UNSET_VAR_123}
                    sql_queries:
                      - name: Fine
                        query_location: sql/ok.sql
                """.formatted(crmUrl, crmUrl));
        Path output = dir.resolve("output");

        int exit = new MonitorLauncher(stream(out), stream(err)).run("--monitor.databases-file=" + file,
                "--monitor.output-dir=" + output, "--monitor.start-date=2026-10-29");

        assertThat(exit).isEqualTo(2);
        List<String> errors = errorLines();
        assertThat(errors).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("error: " + file + ": "));
        assertThat(errors).anySatisfy(line -> assertThat(line)
                .contains("database 'crm', query 'Gone'").contains("query_location").contains("missing.sql"));
        assertThat(errors).anySatisfy(line -> assertThat(line)
                .contains("database 'crm'").contains("key 'name'").contains("duplicate database name"));
        assertThat(errors).anySatisfy(line -> assertThat(line)
                .contains("database 'crm'").contains("key 'password'").contains("SURELY_UNSET_VAR_123"));
        assertThat(output).doesNotExist();
    }

    @Test
    void helpExitsZeroAndPrintsTheUsage() {
        int exit = new MonitorLauncher(stream(out), stream(err)).run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar client-activity-monitor.jar")
                .contains("--monitor.start-date=").contains("--monitor.databases-file=")
                .contains("--monitor.max-parallel-databases=").contains("--monitor.inbox-read-lock-interval=1s")
                .contains("exit codes:");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aServerOnANetworkAddressWithoutATokenExitsTwoAndRunsNothing() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.mode=service", "--monitor.http.port=0", "--monitor.http.host=0.0.0.0",
                "--monitor.http.allowed-hosts=*");

        assertThat(exit).as(errText()).isEqualTo(2);
        assertThat(errorLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: monitor.http.host: '0.0.0.0' is reachable from the network")
                .contains("monitor.http.token"));
        assertNoReport(project);
    }

    @Test
    void anInboxThatIsTheOutputFolderExitsTwoAndRunsNothing() throws Exception {
        ProjectFiles project = validProject();

        int exit = run(project, "--monitor.mode=service", "--monitor.inbox-dir=" + project.outputDir());

        assertThat(exit).as(errText()).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.inbox-dir: " + project.outputDir()
                + " is the output folder (monitor.output-dir=" + project.outputDir()
                + "); give requests and reports folders apart");
        assertNoReport(project);
    }

    @Test
    void aSymlinkedInboxArchiveFolderExitsTwoNamingItAndFollowsNothing() throws Exception {
        ProjectFiles project = validProject();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(inbox.resolve(".error"), elsewhere);

        int exit = run(project, "--monitor.mode=service", "--monitor.inbox-dir=" + inbox);

        assertThat(exit).as(errText()).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.inbox-dir: " + inbox.toAbsolutePath().resolve(".error")
                + " is a symbolic link, not a folder; the service writes only into real folders");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertNoReport(project);
    }

    @Test
    void aDanglingLinkAsTheOutputFolderExitsTwoAndRunsNothing() throws Exception {
        ProjectFiles project = validProject();
        Path dangling = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));

        int exit = new MonitorLauncher(stream(out), stream(err)).run(
                "--monitor.databases-file=" + project.databasesFile(), "--monitor.output-dir=" + dangling);

        assertThat(exit).as(errText()).isEqualTo(2);
        assertThat(errorLines()).containsExactly("error: monitor.output-dir: cannot write reports to " + dangling
                + " (" + dangling + " is not a writable folder)");
        assertThat(dir.resolve("gone")).doesNotExist();
    }

    @Test
    void anSqlFileThatIsAFifoExitsTwoAtStartUpNamingItInsteadOfHanging() throws Exception {
        ProjectFiles project = new ProjectFiles(dir).database("crm", crmUrl).query("One", "one.sql", "SELECT 1\n");
        project.write();
        Path sql = project.root().resolve("sql").resolve("one.sql");
        Files.delete(sql);
        SpecialFiles.fifo(sql);

        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(project, "--monitor.start-date=2026-10-29"));

        assertThat(exit).as(errText()).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().startsWith("error: ").contains(sql.toString())
                .contains("not a regular file");
        assertNoReport(project);
    }

    private ProjectFiles validProject() {
        ProjectFiles project = new ProjectFiles(dir).database("crm", crmUrl)
                .query("One", "one.sql", "SELECT 1\n");
        project.write();
        return project;
    }

    private int run(ProjectFiles project, String... extra) {
        List<String> args = new ArrayList<>(List.of("--monitor.databases-file=" + project.databasesFile(),
                "--monitor.output-dir=" + project.outputDir()));
        args.addAll(List.of(extra));
        return new MonitorLauncher(stream(out), stream(err)).run(args.toArray(String[]::new));
    }

    private static Path onlyReportFile(ProjectFiles project) throws IOException {
        try (Stream<Path> files = Files.list(project.outputDir())) {
            List<Path> reports = files.filter(file -> file.getFileName().toString().endsWith(".json")).toList();
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String errText() {
        return "stderr: " + err.toString(StandardCharsets.UTF_8);
    }

    private List<String> errorLines() {
        return err.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode onlyReport(ProjectFiles project) {
        return new ReportFiles(project.outputDir(), project.databasesFile()).only();
    }

    private static void assertNoReport(ProjectFiles project) throws IOException {
        if (Files.exists(project.outputDir())) {
            try (Stream<Path> files = Files.list(project.outputDir())) {
                assertThat(files).isEmpty();
            }
        }
    }
}
