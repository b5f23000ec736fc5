package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.PrometheusText;
import com.example.monitor.testing.PrometheusText.Sample;
import com.example.monitor.testing.ReportFiles;
import com.example.monitor.testing.ServiceMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an alert reads is there before the first run ends and comes back after a restart: the run
 * counters at 0, and a state for every configured database, including one unreachable since start-up
 * and one whose only query always fails.
 */
class MetricsFromStartTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final List<String> DATABASES = List.of("steady", "broken", "unreachable");

    private static String url;
    private static String unreachable;
    private ProjectFiles project;

    @BeforeAll
    static void databases() throws Exception {
        url = POSTGRES.server().createDatabase("metrics_from_start");
        unreachable = ProjectFiles.unreachableUrl();
    }

    @BeforeEach
    void project() {
        project = ProjectFiles.temp("metrics-from-start-test")
                .database("steady", url)
                // divides by zero for a start date before 2000, so one run of it can fail
                .query("Start date", "steady/start_date.sql", """
                        SELECT 1 / CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 0 ELSE 1 END AS one
                        """)
                .brokenAndUnreachable(url, unreachable)
                .property("monitor.connect-timeout", "5s")
                .write();
    }

    @Test
    void aFreshServiceHasEachOfItsRunCountersAtZeroAndEveryDatabaseInAStateSeries() throws Exception {
        try (ServiceMain service = ServiceMain.start(project,
                "monitor.schedule", "0 0 6 * * ?", "monitor.inbox-dir", project.root().resolve("inbox").toString())) {
            PrometheusText metrics = service.scrape();

            for (String trigger : List.of("schedule", "file", "http")) {
                for (String status : List.of("completed", "partial", "cancelled")) {
                    assertThat(metrics.value("monitor_runs_total", "trigger", trigger, "status", status))
                            .as(trigger + " " + status).hasValue(0.0);
                }
            }
            assertThat(triggers(metrics)).as("start and cli are not set up here").containsOnly("schedule", "file", "http");
            for (String database : DATABASES) {
                assertThat(states(metrics, database)).as(database).isEqualTo(Map.of("none", 1.0,
                        "completed", 0.0, "partial", 0.0, "failed", 0.0, "cancelled", 0.0));
                assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", database)).isEmpty();
            }
            assertThat(databaseHealth(service.api())).as("the health check's details")
                    .isEqualTo(Map.of("steady", "none", "broken", "none", "unreachable", "none"));
        }
    }

    @Test
    void afterTheFirstRunEachDatabaseShowsHowItEndedAndAScheduleAtStartIsCounted() throws Exception {
        try (ServiceMain service = ServiceMain.start(project, "monitor.schedule-at-start", "true")) {
            await().atMost(RUN).until(() -> new ReportFiles(project.outputDir()).all().size() == 1);
            JsonNode report = new ReportFiles(project.outputDir()).all().get(0);
            await().atMost(Duration.ofSeconds(5)).until(() -> service.scrape()
                    .value("monitor_runs_total", "trigger", "start", "status", "partial").orElse(0.0) == 1.0);
            PrometheusText metrics = service.scrape();

            assertThat(report.get("trigger").asText()).isEqualTo("start");
            assertThat(triggers(metrics)).containsOnly("start", "http");
            assertThat(metrics.value("monitor_runs_total", "trigger", "http", "status", "partial")).hasValue(0.0);
            assertThat(state(metrics, "steady")).isEqualTo("completed");
            assertThat(state(metrics, "broken")).isEqualTo("partial");
            assertThat(state(metrics, "unreachable")).isEqualTo("failed");
            assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "steady"))
                    .hasValue((double) ReportFiles.finishedAt(report).getEpochSecond());
            assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "broken")).isEmpty();
            assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "unreachable")).isEmpty();
        }
    }

    @Test
    void aRestartBringsBackEachDatabasesStateAndLastSuccessFromTheReportsBeforeAnyNewRun() throws Exception {
        List<Sample> beforeRestart;
        String succeeded;
        String last;
        try (ServiceMain service = ServiceMain.start(project)) {
            succeeded = run(service.api(), "2026-10-01");
            last = run(service.api(), "1999-01-01");
            await().atMost(Duration.ofSeconds(5)).until(() -> service.scrape()
                    .value("monitor_run_in_progress").orElseThrow() == 0.0);
            beforeRestart = databaseSeries(service.scrape());
        }
        // newer than every report, and unreadable: left out, with a WARN
        Files.writeString(project.outputDir().resolve("29991231T235959Z-0badf00d.json"), "{\"runId\": ");

        try (ServiceMain restarted = ServiceMain.start(project)) {
            PrometheusText metrics = restarted.scrape();

            assertThat(databaseSeries(metrics)).isEqualTo(beforeRestart);
            assertThat(state(metrics, "steady")).isEqualTo("partial");
            assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "steady"))
                    .hasValue((double) ReportFiles.finishedAt(report(succeeded)).getEpochSecond());
            assertThat(state(metrics, "broken")).isEqualTo("partial");
            assertThat(state(metrics, "unreachable")).isEqualTo("failed");
            assertThat(metrics.value("monitor_runs_total", "trigger", "http", "status", "partial"))
                    .as("counters start again from 0, which Prometheus' increase() reads as a reset").hasValue(0.0);
            assertThat(databaseHealth(restarted.api())).as("the health check's details, before any run here")
                    .isEqualTo(Map.of("steady", "partial in run " + last, "broken", "partial in run " + last,
                            "unreachable", "failed in run " + last));
        }
    }

    /** As a standby replica sees the leader's runs: its series follow them, and do not go stale. */
    @Test
    void aServiceTakesInTheRunsOfAnotherOnTheSameOutputFolderAtTheNextScrape() throws Exception {
        try (ServiceMain runner = ServiceMain.start(project); ServiceMain watcher = ServiceMain.start(project)) {
            assertThat(state(watcher.scrape(), "steady")).isEqualTo("none");

            String runId = run(runner.api(), "2026-10-01");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusText metrics = watcher.scrape();
                assertThat(state(metrics, "steady")).isEqualTo("completed");
                assertThat(state(metrics, "broken")).isEqualTo("partial");
                assertThat(state(metrics, "unreachable")).isEqualTo("failed");
                assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "steady"))
                        .hasValue((double) ReportFiles.finishedAt(report(runId)).getEpochSecond());
                assertThat(databaseHealth(watcher.api())).containsEntry("steady", "completed in run " + runId);
            });
            assertThat(watcher.scrape().value("monitor_runs_total", "trigger", "http", "status", "partial"))
                    .as("runs are counted where they ran").hasValue(0.0);
        }
    }

    private String run(ApiClient api, String startDate) throws Exception {
        HttpResponse<String> accepted = api.postJson("/api/runs", "{\"startDate\": \"" + startDate + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = JSON.readTree(accepted.body()).get("runId").asText();
        await().atMost(RUN).until(() -> Files.exists(project.outputDir().resolve(runId + ".json")));
        return runId;
    }

    /** The {@code databases} health check's details: each configured database's state in its newest report. */
    private static Map<String, String> databaseHealth(ApiClient api) throws Exception {
        JsonNode health = JSON.readTree(api.get("/observe/health?exposureLevel=full&data=true").body());
        JsonNode databases = StreamSupport.stream(health.get("checks").spliterator(), false)
                .filter(check -> check.get("name").asText().equals("databases")).findFirst()
                .orElseThrow(() -> new AssertionError("no databases check in " + health));
        assertThat(databases.get("status").asText()).isEqualTo("UP");
        Map<String, String> details = new TreeMap<>();
        // Camel adds its own details (check.id, invocation.count, ...) beside ours
        DATABASES.forEach(database -> {
            if (databases.at("/data").has(database)) {
                details.put(database, databases.at("/data").get(database).asText());
            }
        });
        return details;
    }

    private JsonNode report(String runId) throws Exception {
        Path file = project.outputDir().resolve(runId + ".json");
        return JSON.readTree(file.toFile());
    }

    private static List<Sample> databaseSeries(PrometheusText metrics) {
        return metrics.samples().stream().filter(sample -> sample.name().startsWith("monitor_database_"))
                .sorted(Comparator.comparing(Sample::toString)).toList();
    }

    private static List<String> triggers(PrometheusText metrics) {
        return metrics.samples().stream().filter(sample -> sample.name().equals("monitor_runs_total"))
                .map(sample -> sample.labels().get("trigger")).distinct().toList();
    }

    private static Map<String, Double> states(PrometheusText metrics, String database) {
        return metrics.samples().stream()
                .filter(sample -> sample.name().equals("monitor_database_status")
                        && database.equals(sample.labels().get("database")))
                .collect(Collectors.toMap(sample -> sample.labels().get("status"), Sample::value));
    }

    /** The one state at 1. */
    private static String state(PrometheusText metrics, String database) {
        List<String> on = states(metrics, database).entrySet().stream().filter(state -> state.getValue() == 1.0)
                .map(Map.Entry::getKey).toList();
        assertThat(on).as(database + " has exactly one state at 1").hasSize(1);
        return on.get(0);
    }
}
