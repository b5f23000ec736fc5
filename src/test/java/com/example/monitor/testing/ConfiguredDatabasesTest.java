package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared invariant itself: a report that leaves out a configured database fails the test reading it. */
class ConfiguredDatabasesTest {

    @TempDir
    Path dir;

    @Test
    void aReportWithoutAConfiguredDatabaseFailsWhoeverReadsIt() throws Exception {
        // only the names matter here: the test writes no real entries
        Files.writeString(dir.resolve("databases.yaml"), "databases:\n  - name: crm\n  - name: billing\n");
        Files.createDirectories(dir.resolve("output"));
        Files.writeString(dir.resolve("output/20261201T194213Z-n1-1a2b3c4d.json"), """
                {"runId": "20261201T194213Z-n1-1a2b3c4d", "startedAt": "2026-12-01T19:42:13Z",
                 "databases": {"crm": {"status": "completed"}}}""");

        assertThatThrownBy(() -> new ReportFiles(dir.resolve("output")).only())
                .hasMessageContaining("reports databases [crm], but").hasMessageContaining("configures [crm, billing]");
    }

    @Test
    void aReportWithEveryConfiguredDatabaseInTheFilesOrderPasses() throws Exception {
        Path databases = Files.writeString(dir.resolve("databases.yaml"), "databases:\n  - name: crm\n  - name: billing\n");
        JsonNode report = new ObjectMapper().readTree("{\"databases\": {\"crm\": {}, \"billing\": {}}}");

        assertThat(new ConfiguredDatabases(databases).assertAllIn(report)).isSameAs(report);
        assertThatThrownBy(() -> new ConfiguredDatabases(databases)
                .assertAllIn(new ObjectMapper().readTree("{\"databases\": {\"billing\": {}, \"crm\": {}}}")))
                .isInstanceOf(AssertionError.class);
    }
}
