package com.example.monitor.cli;

import static com.example.monitor.testing.MonitorProcess.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.H2DemoProject;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import com.example.monitor.testing.SpecialFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as users start it: {@code java -jar client-activity-monitor.jar} in a child
 * process, from different working directories. Runs in the failsafe integration-test phase, after
 * {@code package} built the jar.
 */
@PackagedJar
class JarProcessIT {

    private static final String EDITED_ROUTE_LINE = "run-analysis as edited in the working folder";

    @TempDir
    Path dir;

    @Test
    void runsFromAFolderWithOnlyDatabasesYamlAndWritesTheReportThere() throws Exception {
        H2DemoProject.write(dir, "jar_it");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isZero();
        JsonNode report = new ReportFiles(dir.resolve("output")).only();
        assertThat(report.get("status").asText()).isEqualTo("completed");
        JsonNode emails = report.at("/databases/it_demo/queries/Recent email changes");
        assertThat(emails.get("status").asText()).isEqualTo("completed");
        assertThat(emails.get("rowCount").asInt()).isEqualTo(4);
        assertThat(result.log()).contains("progress database=it_demo query=\"all\" status=connecting")
                .contains("progress database=it_demo query=\"Recent email changes\" status=completed rows=4 elapsedMs=");
    }

    @Test
    void aJsonRunLoadsNoClassOfTheParquetWriterAndAParquetRunWritesItsFilesFromThePackagedJar() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path json = dir.resolve("json-classes.log");
        Path parquet = dir.resolve("parquet-classes.log");

        Result jsonRun = MonitorProcess.jar().in(dir).jvmOptions("-Xlog:class+load=info:file=" + json)
                .args("--monitor.start-date=2020-01-01").run();
        Result parquetRun = MonitorProcess.jar().in(dir).jvmOptions("-Xlog:class+load=info:file=" + parquet)
                .args("--monitor.start-date=2020-01-01", "--monitor.rows-format=parquet",
                        "--monitor.output-dir=parquet-output").run();

        assertThat(jsonRun.exit()).as(jsonRun.log()).isZero();
        assertThat(Files.readString(json)).contains("com.example.monitor.steps.QueryResults")
                .doesNotContain("org.duckdb.");
        assertThat(parquetRun.exit()).as(parquetRun.log()).isZero();
        assertThat(Files.readString(parquet)).contains("org.duckdb.DuckDBNative");
        List<JsonNode> reports = new ReportFiles(dir.resolve("parquet-output")).all();
        assertThat(reports).hasSize(1);
        String runId = reports.get(0).get("runId").asText();
        try (Stream<Path> files = Files.list(dir.resolve("parquet-output"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("the report and its run's folder, no spool or temp file").containsExactlyInAnyOrder(
                            runId + ".json", runId);
        }
        JsonNode emails = reports.get(0).at("/databases/it_demo/queries/Recent email changes");
        assertThat(emails.has("rows")).isFalse();
        assertThat(emails.get("rowsFile").asText()).isEqualTo(runId + "/it_demo/Recent email changes.parquet");
        assertThat(dir.resolve("parquet-output").resolve(emails.get("rowsFile").asText())).isRegularFile();
    }

    @Test
    void runsTheDemoFromTheRepoRootWithoutLoadingARouteTwice() throws Exception {
        Path output = dir.resolve("demo-output");

        Result result = MonitorProcess.jar().in(PROJECT).args("--monitor.output-dir=" + output).run();

        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(result.log()).doesNotContainIgnoringCase("duplicate")
                .contains("progress database=client_activity_analysis query=\"all\" status=connecting")
                .contains("progress database=client_activity_analysis query=\"Get all email changes\" status=completed rows=")
                .contains("progress database=account_activity_analysis query=\"all\" status=completed elapsedMs=");
        JsonNode report = new ReportFiles(output).only();
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.get("databases").fieldNames()).toIterable()
                .containsExactly("client_activity_analysis", "account_activity_analysis");
    }

