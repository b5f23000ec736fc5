package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.InboxServiceTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * A file named {@code cancel} dropped in the inbox of a running service: the run in flight stops on
 * the server and is reported cancelled, and the service goes on taking requests.
 */
class CancelFileTest extends InboxServiceTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("cancel-file-test").on(POSTGRES.server())
                .postgres("cancel_file")
                // a request for a start date before 2000 sleeps 30 s; any other returns at once
                .query("Sleep for old dates", "cancel_file/sleep.sql", """
                        SELECT :start_date::timestamp AS start_date
                          FROM pg_sleep(CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 30 ELSE 0 END)
                        """)
                .query("After the sleep", "cancel_file/after.sql", "SELECT 1 AS one\n")
                .property("monitor.mode", "service")
                .property("monitor.query-timeout", "2m")
                .write();
    }

    @Test
    void cancelFileCancelsTheRunInFlightOnTheServerAndTheServiceKeepsServing() throws Exception {
        inbox.drop("long.json", "{\"startDate\": \"1999-01-01\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> POSTGRES.server().activeQueriesOfApplication().stream().anyMatch(q -> q.contains("pg_sleep")));

        Instant cancelledAt = Instant.now();
        inbox.drop("cancel", "");

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.oneWithTrigger("file:long.json").isPresent());
        JsonNode cancelled = reports.oneWithTrigger("file:long.json").orElseThrow();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.at("/databases/cancel_file/queries/Sleep for old dates/status").asText())
                .isEqualTo("cancelled");
        assertThat(cancelled.at("/databases/cancel_file/queries/After the sleep/status").asText())
                .isEqualTo("cancelled");
        // polled every 200 ms, then at most 2 s from the cancel to the report
        assertThat(Duration.between(cancelledAt, ReportFiles.finishedAt(cancelled))).isLessThan(Duration.ofMillis(2500));
        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.doneFiles().contains("long.json"));
        assertThat(inbox.has("cancel")).isFalse();
        assertThat(Files.readString(inbox.archived(inbox.done(), "cancel", "")))
                .isEqualTo("cancelled run: " + cancelled.get("runId").asText() + System.lineSeparator());

        inbox.drop("next.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> reports.oneWithTrigger("file:next.json").isPresent());
        JsonNode next = reports.oneWithTrigger("file:next.json").orElseThrow();
        assertThat(next.get("status").asText()).isEqualTo("completed");
        assertThat(next.at("/databases/cancel_file/queries/Sleep for old dates/rows/0/start_date").asText())
                .isEqualTo("2026-10-01T00:00:00");
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.doneFiles().contains("next.json"));
        assertThat(inbox.allFiles()).hasSize(5).contains(".done/long.json", ".done/long.json.report.txt",
                ".done/next.json", ".done/next.json.report.txt");
        assertThat(pools().activeConnections()).isZero();
    }

    @Test
    void cancelFileWithNoRunInFlightIsLoggedAndRemovedAndDoesNotCancelTheNextRun() {
        try (LogCapture log = LogCapture.atLevel(Level.WARN)) {
            inbox.drop("cancel", "");
            await().atMost(Duration.ofSeconds(5)).until(() -> !inbox.has("cancel"));
            await().atMost(Duration.ofSeconds(5)).until(() -> log.text().contains(
                    "route.inbox-cancel WARN cancel file ignored and removed: no run in flight"));
        }
        assertThat(inbox.doneFiles()).isEmpty();

        inbox.drop("after-cancel.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> reports.oneWithTrigger("file:after-cancel.json").isPresent());
        assertThat(reports.oneWithTrigger("file:after-cancel.json").orElseThrow().get("status").asText())
                .isEqualTo("completed");
    }
}
