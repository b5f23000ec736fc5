package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PerTestOutputTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.slf4j.event.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service mode started by {@code monitor.schedule} alone, on real timers: a period and a Quartz cron
 * expression. The only query sleeps 1.5 s, longer than the 1 s period, so overlapping runs would show.
 */
class ScheduledRunsTest extends PerTestOutputTestSupport {

    /** The {@code monitor.schedule} of one test. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Schedule {
        String value();
    }

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("scheduled-runs-test").on(POSTGRES.server())
                .postgres("scheduled")
                .query("Slow", "scheduled/slow.sql", "SELECT :start_date::timestamp AS start_date FROM pg_sleep(1.5)\n")
                .property("monitor.mode", "service")
                .write();
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.schedule", PerTest.annotation(Schedule.class).orElseThrow().value());
    }

    @Test
    @Schedule("1s")
    void periodShorterThanARunGivesSeveralScheduledRunsThatNeverOverlap() {
        await().atMost(Duration.ofSeconds(25)).until(() -> reports.all().size() >= 3);

        List<JsonNode> runs = reports.all();
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.get("trigger").asText()).isEqualTo("schedule");
            assertThat(run.get("status").asText()).isEqualTo("completed");
            // the slow query really ran, so two runs would have overlapped had both been let in
            assertThat(run.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(1500);
        });
        for (int i = 1; i < runs.size(); i++) {
            assertThat(ReportFiles.startedAt(runs.get(i)))
                    .as("run %d started after run %d finished", i, i - 1)
                    .isAfterOrEqualTo(ReportFiles.finishedAt(runs.get(i - 1)));
        }
    }

    @Test
    @Schedule("0/1 * * * * ?")
    void cronExpressionStartsRunsThroughQuartzWithTriggerSchedule() {
        assertThat(context.getRoute("scheduled-run").getEndpoint().getEndpointUri()).startsWith("quartz:");

        try (LogCapture log = LogCapture.atLevel(Level.WARN)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> reports.all().size() >= 2);
            // runs take 1.5 s and ticks come every second: a tick during a run is dropped, not queued
            assertThat(log.text()).contains("schedule tick skipped: a run is still in flight");
        }

        List<JsonNode> runs = reports.all();
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.get("trigger").asText()).isEqualTo("schedule");
            assertThat(run.get("status").asText()).isEqualTo("completed");
        });
        assertThat(ReportFiles.startedAt(runs.get(1))).isAfterOrEqualTo(ReportFiles.finishedAt(runs.get(0)));
    }
}
