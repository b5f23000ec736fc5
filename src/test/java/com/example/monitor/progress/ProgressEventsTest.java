package com.example.monitor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProgressRecorder;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Progress of a run as a Java user sees it through an EventNotifier bean, and as the console shows it. */
class ProgressEventsTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    final ProgressRecorder recorder = new ProgressRecorder();

    @Override
    protected ProjectFiles classProject() throws Exception {
        String crm = POSTGRES.server().createDatabase("progress_crm",
                "CREATE TABLE email_changes (client_id int, changed_at timestamp)",
                "INSERT INTO email_changes VALUES (1, '2026-11-02 10:00:00'), (2, '2026-11-03 10:00:00'),"
                        + " (3, '2026-01-01 00:00:00')");
        return new ProjectFiles(Files.createTempDirectory("progress-events-test"))
                .database("crm", crm)
                .query("Get all email changes", "crm/email_changes.sql",
                        "SELECT client_id FROM email_changes WHERE changed_at >= :start_date ORDER BY client_id\n")
                .query("Broken query", "crm/broken.sql", "SELECT * FROM no_such_table\n")
                .query("Nothing new", "crm/nothing.sql",
                        "SELECT client_id FROM email_changes WHERE changed_at >= :start_date AND client_id < 0\n")
                .database("offline", "jdbc:postgresql://127.0.0.1:1/offline")
                .query("Never runs", "offline/never.sql", "SELECT 1\n")
                .query("Never runs either", "offline/never_either.sql", "SELECT 2\n")
                .write();
    }

    /** A notifier declared the way a user does in application.properties, to check it is hooked in. */
    @Override
    protected Properties monitorProperties() {
        return properties("camel.beans.declaredRecorder", "#class:" + ProgressRecorder.class.getName());
    }

    @Test
    void notifierDeclaredAsABeanReceivesTheProgressEvents() {
        runAnalysis("2026-10-29");

        ProgressRecorder declared = context.getRegistry()
                .lookupByNameAndType("declaredRecorder", ProgressRecorder.class);
        assertThat(declared).isNotNull();
        assertThat(declared.events()).extracting(ProgressEvent::logLine)
                .containsExactlyElementsOf(recorder.events().stream().map(ProgressEvent::logLine).toList())
                .isNotEmpty();
    }

    @Test
    void eachDatabaseReportsConnectingThenEveryQueryInOrderThenItsOutcome() {
        Exchange done = runAnalysis("2026-10-29");

        assertThat(describe(recorder.of("crm"))).containsExactly(
                "all connecting",
                "Get all email changes running",
                "Get all email changes completed rows=2",
                "Broken query running",
                "Broken query failed error",
                "Nothing new running",
                "Nothing new completed rows=0",
                "all completed");
        assertThat(recorder.events()).extracting(ProgressEvent::runId).containsOnly(report(done).runId());
    }

    @Test
    void unreachableDatabaseReportsConnectingThenFailedAndNoQueryEvents() {
        runAnalysis("2026-10-29");

        List<ProgressEvent> offline = recorder.of("offline");
        assertThat(describe(offline)).containsExactly("all connecting", "all failed error");
        ProgressEvent failed = offline.get(1);
        assertThat(failed.error()).containsIgnoringCase("connection");
        assertThat(failed.rows()).isNull();
        assertThat(failed.logLine()).startsWith("progress database=offline query=\"all\" status=failed ")
                .contains(" error=\"").doesNotContain("\n", "\r");
    }

    @Test
    void finishedEventsCarryTheirFieldsAndStartedEventsCarryNone() {
        runAnalysis("2026-10-29");

        List<ProgressEvent> crm = recorder.of("crm");
        ProgressEvent connecting = crm.get(0);
        assertThat(connecting.isDatabaseLevel()).isTrue();
        assertThat(connecting.logLine()).isEqualTo("progress database=crm query=\"all\" status=connecting");
        ProgressEvent running = crm.get(1);
        assertThat(running.logLine()).isEqualTo("progress database=crm query=\"Get all email changes\" status=running");
        ProgressEvent completed = crm.get(2);
        assertThat(completed.elapsedMs()).isNotNull().isNotNegative();
        assertThat(completed.logLine()).isEqualTo("progress database=crm query=\"Get all email changes\""
                + " status=completed rows=2 elapsedMs=" + completed.elapsedMs());
        ProgressEvent failed = crm.get(4);
        assertThat(failed.rows()).isNull();
        assertThat(failed.elapsedMs()).isNotNull();
        assertThat(failed.error()).contains("no_such_table");
        assertThat(failed.logLine()).startsWith("progress database=crm query=\"Broken query\" status=failed elapsedMs=")
                .contains(" error=\"").doesNotContain("\n", "\r");
        ProgressEvent databaseDone = crm.get(crm.size() - 1);
        assertThat(databaseDone.logLine()).isEqualTo(
                "progress database=crm query=\"all\" status=completed elapsedMs=" + databaseDone.elapsedMs());
    }

    @Test
    void logLineOfACompletedQueryHasRowsAndTime() {
        ProgressEvent event = new ProgressEvent("run-1", "crm", "Get all email changes", "completed", 2, 15L, null);

        assertThat(event.logLine())
                .isEqualTo("progress database=crm query=\"Get all email changes\" status=completed rows=2 elapsedMs=15");
    }

    @Test
    void logLineOfADatabaseEventSaysAllAndLeavesOutWhatDoesNotApply() {
        assertThat(new ProgressEvent("run-1", "crm", null, "connecting", null, null, null).logLine())
                .isEqualTo("progress database=crm query=\"all\" status=connecting");
        assertThat(new ProgressEvent("run-1", "crm", null, "completed", null, 1200L, null).logLine())
                .isEqualTo("progress database=crm query=\"all\" status=completed elapsedMs=1200");
        assertThat(new ProgressEvent("run-1", "crm", "Get token changes", "running", null, null, null).logLine())
                .isEqualTo("progress database=crm query=\"Get token changes\" status=running");
    }

    @Test
    void logLineKeepsAMultiLineErrorWithQuotesOnOneLine() {
        ProgressEvent event = new ProgressEvent("run-1", "crm", "Broken query", "failed", null, 7L,
                "ERROR: relation \"no_such_table\" does not exist\n  Position: 15\r\n  in C:\\sql\\broken.sql");

        assertThat(event.logLine()).isEqualTo("progress database=crm query=\"Broken query\" status=failed"
                + " elapsedMs=7 error=\"ERROR: relation \\\"no_such_table\\\" does not exist Position: 15"
                + " in C:\\\\sql\\\\broken.sql\"");
    }

    @Test
    void logLineEscapesQuotesInTheQueryName() {
        ProgressEvent event = new ProgressEvent("run-1", "crm", "Get \"VIP\" changes", "completed", 0, 3L, null);

        assertThat(event.logLine())
                .isEqualTo("progress database=crm query=\"Get \\\"VIP\\\" changes\" status=completed rows=0 elapsedMs=3");
    }

    /** "query status[ rows=n][ error]", with "all" for database-level events. */
    private static List<String> describe(List<ProgressEvent> events) {
        return events.stream().map(event -> (event.isDatabaseLevel() ? "all" : event.query()) + " " + event.status()
                + (event.rows() == null ? "" : " rows=" + event.rows())
                + (event.error() == null ? "" : " error")).toList();
    }
}
