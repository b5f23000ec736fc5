package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.PrometheusText;
import com.example.monitor.testing.ReportFiles;
import com.example.monitor.testing.ServiceTestSupport;
import com.example.monitor.testing.ServiceTestSupport.ServiceSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /observe/health} and {@code /observe/metrics} of a running service after runs with a
 * completed, a failed and a cancelled query, and with a database that cannot be reached: the metrics
 * agree with the reports, and the service stays healthy.
 */
@ServiceSettings({"monitor.connect-timeout", "5s", "monitor.query-timeout", "2m"})
class HealthAndMetricsTest extends ServiceTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        String url = POSTGRES.server().createDatabase("observe",
                "CREATE TABLE clients (id int)", "INSERT INTO clients VALUES (1), (2), (3)");
        return new ProjectFiles(Files.createTempDirectory("health-metrics-test"))
                .database("observe", url)
                // a start date before 2000 sleeps 30 s, so a run can be cancelled in it
                .query("Slow for old dates", "observe/slow.sql", """
                        SELECT 1 AS one
                          FROM pg_sleep(CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 30 ELSE 0 END)
                        """)
                .query("Clients", "observe/clients.sql", "SELECT id FROM clients WHERE :start_date::timestamp IS NOT NULL\n")
                .query("Broken", "observe/broken.sql", "SELECT * FROM no_such_table\n")
                .database("healthy", url)
                .query("One", "healthy/one.sql", "SELECT 1 AS one WHERE :start_date::timestamp IS NOT NULL\n")
                .database("unreachable", ProjectFiles.unreachableUrl())
                .query("Never", "unreachable/never.sql", "SELECT 1 AS one\n")
                .write();
    }

    @Test
    void metricsAgreeWithTheReportsOfACompletedFailedAndCancelledRun() throws Exception {
        String first = runId(api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outputDir().resolve(first + ".json")));
        String second = runId(api.postJson("/api/runs", "{\"startDate\": \"1999-01-01\"}"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> POSTGRES.server().activeQueriesOfApplication().stream().anyMatch(q -> q.contains("pg_sleep")));
        assertThat(scrape().value("monitor_run_in_progress")).hasValue(1.0);
        api.send(api.request("/api/runs/current/cancel").POST(HttpRequest.BodyPublishers.noBody()));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outputDir().resolve(second + ".json")));
        await().atMost(Duration.ofSeconds(5)).until(() -> scrape().value("monitor_run_in_progress").orElseThrow() == 0.0);

        JsonNode partial = report(first);
        JsonNode cancelled = report(second);
        assertThat(partial.get("status").asText()).isEqualTo("partial");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        PrometheusText metrics = scrape();

        assertThat(metrics.value("monitor_runs_total", "trigger", "http", "status", "partial")).hasValue(1.0);
        assertThat(metrics.value("monitor_runs_total", "trigger", "http", "status", "cancelled")).hasValue(1.0);
        assertThat(metrics.value("monitor_run_duration_seconds_count")).hasValue(2.0);
        assertThat(metrics.value("monitor_run_duration_seconds_sum").orElseThrow())
                .isCloseTo((partial.get("elapsedMs").asLong() + cancelled.get("elapsedMs").asLong()) / 1000.0, within(0.001));

        JsonNode clients = partial.at("/databases/observe/queries/Clients");
        assertThat(clients.get("status").asText()).isEqualTo("completed");
        assertThat(metrics.value("monitor_query_rows", "database", "observe", "query", "Clients"))
                .hasValue(clients.get("rowCount").asDouble()).hasValue(3.0);
        assertThat(metrics.value("monitor_query_duration_seconds_sum", "database", "observe", "query", "Clients", "status", "completed"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(clients.get("elapsedMs").asLong() / 1000.0, within(0.001)));
        JsonNode broken = partial.at("/databases/observe/queries/Broken");
        assertThat(broken.get("status").asText()).isEqualTo("failed");
        assertThat(metrics.value("monitor_query_duration_seconds_count", "database", "observe", "query", "Broken", "status", "failed"))
                .hasValue(1.0);
        assertThat(metrics.value("monitor_query_rows", "database", "observe", "query", "Broken")).isEmpty();
        JsonNode slow = cancelled.at("/databases/observe/queries/Slow for old dates");
        assertThat(slow.get("status").asText()).isEqualTo("cancelled");
        assertThat(metrics.value("monitor_query_duration_seconds_sum", "database", "observe", "query", "Slow for old dates", "status", "cancelled"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(slow.get("elapsedMs").asLong() / 1000.0, within(0.001)));

        assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "healthy"))
                .hasValue((double) lastSuccess("healthy"));
        assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "observe")).isEmpty();
        assertThat(metrics.value("monitor_database_last_success_timestamp_seconds", "database", "unreachable")).isEmpty();
        assertThat(metrics.hasMetric("camel_exchanges_total")).as("Camel's own route metrics").isTrue();
    }

    @Test
    void healthStaysUpWhileADatabaseIsUnreachableAndShowsEachDatabaseSeparately() throws Exception {
        String runId = runId(api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outputDir().resolve(runId + ".json")));
        assertThat(report(runId).at("/databases/unreachable/status").asText()).isEqualTo("failed");

        for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready")) {
            HttpResponse<String> health = api.get(path);
            assertThat(health.statusCode()).as(path + ": " + health.body()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("status").asText()).as(path).isEqualTo("UP");
        }
        JsonNode full = JSON.readTree(api.get("/observe/health?exposureLevel=full&data=true").body());
        JsonNode databases = check(full, "databases");
        assertThat(databases.get("status").asText()).isEqualTo("UP");
        assertThat(databases.at("/data/unreachable").asText()).startsWith("failed").contains(runId);
        assertThat(databases.at("/data/healthy").asText()).startsWith("completed");
        assertThat(check(full, "run-deadline").get("status").asText()).isEqualTo("UP");
        assertThat(check(full, "context").get("status").asText()).isEqualTo("UP");

        JsonNode live = JSON.readTree(api.get("/observe/health/live?exposureLevel=full").body());
        JsonNode ready = JSON.readTree(api.get("/observe/health/ready?exposureLevel=full").body());
        assertThat(names(live)).contains("run-deadline").doesNotContain("databases");
        assertThat(names(ready)).as(ready.toString()).contains("run-deadline", "route:run-analysis").doesNotContain("databases");
    }

    private long lastSuccess(String database) {
        return reports.all().stream()
                .filter(report -> report.at("/databases/" + database + "/status").asText().equals("completed"))
                .filter(report -> StreamSupport.stream(report.at("/databases/" + database + "/queries").spliterator(), false)
                        .allMatch(query -> query.get("status").asText().equals("completed")))
                .mapToLong(report -> ReportFiles.finishedAt(report).getEpochSecond())
                .max().orElseThrow();
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = api.get("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusText(response.body());
    }

    private JsonNode report(String runId) throws Exception {
        return JSON.readTree(outputDir().resolve(runId + ".json").toFile());
    }

    private static JsonNode check(JsonNode health, String name) {
        return StreamSupport.stream(health.get("checks").spliterator(), false)
                .filter(check -> check.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private static List<String> names(JsonNode health) {
        return StreamSupport.stream(health.get("checks").spliterator(), false).map(check -> check.get("name").asText()).toList();
    }

    private static String runId(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("runId").asText();
    }
}
