package com.example.monitor.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProgressRecorder;
import com.example.monitor.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.event.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Databases whose logon fails while a password sits in databases.yaml, in the URL's user info, in a
 * {@code password=} URL parameter and in an Oracle {@code user/pw@} URL. After a whole run none of
 * these secrets may appear in the JSON report, the run report, the progress events, the log (DEBUG
 * included), standard output (where DBCP's own log writer goes) or any configuration's toString.
 */
class PasswordScrubbingRunTest extends MonitorTestSupport {

    /** password: fields of databases.yaml. */
    private static final List<String> FIELD_SECRETS = List.of("PgFieldPw1", "OraFieldPw2", "NoDrvFieldPw3",
            "H2WrongPw4");
    /** Secrets only inside URLs, which only the URL patterns can find. */
    private static final List<String> URL_SECRETS = List.of("PgUrlPw1", "OraUrlPw2", "NoDrvUrlPw3",
            "NoDrvParamPw3");

    private static ProjectFiles project;
    private static LogCapture log;
    private static PrintStream originalOut;
    private static final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private static Connection h2Keeper;

    @RegisterExtension
    final ProgressRecorder recorder = new ProgressRecorder();

    @BeforeAll
    static void writeProject() throws Exception {
        // the H2 database exists with another password, so the logon is refused
        h2Keeper = DriverManager.getConnection("jdbc:h2:mem:scrub_h2;DB_CLOSE_DELAY=-1", "sa", "right-one");
        Path root = Files.createTempDirectory("password-scrubbing");
        project = new ProjectFiles(root);
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/one.sql"), "SELECT 1 AS one FROM dual WHERE SYSDATE >= :start_date\n");
        Files.writeString(project.databasesFile(), """
                databases:
                  - name: pg_url_password
                    url: "jdbc:postgresql://127.0.0.1:1/db?user=monitor&password=PgUrlPw1"
                    auth: password
                    username: monitor
                    password: PgFieldPw1
                    connect_timeout: 2s
                    sql_queries:
                      - name: One
                        query_location: sql/one.sql
                  - name: oracle_url_credentials
                    url: "jdbc:oracle:thin:scott/OraUrlPw2@//127.0.0.1:1/X"
                    auth: password
                    username: scott
                    password: OraFieldPw2
                    connect_timeout: 2s
                    sql_queries:
                      - name: One
                        query_location: sql/one.sql
                  - name: no_driver
                    url: "jdbc:nosuchdb://scott:NoDrvUrlPw3@127.0.0.1:1/db?password=NoDrvParamPw3"
                    auth: password
                    username: scott
                    password: NoDrvFieldPw3
                    sql_queries:
                      - name: One
                        query_location: sql/one.sql
                  - name: h2_wrong_password
                    url: "jdbc:h2:mem:scrub_h2"
                    auth: password
                    username: sa
                    password: H2WrongPw4
                    sql_queries:
                      - name: One
                        query_location: sql/one.sql
                """);
        log = LogCapture.atLevel(Level.DEBUG);
        // DBCP's log writer wraps System.out when a pool is created, so standard output is swapped before
        originalOut = System.out;
        System.setOut(new PrintStream(new Tee(originalOut, stdout), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void restore() throws Exception {
        System.setOut(originalOut);
        log.close();
        h2Keeper.close();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void noSecretAppearsInReportsEventsLogsStdoutOrToString() throws Exception {
        List<Exchange> runs = new ArrayList<>();
        // DBCP's writer to stdout is buffered; several runs give it the chance to flush what it holds
        for (int i = 0; i < 3; i++) {
            runs.add(runAnalysis("2026-10-29"));
        }
        Exchange done = runs.get(runs.size() - 1);
        RunReport report = report(done);

        // the runs really failed on every database, with the driver's words
        assertThat(report.databases()).allSatisfy(database -> {
            assertThat(database.status()).isEqualTo("failed");
            assertThat(database.error()).isNotBlank();
            assertThat(database.queries()).allSatisfy(query -> assertThat(query.status()).isEqualTo("skipped"));
        });
        assertThat(errorOf(report, "no_driver")).isEqualTo("No suitable driver");
        assertThat(errorOf(report, "h2_wrong_password")).containsIgnoringCase("password");

        Map<String, String> places = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Exchange run = runs.get(i);
            places.put("JSON report of run " + i, Files.readString(Path.of(report(run).reportFile())));
            places.put("RunReport.toString of run " + i, report(run).toString());
            places.put("exchange exception of run " + i, String.valueOf(run.getException()));
        }
        List<ProgressEvent> events = recorder.events();
        for (int i = 0; i < events.size(); i++) {
            places.put("progress event " + i, events.get(i).logLine() + " " + events.get(i).error());
        }
        places.put("log", log.text());
        System.out.flush();
        places.put("stdout", stdout.toString(StandardCharsets.UTF_8));
        DatabasesConfig config = context.getRegistry().lookupByNameAndType(DatabasesConfig.BEAN, DatabasesConfig.class);
        places.put("DatabasesConfig.toString", config.toString());
        config.databases().forEach(database -> places.put(database.name() + " toString", database.toString()));

        for (String secret : allSecrets()) {
            assertThat(places.entrySet()).filteredOn(place -> place.getValue().contains(secret))
                    .extracting(Map.Entry::getKey).as("places showing %s", secret).isEmpty();
        }
        assertThat(events).extracting(ProgressEvent::status).contains("failed");
        assertThat(log.text().contains("database=no_driver query=")).as("progress is logged").isTrue();
        // DBCP's own message with the URL, which it would otherwise print to stdout as is
        assertThat(log.text().contains("connect URL 'jdbc:nosuchdb://scott:******@127.0.0.1:1/db?password=******'"))
                .as("DBCP's message is logged, masked").isTrue();
    }

    private static String errorOf(RunReport report, String database) {
        return report.databases().stream().filter(d -> d.name().equals(database)).findFirst().orElseThrow().error();
    }

    private static List<String> allSecrets() {
        List<String> all = new ArrayList<>(FIELD_SECRETS);
        all.addAll(URL_SECRETS);
        return all;
    }

    /** Writes to the real stdout and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