    @Test
    void applicationPropertiesInTheWorkingFolderOverridesTheDefaults() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Files.writeString(dir.resolve("application.properties"), "monitor.output-dir = custom-reports\n");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(new ReportFiles(dir.resolve("custom-reports")).only().get("status").asText()).isEqualTo("completed");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void aBadStartDateExitsTwoWithTheAcceptedFormsAndWritesNoReport() throws Exception {
        H2DemoProject.write(dir, "jar_it");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=yesterday").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(result.log()).contains("error: monitor.start-date: 'yesterday' is not a date")
                .contains("2026-10-01T06:00:00")
                .doesNotContain("status=connecting");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void aMistypedSettingInTheWorkingFoldersPropertiesExitsTwoWithTheClosestSetting() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Files.writeString(dir.resolve("application.properties"), "monitor.query-timout = 5m\n");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(errorLines(result)).containsExactly("error: " + dir.toRealPath().resolve("application.properties")
                + ": unknown setting monitor.query-timout; did you mean monitor.query-timeout?");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /** UTF-8, as databases.yaml and the SQL are: Camel had read it as Latin-1, making a folder "cafÃ©". */
    @Test
    void applicationPropertiesInTheWorkingFolderIsUtf8() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Files.writeString(dir.resolve("application.properties"), "monitor.output-dir = café\n");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isZero();
        try (Stream<Path> made = Files.list(dir)) {
            assertThat(made.map(path -> path.getFileName().toString())).contains("café").doesNotContain("cafÃ©");
        }
    }

