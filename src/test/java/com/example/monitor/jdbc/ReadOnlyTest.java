package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.MonitorLauncher;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two guards against writes: SQL files that write are refused before anything runs, and a SELECT that writes
 * through a function fails on PostgreSQL because every connection of the pool is read-only.
 */
class ReadOnlyTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static String url;
    private static ProjectFiles project;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws Exception {
        url = POSTGRES.server().createDatabase("read_only",
                "CREATE TABLE audit (n int)",
                "CREATE FUNCTION sneaky() RETURNS int AS $$ INSERT INTO audit VALUES (1); SELECT 1 $$ LANGUAGE sql");
        project = new ProjectFiles(Files.createTempDirectory("read-only"))
                .database("pg", url)
                .query("Sneaky", "sneaky.sql", "SELECT sneaky() AS one\n")
                .query("Harmless", "harmless.sql", "SELECT count(*) AS audited FROM audit\n");
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void aSelectCallingAWritingFunctionFailsBecauseTheConnectionIsReadOnly() throws Exception {
        Exchange done = runAnalysis("2026-10-29");

        RunReport.DatabaseReport pg = report(done).databases().get(0);
        assertThat(pg.queries().get(0).status()).isEqualTo("failed");
        assertThat(pg.queries().get(0).error()).contains("cannot execute INSERT in a read-only transaction");
        assertThat(pg.queries().get(1).status()).isEqualTo("completed");
        assertThat(results(done).get("pg").get("Harmless").get(0).get("audited")).isEqualTo(0L);
        assertThat(auditRows()).isZero();
    }

    @Test
    void sqlFilesThatWriteAreRefusedAtValidationWithExitTwoAndNothingRuns() throws Exception {
        ProjectFiles writer = new ProjectFiles(dir)
                .database("pg", url)
                .query("Delete", "delete.sql", "DELETE FROM audit\n")
                .query("Insert after WITH", "with_insert.sql",
                        "WITH x AS (SELECT 1 AS n) INSERT INTO audit SELECT n FROM x\n")
                .query("Delete inside WITH", "with_delete.sql",
                        "WITH gone AS (DELETE FROM audit RETURNING n) SELECT n FROM gone\n");
        writer.write();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("--monitor.databases-file=" + writer.databasesFile(),
                        "--monitor.output-dir=" + writer.outputDir(), "--monitor.start-date=2026-10-29");

        assertThat(exit).isEqualTo(2);
        Path sql = writer.root().resolve("sql").toAbsolutePath().normalize();
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "error: " + writer.databasesFile() + ": database 'pg', query 'Delete': key 'query_location': "
                        + sql.resolve("delete.sql") + ": must be a single SELECT or WITH query, found DELETE",
                "error: " + writer.databasesFile() + ": database 'pg', query 'Insert after WITH': key 'query_location': "
                        + sql.resolve("with_insert.sql")
                        + ": must be a single SELECT or WITH query, found INSERT after the WITH clause",
                "error: " + writer.databasesFile() + ": database 'pg', query 'Delete inside WITH': key 'query_location': "
                        + sql.resolve("with_delete.sql") + ": WITH clause contains a data-modifying DELETE");
        assertThat(writer.outputDir()).doesNotExist();
        assertThat(auditRows()).isZero();
    }

    private static int auditRows() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
