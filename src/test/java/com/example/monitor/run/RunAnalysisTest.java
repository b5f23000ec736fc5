package com.example.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.jdbc.TrackedDataSource;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole run over real PostgreSQL databases: results, report, isolation and clean-up. */
class RunAnalysisTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        String crm = POSTGRES.server().createDatabase("crm",
                "CREATE TABLE email_changes (client_id int, new_email text, changed_at timestamp)",
                "INSERT INTO email_changes VALUES"
                        + " (1, 'a@b.c', '2026-11-02 10:00:00'),"
                        + " (2, 'boundary@b.c', '2026-10-29 00:00:00'),"
                        + " (3, 'just-before@b.c', '2026-10-28 23:59:59'),"
                        + " (4, 'old@b.c', '2026-01-01 00:00:00')",
                "CREATE TABLE token_changes (client_id int, token_type text, changed_at timestamp)");
        String billing = POSTGRES.server().createDatabase("billing",
                "CREATE TABLE password_changes (account_id int, amount numeric(20,6), changed_at timestamptz)",
                "INSERT INTO password_changes VALUES (7, 12345678901234.123456, '2026-11-03 04:05:06.789+02')");
        Path root = Files.createTempDirectory("run-analysis-test");
        return new ProjectFiles(root)
                .database("crm", crm)
                .query("Get all email changes", "crm/email_changes.sql", """
                        -- :start_date in a comment is not a bind
                        SELECT client_id, new_email, changed_at
                          FROM email_changes
                         WHERE changed_at >= :start_date
                         ORDER BY client_id;
                        """)
                .query("Broken query", "crm/broken.sql", "SELECT * FROM no_such_table\n")
                .query("Get token changes", "crm/token_changes.sql",
                        "SELECT client_id, token_type FROM token_changes WHERE changed_at >= :start_date\n")
                .query("Literals", "crm/literals.sql", """
                        SELECT ':start_date' AS literal, to_char(:start_date::timestamp, 'HH24:MI:SS') AS hms,
                               '#' AS hash, 1 AS "x:start_date"
                        """)
                .database("billing", billing)
                .query("Get all password changes", "billing/password_changes.sql",
                        "SELECT account_id, amount, changed_at FROM password_changes WHERE changed_at >= :start_date")
                .database("offline", "jdbc:postgresql://127.0.0.1:1/offline")
                .query("Never runs", "offline/never.sql", "SELECT 1")
                .write();
    }

    @Test
    void headersFromARouteAreCheckedAgainstTheBoundsOfARequestFileAndRunNothingWhenOutside() throws Exception {
        for (Map<String, Object> headers : List.<Map<String, Object>>of(
                Map.of(MonitorConstants.LOOKBACK_DAYS_HEADER, 2147483647),
                Map.of(MonitorConstants.START_DATE_HEADER, "0001-01-01"),
                Map.of(MonitorConstants.START_DATE_HEADER, LocalDateTime.of(10000, 1, 1, 0, 0)),
                Map.of(MonitorConstants.RUN_ID_HEADER, "../../escaped"))) {
            Exchange done = runAnalysis(headers);
            assertThat(done.getException()).as(headers.toString()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("header " + headers.keySet().iterator().next() + ": ");
            assertThat(done.getProperty(MonitorConstants.REPORT_PROPERTY)).isNull();
        }
        assertThat(reportJson(runAnalysis(Map.of(MonitorConstants.LOOKBACK_DAYS_HEADER, "3"))).get("startDate").asText())
                .isEqualTo(java.time.LocalDate.now().minusDays(3) + "T00:00:00");
    }

    @Test
    void collectsRowsFromTheStartDateOnIncludingTheBoundaryRow() {
        Exchange done = runAnalysis("2026-10-29");

        List<Map<String, Object>> emails = results(done).get("crm").get("Get all email changes");
        assertThat(emails).extracting(row -> row.get("client_id")).containsExactly(1, 2);
        assertThat(emails.get(1)).containsExactly(Map.entry("client_id", 2), Map.entry("new_email", "boundary@b.c"),
                Map.entry("changed_at", LocalDateTime.parse("2026-10-29T00:00:00")));
    }

    @Test
    void routesReadHeldRowsWithSimpleExpressionsByIndexAndColumnInAnyCase() {
        Exchange done = runAnalysis("2026-10-29");

        assertThat(simple(done, "${body[crm][Get all email changes][1][new_email]}")).isEqualTo("boundary@b.c");
        assertThat(simple(done, "${body[crm][Get all email changes][1][NEW_EMAIL]}")).isEqualTo("boundary@b.c");
        assertThat(simple(done, "${body[crm][Get all email changes].size()}")).isEqualTo("2");
        assertThat(simple(done, "${body[crm][Get all email changes][0][no_such_column]}")).isNull();
    }

    @Test
    void nestedMapHasEveryDatabaseAndQueryInFileOrder() {
        Map<String, Map<String, List<Map<String, Object>>>> results = results(runAnalysis("2026-10-29"));

        assertThat(results.keySet()).containsExactly("crm", "billing", "offline");
        assertThat(results.get("crm").keySet())
                .containsExactly("Get all email changes", "Broken query", "Get token changes", "Literals");
        assertThat(results.get("offline").get("Never runs")).isEmpty();
    }

    @Test
    void reportHasExactValuesAndStatuses() throws Exception {
        JsonNode report = reportJson(runAnalysis("2026-10-29T00:00:00"));

        assertThat(report.get("status").asText()).isEqualTo("partial");
        assertThat(report.get("trigger").asText()).isEqualTo("cli");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-29T00:00:00");
        JsonNode crm = report.get("databases").get("crm");
        assertThat(crm.get("status").asText()).isEqualTo("completed");
        JsonNode emails = crm.get("queries").get("Get all email changes");
        assertThat(emails.get("rowCount").asInt()).isEqualTo(2);
        assertThat(JSON.writeValueAsString(emails.get("columns"))).isEqualTo("[\"client_id\",\"new_email\",\"changed_at\"]");
        assertThat(JSON.writeValueAsString(emails.get("rows").get(0)))
                .isEqualTo("{\"client_id\":1,\"new_email\":\"a@b.c\",\"changed_at\":\"2026-11-02T10:00:00\"}");
        JsonNode amount = report.get("databases").get("billing").get("queries").get("Get all password changes")
                .get("rows").get(0);
        assertThat(amount.get("amount").decimalValue()).isEqualByComparingTo("12345678901234.123456");
        assertThat(amount.get("amount").toString()).isEqualTo("12345678901234.123456");
        assertThat(amount.get("changed_at").asText()).matches("2026-11-0[23]T\\d\\d:05:06\\.789(Z|[+-]\\d\\d:\\d\\d)");
    }

    @Test
    void failingQueryIsIsolatedAndTheNextQueryOfTheDatabaseStillRuns() throws Exception {
        JsonNode queries = reportJson(runAnalysis("2026-10-29")).get("databases").get("crm").get("queries");

        JsonNode broken = queries.get("Broken query");
        assertThat(broken.get("status").asText()).isEqualTo("failed");
        assertThat(broken.get("error").asText()).contains("no_such_table");
        assertThat(broken.get("rowCount").isNull()).isTrue();
        JsonNode tokens = queries.get("Get token changes");
        assertThat(tokens.get("status").asText()).isEqualTo("completed");
        assertThat(tokens.get("rowCount").asInt()).isZero();
        assertThat(tokens.get("error").isNull()).isTrue();
    }

    @Test
    void unreachableDatabaseFailsAloneAndItsQueriesAreSkipped() throws Exception {
        JsonNode report = reportJson(runAnalysis("2026-10-29"));

        JsonNode offline = report.get("databases").get("offline");
        assertThat(offline.get("status").asText()).isEqualTo("failed");
        assertThat(offline.get("error").asText()).containsIgnoringCase("connection");
        assertThat(offline.get("queries").get("Never runs").get("status").asText()).isEqualTo("skipped");
        assertThat(report.get("databases").get("billing").get("status").asText()).isEqualTo("completed");
    }

    @Test
    void bindsInsideLiteralsCommentsAndQuotedIdentifiersAreLeftAlone() {
        Map<String, Object> row = results(runAnalysis("2026-10-29T13:14:15")).get("crm").get("Literals").get(0);

        assertThat(row).containsExactly(Map.entry("literal", ":start_date"), Map.entry("hms", "13:14:15"),
                Map.entry("hash", "#"), Map.entry("x:start_date", 1));
    }

    @Test
    void everyPoolIsClosedWhenTheApplicationStops() {
        runAnalysis("2026-10-29");
        List<TrackedDataSource> opened = List.copyOf(pools().all().values());

        context.stop();

        assertThat(opened).hasSize(3).allMatch(TrackedDataSource::isClosed);
    }

    @Test
    void noConnectionIsCheckedOutAfterARun() throws Exception {
        runAnalysis("2026-10-29");

        assertThat(pools().activeConnections()).isZero();
        assertThat(POSTGRES.server().activeQueriesOfApplication()).isEmpty();
    }

    private String simple(Exchange done, String expression) {
        return context.resolveLanguage("simple").createExpression(expression).evaluate(done, String.class);
    }
}