    /** Each would have been taken another way without a word (Latin-1, the last value) or with exit 1. */
    @Test
    void applicationPropertiesThatIsNotUtf8GivesAKeyTwiceOrACamelOptionCamelHasNotExitsTwoNamingIt() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path properties = dir.toRealPath().resolve("application.properties");
        Files.write(properties, "monitor.output-dir = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Result latin1 = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(30));
        Files.writeString(properties, "monitor.fetch-size = 10\nmonitor.fetch-size = 20\n");
        Result twice = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(30));
        Files.writeString(properties, "camel.main.no-such-option = 3\n");
        Result camelOption = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(60));

        assertThat(List.of(latin1.exit(), twice.exit(), camelOption.exit()))
                .as(latin1.log() + twice.log() + camelOption.log()).containsExactly(2, 2, 2);
        assertThat(errorLines(latin1)).containsExactly("error: cannot read " + properties + " (not valid UTF-8 text)");
        assertThat(errorLines(twice)).containsExactly("error: " + properties
                + ": monitor.fetch-size is given twice; keep one (Camel would take the last without a word)");
        assertThat(errorLines(camelOption)).containsExactly("error: " + properties
                + ": camel.main.no-such-option: Camel has no such option");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /** The argument's line came alone, and the file's only once it was fixed: a restart per problem. */
    @Test
    void aBadArgumentAndABadApplicationPropertiesAreReportedTogether() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path properties = dir.toRealPath().resolve("application.properties");
        Files.writeString(properties, "monitor.fetch-size = 10\nmonitor.fetch-size = 20\n");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.query-timout=5m").run(Duration.ofSeconds(30));

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(errorLines(result)).containsExactly(
                "error: argument '--monitor.query-timout=...': unknown setting monitor.query-timout;"
                        + " did you mean monitor.query-timeout?",
                "error: " + properties + ": monitor.fetch-size is given twice; keep one (Camel would take the last"
                        + " without a word)");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /** Camel Main binds CAMEL_* variables too, and would have read 30s as 30000 seconds. */
    @Test
    void aCamelOptionInTheEnvironmentThatCamelWouldMisreadOrCannotBindExitsTwoNamingItWithoutItsValue() throws Exception {
        H2DemoProject.write(dir, "jar_it");

        Result result = MonitorProcess.jar().in(dir).env("CAMEL_MAIN_SHUTDOWN_TIMEOUT", "30s").run(Duration.ofSeconds(30));
        Result secret = MonitorProcess.jar().in(dir).env("CAMEL_MAIN_SHUTDOWN_TIME_OUT", "hunter2").run(Duration.ofSeconds(30));

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(errorLines(result)).containsExactly("error: environment variable CAMEL_MAIN_SHUTDOWN_TIMEOUT:"
                + " expects a whole number without a unit: Camel reads a unit as milliseconds, and this option does not"
                + " count milliseconds");
        // no option of Camel's: Camel's own message quoted the value
        assertThat(secret.exit()).as(secret.log()).isEqualTo(2);
        assertThat(secret.log()).doesNotContain("hunter2");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /** Camel would read what it finds there: a FIFO blocked start-up for good, a huge file filled the heap. */
    @Test
    void anApplicationPropertiesThatIsNoFileToReadWholeExitsTwoAtOnceNamingIt() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path properties = dir.toRealPath().resolve("application.properties");
        SpecialFiles.fifo(properties);
        Result fifo = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(30));
        Files.delete(properties);
        SpecialFiles.sparse(properties, 3L << 30);
        Result huge = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(30));
        Files.delete(properties);
        SpecialFiles.symlink(properties, dir.resolve("nowhere.properties"));
        Result dangling = MonitorProcess.jar().in(dir).run(Duration.ofSeconds(30));

        assertThat(List.of(fifo.exit(), huge.exit(), dangling.exit())).as(fifo.log() + huge.log() + dangling.log())
                .containsExactly(2, 2, 2);
        assertThat(errorLines(fifo)).containsExactly("error: cannot read " + properties
                + " (not a regular file (a FIFO, socket or device))");
        assertThat(errorLines(huge)).containsExactly("error: cannot read " + properties + " (3221225472 bytes;"
                + " a configuration or SQL file is read whole and may hold at most 16777216 bytes)");
        assertThat(errorLines(dangling)).containsExactly("error: cannot read " + properties + " (a link to a missing file)");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void aMistypedSettingInTheJarsPropertiesExitsTwoNamingTheJar() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path jar = Files.copy(MonitorProcess.JAR, dir.resolve("patched.jar"));
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path properties = zip.getPath("application.properties");
            Files.writeString(properties, Files.readString(properties) + "monitor.fetchsize = 10\n");
        }

        Result result = MonitorProcess.jar().jarFile(jar).in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(errorLines(result)).containsExactly("error: jar:file:" + jar.toRealPath()
                + "!/application.properties: unknown setting monitor.fetchsize; did you mean monitor.fetch-size?");
    }

    @Test
    void teamRoutesInTheWorkingFoldersRoutesAreLoadedNextToTheCoreRoutes() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Files.createDirectories(dir.resolve("routes"));
        Files.writeString(dir.resolve("routes/team-summary.camel.yaml"), """
                - route:
                    id: team-summary
                    from:
                      uri: seda:analysis-completed?multipleConsumers=true
                      steps:
                        - setBody:
                            expression:
                              simple:
                                expression: "${exchangeProperty.analysisReport.status()} ${body[it_demo][Recent email changes].size()}"
                        - to:
                            uri: file:team
                            parameters:
                              fileName: summary.txt
                """);
        // a copy of a core route, as when running from the repo root, must be skipped, not loaded twice
        Files.copy(PROJECT.resolve("routes/run-analysis.camel.yaml"), dir.resolve("routes/run-analysis.camel.yaml"));

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(Files.readString(dir.resolve("team/summary.txt"))).isEqualTo("completed 4");
    }

    @Test
    void coreRoutesComeFromTheJarUnlessCoreRoutesIsWorkingDir() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        copyCoreRoutesWithAnExtraLogStep(dir.resolve("routes"));

        Result fromJar = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();
        Result fromWorkingDir = MonitorProcess.jar().in(dir)
                .args("--monitor.start-date=2020-01-01", "--monitor.core-routes=working-dir").run();

        assertThat(fromJar.exit()).as(fromJar.log()).isZero();
        assertThat(fromJar.log()).doesNotContain(EDITED_ROUTE_LINE);
        assertThat(fromWorkingDir.exit()).as(fromWorkingDir.log()).isZero();
        assertThat(fromWorkingDir.log()).contains(EDITED_ROUTE_LINE)
                .contains("progress database=it_demo query=\"Recent email changes\" status=completed rows=4 ")
                .doesNotContainIgnoringCase("duplicate");
    }

    @Test
    void aServiceWithRouteReloadingRunsACoreRouteEditedWhileItRuns() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (String file : List.of("run-analysis.camel.yaml", "triggers.camel.yaml", "error-handling.camel.yaml")) {
            Files.copy(PROJECT.resolve("routes").resolve(file), routes.resolve(file));
        }
        try (MonitorProcess service = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.schedule=1s", "--monitor.start-date=2020-01-01",
                        "--monitor.core-routes=working-dir", "--camel.main.routes-reload-enabled=true",
                        "--camel.main.routes-reload-directory=routes", "--camel.main.routes-reload-pattern=*.camel.yaml")
                .start()) {
            service.awaitLog("query=\"Recent email changes\" status=completed", Duration.ofSeconds(60));
            assertThat(service.log()).doesNotContain(EDITED_ROUTE_LINE);

            copyCoreRoutesWithAnExtraLogStep(routes);

            service.awaitLog(EDITED_ROUTE_LINE, Duration.ofSeconds(60));
        }
    }

    /** The team route files were a start-up step of their own: a bad one and a bad setting took two restarts. */
    @Test
    void aBadTeamRouteFileABadSettingAndABadDatabasesFileAreReportedTogether() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("team-b.camel.yaml"), "- route:\n    id: team-b\n    from: [unclosed\n");
        Path fifo = SpecialFiles.fifo(routes.resolve("team-a.camel.yaml"));
        Files.writeString(dir.resolve("databases.yaml"), Files.readString(dir.resolve("databases.yaml"))
                .replace("auth: password", "auth: pasword"));

        Result result = MonitorProcess.jar().in(dir).args("--monitor.fetch-size=0").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(result.log().lines().filter(line -> line.startsWith("error: ")))
                .anyMatch(line -> line.equals("error: cannot load the route file " + fifo
                        + " (not a regular file (a FIFO, socket or device))"))
                .anyMatch(line -> line.equals("error: cannot load the route file file:routes/team-b.camel.yaml, line 4,"
                        + " column 1: while parsing a flow sequence: expected ',' or ']', but got <stream end>"))
                .anyMatch(line -> line.startsWith("error: monitor.fetch-size:"))
                .anyMatch(line -> line.contains("key 'auth'"));
        assertThat(result.log()).doesNotContain("could not start");
    }

    @Test
    void aTeamRouteFileThatIsAFifoInvalidYamlOrReusesACoreRouteIdExitsTwoNamingItAndRunsNothing() throws Exception {
        H2DemoProject.write(dir, "jar_it");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        // Camel's loader skipped a FIFO without a word: the team's route would silently never run
        Path fifo = SpecialFiles.fifo(routes.resolve("team-a.camel.yaml"));

        Result skipped = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(skipped.exit()).as(skipped.log()).isEqualTo(2);
        assertThat(skipped.log()).contains("error: cannot load the route file " + fifo
                + " (not a regular file (a FIFO, socket or device))");
        Files.delete(fifo);
        Files.writeString(routes.resolve("team-b.camel.yaml"), "- route:\n    id: team-b\n    from: [unclosed\n");

        Result invalid = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(invalid.exit()).as(invalid.log()).isEqualTo(2);
        assertThat(invalid.log()).contains("error: cannot load the route file file:routes/team-b.camel.yaml, line 4,"
                + " column 1: while parsing a flow sequence: expected ',' or ']', but got <stream end>")
                .doesNotContain("could not start");
        Files.writeString(routes.resolve("team-b.camel.yaml"), """
                - route:
                    id: run-analysis
                    from:
                      uri: seda:analysis-completed?multipleConsumers=true
                      steps:
                        - log: team b
                """);

        Result duplicate = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(duplicate.exit()).as(duplicate.log()).isEqualTo(2);
        assertThat(duplicate.log()).contains("error: route id run-analysis is used by two routes, one of them in "
                + routes.toRealPath().resolve("team-b.camel.yaml") + " (a team route in ./routes may not reuse");
        String teamRoute = """
                - route:
                    id: team-audit
                    from:
                      uri: seda:analysis-completed?multipleConsumers=true
                      steps:
                        - log: audit
                """;
        Files.writeString(routes.resolve("team-b.camel.yaml"), teamRoute);
        Files.writeString(routes.resolve("team-c.camel.yaml"), teamRoute);

        Result twoTeams = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(twoTeams.exit()).as(twoTeams.log()).isEqualTo(2);
        assertThat(twoTeams.log()).contains("error: route id team-audit is used by two routes, in "
                + routes.toRealPath().resolve("team-b.camel.yaml") + " and " + routes.toRealPath().resolve("team-c.camel.yaml"));
        Files.delete(routes.resolve("team-c.camel.yaml"));
        Files.writeString(routes.resolve("team-b.camel.yaml"), """
                - route:
                    id: 123
                    from:
                      uri: seda:analysis-completed?multipleConsumers=true
                      steps:
                        - log:
                            id: begin-run
                            message: team b
                """);

        Result stepId = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(stepId.exit()).as(stepId.log()).isEqualTo(2);
        assertThat(stepId.log()).contains("error: id begin-run is used twice in the routes: a team route in ./routes may"
                + " not give a step or a route configuration an id the core routes use");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void coreRoutesFromAWorkingDirWithoutThemExitTwoNamingTheMissingFiles() throws Exception {
        H2DemoProject.write(dir, "jar_it");

        Result result = MonitorProcess.jar().in(dir)
                .args("--monitor.start-date=2020-01-01", "--monitor.core-routes=working-dir").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(result.log()).contains("error: monitor.core-routes: working-dir loads the core routes from "
                + dir.resolve("routes") + ", which has no run-analysis.camel.yaml or triggers.camel.yaml or error-handling.camel.yaml");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /** The repo's core routes, as a developer edits them: the run route logs a line first. */
    private static void copyCoreRoutesWithAnExtraLogStep(Path routes) throws IOException {
        Files.createDirectories(routes);
        Files.copy(PROJECT.resolve("routes/triggers.camel.yaml"), routes.resolve("triggers.camel.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(PROJECT.resolve("routes/error-handling.camel.yaml"), routes.resolve("error-handling.camel.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        String runAnalysis = Files.readString(PROJECT.resolve("routes/run-analysis.camel.yaml"));
        String firstStep = """
                      steps:
                        - bean:
                            id: begin-run
                """;
        assertThat(runAnalysis).contains(firstStep);
        Files.writeString(routes.resolve("run-analysis.camel.yaml"), runAnalysis.replace(firstStep, """
                      steps:
                        - log:
                            id: log-edited-route
                            loggingLevel: WARN
                            message: "%s"
                        - bean:
                            id: begin-run
                """.formatted(EDITED_ROUTE_LINE)));
    }

    /** The JDK would block on either at the first logon, leaving the database "connecting" for good. */
    @Test
    void aKerberosFileTheJdkWouldReadThatIsAFifoExitsTwoNamingTheDatabaseAndTheFile() throws Exception {
        Path cache = SpecialFiles.fifo(dir.resolve("krb5cc_fifo"));
        Path conf = SpecialFiles.fifo(dir.resolve("krb5.conf"));
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/who.sql"), "SELECT 1 FROM dual\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: ledger
                    url: "jdbc:oracle:thin:@//127.0.0.1:1/ledger"
                    auth: kerberos
                    sql_queries:
                      - name: who
                        query_location: sql/who.sql
                """);

        Result result = MonitorProcess.jar().in(dir).env("KRB5CCNAME", "FILE:" + cache)
                .jvmOptions("-Djava.security.krb5.conf=" + conf).run(Duration.ofSeconds(60));

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(errorLines(result)).containsExactly(
                "error: database 'ledger': unusable krb5.conf: cannot read " + conf.toAbsolutePath()
                        + " (not a regular file (a FIFO, socket or device)); kerberos.krb5_conf in databases.yaml can"
                        + " name another",
                "error: database 'ledger': unusable Kerberos ticket cache: cannot read " + cache.toAbsolutePath()
                        + " (not a regular file (a FIFO, socket or device)); kerberos.ccache in databases.yaml or"
                        + " KRB5CCNAME can name another");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    private static List<String> errorLines(Result result) {
        return result.log().lines().filter(line -> line.startsWith("error:")).toList();
    }
}
