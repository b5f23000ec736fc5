package com.example.monitor.run;

import com.example.monitor.testing.ReportFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.MonitorLauncher;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysts name folders and files as they like; the path reaches camel-sql unchanged. */
class QueryFilePathTest {

    @TempDir
    Path dir;

    @Test
    void queryFileWithSpacesAndHashInItsPathRunsAndItsHashLiteralIsKept() throws Exception {
        Files.createDirectories(dir.resolve("team sql"));
        Files.writeString(dir.resolve("team sql/changes #1.sql"),
                "SELECT '#' AS hash, 1 AS one FROM dual WHERE :start_date IS NOT NULL\n");
        Files.writeString(dir.resolve("databases.yaml"), """
                databases:
                  - name: paths
                    url: "jdbc:h2:mem:query_file_path;MODE=Oracle;DB_CLOSE_DELAY=-1"
                    auth: password
                    username: sa
                    password: x
                    sql_queries:
                      - name: Hash in the name
                        query_location: "team sql/changes #1.sql"
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)).run(
                "--monitor.databases-file=" + dir.resolve("databases.yaml"),
                "--monitor.output-dir=" + dir.resolve("output"));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode query = report(dir.resolve("output")).at("/databases/paths/queries/Hash in the name");
        assertThat(query.get("status").asText()).isEqualTo("completed");
        assertThat(query.get("rows").toString()).isEqualTo("[{\"HASH\":\"#\",\"ONE\":1}]");
    }

    private static JsonNode report(Path output) {
        return new ReportFiles(output).only();
    }
}
