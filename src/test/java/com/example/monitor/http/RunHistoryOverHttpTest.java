package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** The run list and the run in flight as clients poll them: a bad report on disk spoils nothing else. */
@ExtendWith(PerTest.class)
class RunHistoryOverHttpTest extends MonitorTestSupport {

    private static final String TRUNCATED = "20991231T235959Z-0badf00d";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private LogCapture log;
    private ApiClient api;

    @BeforeAll
    static void createDatabase() throws Exception {
        String url = POSTGRES.server().createDatabase("run_history");
        project = new ProjectFiles(Files.createTempDirectory("run-history-test"))
                .database("run_history", url)
                .query("Start date", "run_history/start_date.sql", "SELECT :start_date::timestamp AS start_date\n");
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.mode", "service", "monitor.http.port", "0");
    }

    @Override
    protected Path outputDir() {
        return PerTest.folder().resolve("output");
    }

    @BeforeEach
    void client() {
        log = LogCapture.atLevel(Level.WARN);
        api = new ApiClient(context.hasService(VertxPlatformHttpServer.class).getPort(), null);
    }

    @AfterEach
    void stopLogCapture() {
        log.close();
    }

    @Test
    void aTruncatedReportAmongTheNewestIsLeftOutWithOneWarningAndAnsweredAsAJsonError() throws Exception {
        String good = runToReport();
        Path truncated = outputDir().resolve(TRUNCATED + ".json");
        Files.writeString(truncated, "{\"runId\": \"" + TRUNCATED + "\", \"startedAt\": \"2099-12-31T23:59:59Z\", \"datab");

        for (int poll = 0; poll < 3; poll++) {
            HttpResponse<String> list = api.get("/api/runs");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode runs = JSON.readTree(list.body());
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("runId").asText()).isEqualTo(good);
        }
        assertThat(log.lines()).filteredOn(line -> line.contains(truncated.getFileName().toString())).hasSize(1)
                .allMatch(line -> line.contains("WARN"));

        HttpResponse<String> report = api.get("/api/runs/" + TRUNCATED);
        assertThat(report.statusCode()).isEqualTo(500);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(report.body()).get("error").asText()).contains("cannot be read");
        // planted by this test, not written by the app: out of the way of the every-database check
        Files.delete(truncated);
    }

    @Test
    void theCurrentRunIsGoneAsSoonAsItsReportIsWritten() throws Exception {
        for (int run = 0; run < 3; run++) {
            AtomicReference<HttpResponse<String>> accepted = new AtomicReference<>();
            // the previous run may still be ending (409) for a moment after its report
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                accepted.set(api.postJson("/api/runs", "{}"));
                return accepted.get().statusCode() == 202;
            });
            String runId = JSON.readTree(accepted.get().body()).get("runId").asText();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.exists(outputDir().resolve(runId + ".json")));
            assertThat(api.get("/api/runs/current").statusCode()).isEqualTo(204);
        }
    }

    private String runToReport() throws Exception {
        String runId = JSON.readTree(api.postJson("/api/runs", "{}").body()).get("runId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outputDir().resolve(runId + ".json")));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/runs/current").statusCode() == 204);
        return runId;
    }
}
