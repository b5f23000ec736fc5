package com.example.monitor.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.MonitorLauncher;
import com.example.monitor.testing.H2Database;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.Docs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DuckDB query of docs/report-format.md, as it is written there, over a Parquet run of two
 * databases whose client columns are spelled differently (PostgreSQL's client_id, Oracle's CLIENT_ID).
 */
class ClientsInEveryQueryDuckDbTest {

    private static final String MARKER = "<!-- clients-in-every-query:";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final H2Database BILLING = new H2Database("jdbc:h2:mem:every_query_billing;MODE=Oracle;DB_CLOSE_DELAY=-1");

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabases() throws Exception {
        // client 1 is in every query; 2 has no token change; 3 no password change
        String crm = POSTGRES.server().createDatabase("every_query_crm",
                "CREATE TABLE email_changes (client_id int, changed_at timestamp)",
                "INSERT INTO email_changes VALUES (1, '2026-11-01'), (2, '2026-11-02'), (3, '2026-11-03')",
                "CREATE TABLE token_changes (client_id int, changed_at timestamp)",
                "INSERT INTO token_changes VALUES (3, '2026-11-04'), (1, '2026-11-05'), (1, '2026-11-06')");
        BILLING.execute("CREATE TABLE password_changes (client_id NUMBER(10), changed_at DATE)",
                "INSERT INTO password_changes VALUES (1, DATE '2026-11-06'), (2, DATE '2026-11-07')");
        project = new ProjectFiles(Files.createTempDirectory("clients-in-every-query"))
                .database("crm", crm)
                .query("Email changes", "emails.sql", "SELECT client_id, changed_at FROM email_changes\n")
                .query("Token changes", "tokens.sql", "SELECT client_id FROM token_changes\n")
                .database("billing", BILLING.url())
                .query("Password changes", "passwords.sql", "SELECT client_id, changed_at FROM password_changes\n");
        project.write();
    }

    @Test
    void theDocumentedQueryFindsTheClientsInEveryQueryOfTheRun() throws Exception {
        Path output = Files.createTempDirectory(project.root(), "out-");
        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream()), System.err).run(
                "--monitor.databases-file=" + project.databasesFile(), "--monitor.output-dir=" + output,
                "--monitor.start-date=2026-10-01", "--monitor.rows-format=parquet");
        assertThat(exit).isZero();
        String runId = onlyReport(output).get("runId").asText();
        String runFolder = output.resolve(runId).toAbsolutePath().toString();

        String sql = documentedQuery().replace(":run", "'" + runFolder.replace("'", "''") + "'");

        assertThat(clientIds(sql)).containsExactly(1L);
    }

    private static String documentedQuery() {
        String doc = Docs.page("report-format.md").text();
        String after = doc.substring(doc.indexOf(MARKER));
        int start = after.indexOf("```sql\n") + "```sql\n".length();
        return after.substring(start, after.indexOf("```", start));
    }

    private static List<Long> clientIds(String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static JsonNode onlyReport(Path output) throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            List<Path> reports = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(reports).hasSize(1);
            return new ObjectMapper().readTree(reports.get(0).toFile());
        }
    }
}
