package com.example.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An analyst's Oracle SQL (NVL, TO_DATE, TO_CHAR with 'HH24:MI:SS', TRUNC, SYSDATE, DUAL, ROWNUM) run by the
 * whole app on H2 in Oracle mode, with {@code :start_date} keeping its time of day.
 */
class OracleSyntaxOnH2Test extends MonitorTestSupport {

    private static final String URL = "jdbc:h2:mem:oracle_syntax_test;MODE=Oracle;DB_CLOSE_DELAY=-1";

    private static ProjectFiles project;
    private static Connection keeper;

    @BeforeAll
    static void createDatabase() throws Exception {
        keeper = DriverManager.getConnection(URL, "postgres", "postgres");
        try (Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE client_email_changes (client_id NUMBER(10), new_email VARCHAR2(200),"
                    + " changed_at DATE)");
            statement.execute("INSERT INTO client_email_changes VALUES"
                    + " (1, 'a@b.c', TO_DATE('2026-11-02 10:00:00', 'YYYY-MM-DD HH24:MI:SS')),"
                    + " (2, NULL, TO_DATE('2026-10-29 13:14:15', 'YYYY-MM-DD HH24:MI:SS')),"
                    + " (3, 'c@d.e', TO_DATE('2026-10-29 13:14:14', 'YYYY-MM-DD HH24:MI:SS')),"
                    + " (4, 'old@b.c', TO_DATE('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')),"
                    + " (5, 'late@b.c', TO_DATE('2026-12-05 00:00:00', 'YYYY-MM-DD HH24:MI:SS')),"
                    + " (6, 'six@b.c', TO_DATE('2026-11-20 23:59:59', 'YYYY-MM-DD HH24:MI:SS'))");
        }
        project = new ProjectFiles(Files.createTempDirectory("oracle-syntax"))
                .database("clients", URL)
                .query("First two changes", "first_two.sql", """
                        -- the two oldest changes since :start_date, before December
                        SELECT client_id,
                               NVL(new_email, 'withheld')                     AS email,
                               TO_CHAR(changed_at, 'YYYY-MM-DD HH24:MI:SS')   AS changed_text,
                               TO_CHAR(changed_at, 'HH24:MI:SS')              AS changed_time,
                               TRUNC(changed_at)                              AS changed_day,
                               changed_at
                          FROM (SELECT * FROM client_email_changes
                                 WHERE changed_at >= :start_date
                                   AND changed_at < TO_DATE('2026-12-01', 'YYYY-MM-DD')
                                 ORDER BY changed_at)
                         WHERE ROWNUM <= 2;
                        """)
                .query("Sysdate from dual", "sysdate.sql", """
                        SELECT CASE WHEN SYSDATE > TO_DATE('2000-01-01', 'YYYY-MM-DD') THEN 'after' ELSE 'before' END
                                 AS sysdate_check,
                               TO_CHAR(TRUNC(TO_DATE('2026-10-29 13:14:15', 'YYYY-MM-DD HH24:MI:SS')),
                                       'YYYY-MM-DD HH24:MI:SS') AS truncated,
                               NVL(NULL, 'fallback') AS fallback,
                               ROWNUM AS rn
                          FROM dual
                        /
                        """);
        project.write();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        keeper.close();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void oracleFunctionsRunOnH2AndTheRowAtTheExactStartSecondIsIncluded() throws Exception {
        Exchange done = runAnalysis("2026-10-29T13:14:15");

        List<Map<String, Object>> rows = results(done).get("clients").get("First two changes");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(
                Map.entry("CLIENT_ID", new BigDecimal("2")),
                Map.entry("EMAIL", "withheld"),
                Map.entry("CHANGED_TEXT", "2026-10-29 13:14:15"),
                Map.entry("CHANGED_TIME", "13:14:15"),
                Map.entry("CHANGED_DAY", LocalDateTime.parse("2026-10-29T00:00:00")),
                Map.entry("CHANGED_AT", LocalDateTime.parse("2026-10-29T13:14:15")));
        assertThat(rows.get(1)).containsEntry("CLIENT_ID", new BigDecimal("1")).containsEntry("EMAIL", "a@b.c")
                .containsEntry("CHANGED_TIME", "10:00:00");
        JsonNode query = reportJson(done).at("/databases/clients/queries/First two changes");
        assertThat(query.get("status").asText()).isEqualTo("completed");
        assertThat(JSON.writeValueAsString(query.get("rows").get(0))).isEqualTo("{\"CLIENT_ID\":2,"
                + "\"EMAIL\":\"withheld\",\"CHANGED_TEXT\":\"2026-10-29 13:14:15\",\"CHANGED_TIME\":\"13:14:15\","
                + "\"CHANGED_DAY\":\"2026-10-29T00:00:00\",\"CHANGED_AT\":\"2026-10-29T13:14:15\"}");
    }

    @Test
    void oneSecondAfterTheRowTheRowIsExcludedSoTheTimeOfDayIsBound() {
        Exchange done = runAnalysis("2026-10-29T13:14:16");

        assertThat(results(done).get("clients").get("First two changes"))
                .extracting(row -> row.get("CLIENT_ID"))
                .containsExactly(new BigDecimal("1"), new BigDecimal("6"));
    }

    @Test
    void sysdateDualNvlTruncAndRownumWork() {
        Exchange done = runAnalysis("2026-10-29");

        assertThat(results(done).get("clients").get("Sysdate from dual")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("SYSDATE_CHECK")).isEqualTo("after");
                    assertThat(row.get("TRUNCATED")).isEqualTo("2026-10-29 00:00:00");
                    assertThat(row.get("FALLBACK")).isEqualTo("fallback");
                    assertThat(row.get("RN")).isEqualTo(1L);
                });
    }
}
