package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.PerTestOutputTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service with monitor.schedule-at-start and no schedule: it runs once as soon as it is up, and
 * monitor.keep-reports cleans the output folder after that run.
 */
class ScheduleAtStartTest extends PerTestOutputTestSupport {

    private static final String OLD_REPORT = "20200101T000000Z-0123abcd.json";
    private static final String OLD_TEAM_FILE = "20200101T000000Z-0123abcd-clients.json";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("schedule-at-start-test").on(POSTGRES.server())
                .postgres("at_start")
                .query("One", "at_start/one.sql", "SELECT 1 AS one WHERE now() >= :start_date\n")
                .write();
    }

    @Override
    protected Properties monitorProperties() {
        // a report and a team's file from long ago, there before the service starts
        writeOld(outputDir().resolve(OLD_REPORT));
        writeOld(outputDir().resolve(OLD_TEAM_FILE));
        return properties(
                "monitor.mode", "service",
                "monitor.schedule-at-start", "true",
                "monitor.keep-reports", "30d");
    }

    @Test
    void runsOnceAtStartWithoutAScheduleAndThenDeletesOnlyOldReports() {
        await().atMost(Duration.ofSeconds(20)).until(() -> reports.oneWithTrigger("start").isPresent());
        JsonNode report = reports.oneWithTrigger("start").orElseThrow();
        assertThat(report.get("status").asText()).isEqualTo("completed");

        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(outputDir().resolve(OLD_REPORT)));
        assertThat(outputDir().resolve(report.get("runId").asText() + ".json")).exists();
        assertThat(outputDir().resolve(OLD_TEAM_FILE)).exists();
        // once, not on a schedule
        assertThat(reports.all()).singleElement().satisfies(only -> assertThat(only.get("trigger").asText()).isEqualTo("start"));
    }

    private static void writeOld(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"runId\": \"20200101T000000Z-0123abcd\", \"trigger\": \"schedule\","
                    + " \"startedAt\": \"2020-01-01T00:00:00Z\", \"status\": \"completed\"}");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
