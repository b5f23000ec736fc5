package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.Inbox;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator's log-based alerting sees, on the console of the packaged jar, for a run with a
 * failed query and an unreachable database: WARN for what went wrong, INFO for the rest, the error in
 * the summary, one line when the run starts and one when it ends, and every line naming its logger.
 */
@PackagedJar
class ConsoleLogIT {

    private static final String H2_DEMO_URL = "jdbc:h2:mem:console_it;MODE=Oracle;DB_CLOSE_DELAY=-1;"
            + "INIT=RUNSCRIPT FROM 'classpath:demo/client_activity_analysis.sql'";

    @TempDir
    Path dir;

    @Test
    void failuresAreWarningsWithTheirErrorAndTheSummaryShowsIt() throws Exception {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/emails.sql"), "SELECT client_id FROM client_email_changes WHERE changed_at >= :start_date\n");
        Files.writeString(dir.resolve("sql/broken.sql"), "SELECT client_id FROM no_such_table WHERE changed_at >= :start_date\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: h2_demo
                    url: "%s"
                    auth: password
                    username: demo
                    password: demo
                    sql_queries:
                      - name: Email changes
                        query_location: sql/emails.sql
                      - name: Broken query
                        query_location: sql/broken.sql
                  - name: unreachable
                    url: "jdbc:postgresql://127.0.0.1:1/none"
                    auth: password
                    username: monitor
                    password: secret
                    connect_timeout: 5s
                    sql_queries:
                      - name: Never runs
                        query_location: sql/emails.sql
                  - name: bad_port
                    url: "jdbc:postgresql://127.0.0.1:99999999/none"
                    auth: password
                    username: monitor
                    password: secret
                    sql_queries:
                      - name: Never runs either
                        query_location: sql/emails.sql
                """.formatted(H2_DEMO_URL));

        Result result = MonitorProcess.jar().in(dir)
                .args("--monitor.start-date=2020-01-01 06:00:00", "--monitor.schedule=30m").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(3);
        List<String> lines = result.log().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  MonitorConfiguration monitor\\.schedule ignored: they apply only to"
                        + " monitor\\.mode=service, and monitor\\.mode is once.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* INFO  run \\d{8}T\\d{6}Z-[0-9a-f]{8} started: trigger=cli startDate=2020-01-01T06:00:00"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* INFO  progress database=h2_demo query=\"Email changes\" status=completed rows=\\d+ elapsedMs=\\d+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* WARN  progress database=h2_demo query=\"Broken query\" status=failed elapsedMs=\\d+ error=\".*NO_SUCH_TABLE.*\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* WARN  progress database=unreachable query=\"all\" status=failed elapsedMs=\\d+ error=\".*refused.*\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* WARN  run \\d{8}T\\d{6}Z-[0-9a-f]{8} partial in \\d+ ms: 1 completed, 1 failed, 2 skipped;"
                        + " report: .*\\.json"));
        // the summary's error column: the first line of the error, cut to fit
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "h2_demo +Broken query +failed +- +\\d+ ms +.*NO_SUCH_TABLE.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "unreachable +Never runs +skipped +- +\\d+ ms +database unavailable: .*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "h2_demo +Email changes +completed +\\d+ +\\d+ ms"));
        assertThat(lines).filteredOn(line -> line.startsWith("database ")).singleElement().asString()
                .contains("error");
        // every log line names its logger: time, level, logger, message (the summary table aside)
        assertThat(lines).filteredOn(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("\\S+ (INFO |WARN |ERROR|DEBUG) \\S+ .*"));
        assertThat(result.log()).doesNotContain("secret");
        // pgjdbc logs through java.util.logging, whose own console handler printed it raw to stderr
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* WARN  org\\.postgresql\\.util\\.PGPropertyUtil JDBC URL port: 99999999 not valid.*"));
        assertThat(lines).noneMatch(line -> line.startsWith("WARNING:"));
    }

    @Test
    void aNameWithANewlineOrAnEscapeCodeCannotForgeALineOrReachTheTerminalRaw() throws Exception {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/emails.sql"), "SELECT client_id FROM client_email_changes WHERE changed_at >= :start_date\n");
        Files.writeString(dir.resolve("sql/broken.sql"), "SELECT \"\u001b[2J\" FROM no_such_table\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: h2_demo
                    url: "%s"
                    auth: password
                    username: demo
                    password: demo
                    sql_queries:
                      - name: "Forged\\nrun 20261201T000000Z-deadbeef completed in 1 ms; report: fake.json"
                        query_location: sql/emails.sql
                      - name: "\\e[31mRed\\e[0m"
                        query_location: sql/broken.sql
                """.formatted(H2_DEMO_URL));

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(3);
        assertThat(result.log()).doesNotContain("\u001b");
        List<String> lines = result.log().lines().toList();
        assertThat(lines).noneMatch(line -> line.startsWith("run 20261201T000000Z-deadbeef"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "h2_demo +Forged\\\\nrun 20261201T000000Z-deadbeef completed in 1 ms; report: fake\\.json +completed .*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".* INFO  progress database=h2_demo query=\"Forged run 20261201T000000Z-deadbeef .*status=completed.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "h2_demo +\\\\u001B\\[31mRed\\\\u001B\\[0m +failed .*"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("query=\"\\u001B[31mRed\\u001B[0m\" status=failed").contains("\\u001B[2J"));
    }

    @Test
    void escapeCodesInARequestsFileNameReachTheConsoleEscaped() throws Exception {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/emails.sql"), "SELECT client_id FROM client_email_changes WHERE changed_at >= :start_date\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: h2_demo
                    url: "%s"
                    auth: password
                    username: demo
                    password: demo
                    sql_queries:
                      - name: Email changes
                        query_location: sql/emails.sql
                """.formatted(H2_DEMO_URL));
        Inbox inbox = new Inbox(dir.resolve("inbox"));

        try (MonitorProcess monitor = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.inbox-dir=inbox", "--monitor.inbox-read-lock-interval=200ms")
                .start()) {
            monitor.awaitLog("service started", Duration.ofSeconds(60));
            // a line break in the name is taken too (the inbox's pattern is (?s).*\.json); InboxFilesTest runs one
            inbox.drop("\u001b[2J\u001b]0;owned\u0007 request.json", "{\"startDate\": \"2026-10-01\"}");
            monitor.awaitLog("moved to", Duration.ofSeconds(60));
            monitor.sigterm();
            monitor.awaitExit(Duration.ofSeconds(30));

            assertThat(monitor.log()).doesNotContain("\u001b").doesNotContain("\u0007")
                    .contains("\\u001B[2J\\u001B]0;owned\\u0007 request.json");
        }
    }
}
