package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code :start_date} keeps its time of day: bound as a timestamp on PostgreSQL (whole runs here; H2 in
 * Oracle mode is covered by OracleSyntaxOnH2Test), and as an {@code oracle.sql.DATE} on Oracle, whose 7-byte
 * value, the one the server receives, is checked here without a server.
 */
class StartDateBindingTest extends MonitorTestSupport {

    private static final LocalDateTime START = LocalDateTime.parse("2026-10-29T13:14:15");

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        String url = POSTGRES.server().createDatabase("start_date",
                "CREATE TABLE changes (id int, changed_at timestamp)",
                "INSERT INTO changes VALUES (1, '2026-10-29 13:14:14'), (2, '2026-10-29 13:14:15'),"
                        + " (3, '2026-10-29 13:14:16')");
        return new ProjectFiles(Files.createTempDirectory("start-date"))
                .database("pg", url)
                .query("Since", "since.sql", "SELECT id FROM changes WHERE changed_at >= :start_date ORDER BY id\n")
                .query("Bound", "bound.sql",
                        "SELECT :start_date::timestamp AS bound, to_char(:start_date::timestamp, 'HH24:MI:SS.MS') AS hms\n")
                .query("Untyped", "untyped.sql",
                        "SELECT id FROM changes WHERE :start_date IS NOT NULL AND changed_at >= :start_date ORDER BY id\n")
                .write();
    }

    @Test
    void postgresRowAtTheExactStartSecondIsIncludedAndTheOneBeforeIsNot() {
        assertThat(results(runAnalysis("2026-10-29T13:14:15")).get("pg").get("Since"))
                .extracting(row -> row.get("id")).containsExactly(2, 3);
    }

    @Test
    void oneSecondLaterThatRowIsExcluded() {
        assertThat(results(runAnalysis("2026-10-29T13:14:16")).get("pg").get("Since"))
                .extracting(row -> row.get("id")).containsExactly(3);
    }

    @Test
    void onPostgresTheBoundValueKeepsItsTimeOfDayToTheMillisecond() {
        Map<String, Object> row = results(runAnalysis("2026-10-29T13:14:15.25")).get("pg").get("Bound").get(0);

        assertThat(row).containsEntry("bound", LocalDateTime.parse("2026-10-29T13:14:15.25"))
                .containsEntry("hms", "13:14:15.250");
    }

    /** Nothing in the text gives the parameter a type: the bind itself must (pgjdbc would send it untyped). */
    @Test
    void onPostgresAStartDateWhoseTypeOnlyTheBindGivesIsATimestamp() {
        Exchange done = runAnalysis("2026-10-29T13:14:15");

        assertThat(report(done).database("pg").query("Untyped").status()).isEqualTo("completed");
        assertThat(results(done).get("pg").get("Untyped")).extracting(row -> row.get("id")).containsExactly(2, 3);
    }

    /**
     * The value bound on Oracle ({@code new oracle.sql.DATE(Timestamp.valueOf(startDate))}): Oracle's DATE wire format is century+100, year+100, month, day,
     * hour+1, minute+1, second+1, so the time of day reaches the server.
     */
    @Test
    void oracleDateCarriesTheTimeOfDayToTheSecond() throws Exception {
        oracle.sql.DATE date = new oracle.sql.DATE(Timestamp.valueOf(START));

        assertThat(date.toBytes()).containsExactly(120, 126, 10, 29, 14, 15, 16);
        assertThat(date.timestampValue().toLocalDateTime()).isEqualTo(START);
        assertThat(date.toJdbc()).isInstanceOf(Timestamp.class);
    }

    @Test
    void theStrategyBindsOracleTheDateWithTheTimeOfDay() throws Exception {
        assertThat(QueryStatementStrategy.oracleDate(START).toBytes()).containsExactly(120, 126, 10, 29, 14, 15, 16);
    }

    /** Oracle DATE has whole seconds: a start date with a fraction is bound truncated, never rounded up. */
    @Test
    void oracleDateDropsFractionsOfASecond() throws Exception {
        oracle.sql.DATE date = new oracle.sql.DATE(Timestamp.valueOf(START.withNano(999_000_000)));

        assertThat(date.timestampValue().toLocalDateTime()).isEqualTo(START);
    }
}
