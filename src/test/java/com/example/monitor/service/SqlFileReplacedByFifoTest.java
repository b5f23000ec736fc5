package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.testing.InboxServiceTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.SpecialFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An SQL file replaced by a FIFO while the service runs, on real files and a real PostgreSQL: the
 * next run fails that query at once instead of waiting for a writer that never comes, and the
 * service stays free for the runs after it.
 */
class SqlFileReplacedByFifoTest extends InboxServiceTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabase() throws Exception {
        project = ProjectFiles.temp("sql-fifo-test").on(POSTGRES.server())
                .postgres("sql_fifo")
                .query("Piped", "sql_fifo/piped.sql", "SELECT 1 AS one\n")
                .query("Plain", "sql_fifo/plain.sql", "SELECT 2 AS two\n")
                .property("monitor.mode", "service")
                .write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void theNextRunFailsThatQueryAtOnceAndTheServiceStaysFree() throws Exception {
        Path sql = project.root().resolve("sql/sql_fifo/piped.sql");
        Files.delete(sql);
        SpecialFiles.fifo(sql);
        try {
            inbox.drop("piped.json", "{}");

            await().atMost(Duration.ofSeconds(10)).until(() -> reports.oneWithTrigger("file:piped.json").isPresent());
            JsonNode report = reports.oneWithTrigger("file:piped.json").orElseThrow();
            assertThat(report.at("/databases/sql_fifo/queries/Piped/status").asText()).isEqualTo("failed");
            assertThat(report.at("/databases/sql_fifo/queries/Piped/error").asText())
                    .contains(sql.toString()).contains("not a regular file");
            assertThat(report.at("/databases/sql_fifo/queries/Plain/status").asText()).isEqualTo("completed");
            assertThat(context.getRegistry().lookupByNameAndType(AnalysisRuns.BEAN, AnalysisRuns.class).isBusy())
                    .isFalse();
        } finally {
            Files.delete(sql);
            Files.writeString(sql, "SELECT 1 AS one\n");
        }
        inbox.drop("after.json", "{}");

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.oneWithTrigger("file:after.json").isPresent());
        assertThat(reports.oneWithTrigger("file:after.json").orElseThrow().get("status").asText()).isEqualTo("completed");
    }
}
