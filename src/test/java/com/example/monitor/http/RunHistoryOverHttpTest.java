package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.HttpServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The run list and the run in flight as clients poll them: a bad report on disk spoils nothing else. */
class RunHistoryOverHttpTest extends HttpServiceTestSupport {

    private static final String TRUNCATED = "20991231T235959Z-0badf00d";

    private LogCapture log;

    @Override
    protected String databaseName() {
        return "run_history";
    }

    @BeforeEach
    void captureWarnings() {
        log = LogCapture.atLevel(Level.WARN);
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
