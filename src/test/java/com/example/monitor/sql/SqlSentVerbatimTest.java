package com.example.monitor.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.h2.util.StringUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A SQL file reaches the server as written: blank lines, {@code --} lines (also inside string literals),
 * comments and hints stay; only {@code :start_date} becomes a parameter and the terminator goes. Checked
 * on PostgreSQL by the server itself ({@code current_query()} is the text it received) and on H2 in
 * Oracle mode by the driver's own trace of {@code prepareStatement}.
 */
class SqlSentVerbatimTest extends MonitorTestSupport {

    /** A multi-line literal with an empty line, one with a line starting "--", a comment, a hint. */
    private static final String POSTGRES_SQL = """
            -- who received what since :start_date

            SELECT /*+ no hint on PostgreSQL, but kept */ current_query() AS received,
                   'line1

            line3' AS with_empty_line,
                   'a
            -- not a comment
            b' AS with_dash_line
              FROM (SELECT 1) AS one
             WHERE :start_date::timestamp IS NOT NULL
            ;
            /
            """;

    private static final String H2_SQL = """
            -- who received what since :start_date

            SELECT /*+ INDEX(d) */ 'line1

            line3' AS with_empty_line,
                   'a
            -- not a comment
            b' AS with_dash_line
              FROM dual d
             WHERE :start_date IS NOT NULL;
            """;

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private static Path h2Trace;

    @BeforeAll
    static void createProject() throws Exception {
        Path root = Files.createTempDirectory("sql-verbatim");
        // a file database, so that H2 writes its trace (every JDBC call, with its SQL text) next to it
        Path h2File = root.resolve("h2/verbatim");
        h2Trace = root.resolve("h2/verbatim.trace.db");
        project = new ProjectFiles(root)
                .database("pg", POSTGRES.server().createDatabase("verbatim"))
                .query("Received", "received.sql", POSTGRES_SQL)
                .database("h2", "jdbc:h2:file:" + h2File + ";MODE=Oracle;TRACE_LEVEL_FILE=3")
                .query("Literals", "literals.sql", H2_SQL);
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void postgresReceivesTheFileByteForByteWithOnlyTheBindAndTerminatorChanged() {
        Map<String, Object> row = onlyRow(runAnalysis("2026-10-01"), "pg", "Received");

        String fileMinusBindsAndTerminator = POSTGRES_SQL
                .replace(":start_date::timestamp", "$1::timestamp")
                .replace("\n;\n/\n", "\n\n\n"); // the ; and / go, their lines' breaks stay
        assertThat(row.get("received")).isEqualTo(fileMinusBindsAndTerminator);
        // the comment's ":start_date" is text, not a bind
        assertThat((String) row.get("received")).startsWith("-- who received what since :start_date\n\nSELECT");
    }

    @Test
    void postgresReturnsMultiLineLiteralsExactlyAsWritten() {
        Map<String, Object> row = onlyRow(runAnalysis("2026-10-01"), "pg", "Received");

        assertThat(row.get("with_empty_line")).isEqualTo("line1\n\nline3");
        assertThat(row.get("with_dash_line")).isEqualTo("a\n-- not a comment\nb");
    }

    @Test
    void h2InOracleModeReturnsMultiLineLiteralsExactlyAsWritten() {
        Map<String, Object> row = onlyRow(runAnalysis("2026-10-01"), "h2", "Literals");

        assertThat(row.get("WITH_EMPTY_LINE")).isEqualTo("line1\n\nline3");
        assertThat(row.get("WITH_DASH_LINE")).isEqualTo("a\n-- not a comment\nb");
    }

    @Test
    void h2DriverIsHandedTheFileByteForByteWithOnlyTheBindAndTerminatorChanged() throws Exception {
        onlyRow(runAnalysis("2026-10-01"), "h2", "Literals");

        String fileMinusBindsAndTerminator = H2_SQL
                .replace("WHERE :start_date IS NOT NULL;\n", "WHERE ? IS NOT NULL\n");
        // H2 traces each prepareStatement call as Java source, its SQL text quoted as a Java string
        String traced = ".prepareStatement(" + StringUtils.quoteJavaString(fileMinusBindsAndTerminator) + ");";
        List<String> trace = Files.readAllLines(h2Trace, StandardCharsets.UTF_8);
        assertThat(trace).anySatisfy(line -> assertThat(line).endsWith(traced));
    }

    private static Map<String, Object> onlyRow(Exchange done, String database, String query) {
        assertThat(report(done).status()).as("run status").isEqualTo("completed");
        List<Map<String, Object>> rows = results(done).get(database).get(query);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
