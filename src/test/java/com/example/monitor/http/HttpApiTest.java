package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ServiceTestSupport;
import com.example.monitor.testing.ServiceTestSupport.ServiceSettings;
import com.example.monitor.testing.SpecialFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * The HTTP API of a running service with a token, on a free port, against a real PostgreSQL: every
 * endpoint, and what it refuses (401, 403, 409, 400, 404, 413, 415) without changing anything.
 */
@ServiceSettings(token = HttpApiTest.TOKEN, value = {"monitor.query-timeout", "2m"})
class HttpApiTest extends ServiceTestSupport {

    static final String TOKEN = "s3cret-token-for-tests";
    private static final Duration RUN_DONE = Duration.ofSeconds(20);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private static LogCapture log;

    @AfterAll
    static void stopLogCapture() {
        log.close();
    }

    @BeforeAll
    static void createDatabase() throws Exception {
        log = LogCapture.atLevel(Level.INFO);
        String url = POSTGRES.server().createDatabase("http_api");
        project = new ProjectFiles(Files.createTempDirectory("http-api-test"))
                .database("http_api", url)
                // a start date before 2000 sleeps 30 s, so a run stays in flight; any other returns at once
                .query("Start date", "http_api/start_date.sql", """
                        SELECT :start_date::timestamp AS start_date
                          FROM pg_sleep(CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 30 ELSE 0 END)
                        """);
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Test
    void postedRunIsAcceptedAndItsReportIsServedExactlyAsOnDisk() throws Exception {
        HttpResponse<String> accepted = api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\"}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = JSON.readTree(accepted.body()).get("runId").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/runs/" + runId);
        assertThat(accepted.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(accepted.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));

        awaitRunDone(runId);
        HttpResponse<String> report = api.get("/api/runs/" + runId);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).isEqualTo(Files.readString(outputDir().resolve(runId + ".json")));
        JsonNode json = JSON.readTree(report.body());
        assertThat(json.get("trigger").asText()).isEqualTo("http");
        assertThat(json.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        assertThat(json.at("/databases/http_api/queries/Start date/rows/0/start_date").asText()).isEqualTo("2026-10-01T00:00:00");
        assertThat(JSON.readTree(api.get("/api/status").body()).get("replica").toString())
                .as("without a cluster service the process is alone, and runs").isEqualTo("{\"role\":\"alone\",\"id\":null,\"leader\":null}");
    }

    @Test
    void lookbackDaysAndAnEmptyRequestAreAcceptedLikeInboxFiles() {
        String first = runId(api.postJson("/api/runs", "{\"lookbackDays\": 7}"));
        awaitRunDone(first);
        String second = runId(api.postJson("/api/runs", "{}"));
        awaitRunDone(second);

        assertThat(reports.withTrigger("http")).hasSize(2);
    }

    @Test
    void aStartDateWrittenAsSqlDeveloperShowsItIsAccepted() throws Exception {
        String runId = runId(api.postJson("/api/runs", "{\"startDate\": \"2026-09-01 06:30:00\"}"));
        awaitRunDone(runId);

        assertThat(JSON.readTree(outputDir().resolve(runId + ".json").toFile()).get("startDate").asText())
                .isEqualTo("2026-09-01T06:30:00");
    }

    @Test
    void runListIsNewestFirstWithCountsAndNoRows() throws Exception {
        String older = runId(api.postJson("/api/runs", "{\"startDate\": \"2026-09-01\"}"));
        awaitRunDone(older);
        String newer = runId(api.postJson("/api/runs", "{\"startDate\": \"2026-09-02\"}"));
        awaitRunDone(newer);

        JsonNode all = JSON.readTree(api.get("/api/runs").body());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("runId").asText()).isEqualTo(newer);
        assertThat(all.get(1).get("runId").asText()).isEqualTo(older);
        JsonNode newest = all.get(0);
        assertThat(newest.get("trigger").asText()).isEqualTo("http");
        assertThat(newest.get("status").asText()).isEqualTo("completed");
        assertThat(newest.get("startDate").asText()).isEqualTo("2026-09-02T00:00:00");
        assertThat(newest.get("startedAt").asText()).isNotEmpty();
        assertThat(newest.get("finishedAt").asText()).isNotEmpty();
        assertThat(newest.get("elapsedMs").isIntegralNumber()).isTrue();
        assertThat(newest.get("queries").get("completed").asInt()).isEqualTo(1);
        assertThat(newest.get("rows").asLong()).isEqualTo(1);
        assertThat(newest.has("databases")).isFalse();

        JsonNode one = JSON.readTree(api.get("/api/runs?limit=1").body());
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("runId").asText()).isEqualTo(newer);
        assertThat(api.get("/api/runs?limit=zero").statusCode()).isEqualTo(400);
    }

    @Test
    void aLinkOrAFifoNamedLikeAReportIsNeitherListedNorServedNorOpened() throws Exception {
        Path secret = Files.writeString(PerTest.folder().resolve("secret.json"), "{\"runId\": \"TOPSECRET\"}");
        Files.createDirectories(outputDir());
        SpecialFiles.symlink(outputDir().resolve("20261128T191500Z-9acc8c32.json"), secret);
        SpecialFiles.fifo(outputDir().resolve("20261128T191600Z-0badc0de.json"));

        // opening the FIFO would hold the request until someone wrote to it
        HttpResponse<String> list = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> api.get("/api/runs"));
        HttpResponse<String> linked = api.get("/api/runs/20261128T191500Z-9acc8c32");
        HttpResponse<String> piped = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> api.get("/api/runs/20261128T191600Z-0badc0de"));

        assertThat(JSON.readTree(list.body())).isEmpty();
        assertError(linked, 404, "no report");
        assertError(piped, 404, "no report");
        assertThat(list.body() + linked.body()).doesNotContain("TOPSECRET");
    }

    @Test
    void runInFlightIsShownRefusesASecondRunAndIsCancelledOnTheServer() throws Exception {
        assertThat(api.get("/api/runs/current").statusCode()).isEqualTo(204);
        String runId = runId(api.postJson("/api/runs", "{\"startDate\": \"1999-01-01\"}"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> POSTGRES.server().activeQueriesOfApplication().stream().anyMatch(q -> q.contains("pg_sleep")));

        HttpResponse<String> current = api.get("/api/runs/current");
        assertThat(current.statusCode()).isEqualTo(200);
        JsonNode live = JSON.readTree(current.body());
        assertThat(live.get("runId").asText()).isEqualTo(runId);
        assertThat(live.get("status").asText()).isEqualTo("running");
        assertThat(live.get("trigger").asText()).isEqualTo("http");
        assertThat(live.at("/databases/http_api/queries/Start date/status").asText()).isEqualTo("running");
        assertThat(live.at("/databases/http_api/queries/Start date").has("rows")).isFalse();

        HttpResponse<String> refused = api.postJson("/api/runs", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("runId").asText()).isEqualTo(runId);

        HttpResponse<String> cancel = api.send(api.request("/api/runs/current/cancel").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(outputDir().resolve(runId + ".json")));
        JsonNode report = JSON.readTree(outputDir().resolve(runId + ".json").toFile());
        assertThat(report.get("status").asText()).isEqualTo("cancelled");
        assertThat(report.at("/databases/http_api/queries/Start date/status").asText()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(5)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/runs/current").statusCode() == 204);
        assertThat(api.send(api.request("/api/runs/current/cancel").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(409);
        assertThat(reports.all()).hasSize(1);
    }

    @Test
    void badRequestsAreRefusedWithAJsonErrorAndStartNothing() throws Exception {
        assertError(api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\""), 400, "malformed JSON");
        assertError(api.postJson("/api/runs", "{\"colour\": \"red\"}"), 400, "unknown key at line 1, column 2");
        assertError(api.postJson("/api/runs", "{\"startDate\": \"2026-13-45\"}"), 400, "startDate at line 1, column 15 is not a date");
        assertError(api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\", \"lookbackDays\": 3}"), 400, "not both");
        assertError(api.postJson("/api/runs", "{\"lookbackDays\": -1}"), 400, "lookbackDays");
        assertError(api.postJson("/api/runs", "[]"), 400, "JSON object");
        assertError(api.send(api.request("/api/runs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "application/json");
        assertError(api.postJson("/api/runs", "{\"startDate\": \"" + "x".repeat(70 * 1024) + "\"}"), 413, "too large");
        assertError(api.get("/api/nothing-here"), 404, "no such path");
        assertError(api.send(api.request("/api/runs").DELETE()), 404, "not with this method");

        assertThat(api.get("/api/runs/current").statusCode()).isEqualTo(204);
        assertThat(reports.all()).isEmpty();
    }

    @Test
    void aLongLimitIsQuotedBackOnlyInPartAndControlCharactersStayEscaped() throws Exception {
        HttpResponse<String> long9s = api.get("/api/runs?limit=" + "9".repeat(3000));
        assertError(long9s, 400, "limit: '" + "9".repeat(40) + "\u2026' is not a whole number");
        assertThat(long9s.body().length()).isLessThan(200);

        HttpResponse<String> emoji = api.get("/api/runs?limit=" + "%F0%9F%98%80".repeat(50));
        assertError(emoji, 400, "limit: '" + "\uD83D\uDE00".repeat(40) + "\u2026'");

        HttpResponse<String> control = api.get("/api/runs?limit=1%0D%0AX-Injected:%20yes%01");
        assertThat(control.body()).contains("1\\r\\nX-Injected: yes\\u0001");
        assertError(control, 400, "is not a whole number");
    }

    @Test
    void runIdsThatAreNotWellFormedNeverReachTheFileSystem() throws Exception {
        Path secret = outputDir().getParent().resolve("secret.json");
        Files.writeString(secret, "{\"password\": \"hunter2\"}");

        for (String path : new String[] {"/api/runs/..%2Fsecret", "/api/runs/..%2F..%2Fetc%2Fpasswd",
                "/api/runs/%2E%2E%2Fsecret", "/api/runs/not-a-run-id", "/api/runs/20261128T191500Z-9acc8c32.json"}) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("hunter2").doesNotContain("root:");
            assertThat(JSON.readTree(response.body()).has("error")).as(path).isTrue();
        }
        assertThat(api.get("/api/runs/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(400);
        assertError(api.get("/api/runs/20261128T191500Z-9acc8c32"), 404, "no report");
    }

    @Test
    void withoutTheRightTokenTheApiIsRefusedButHealthAndMetricsStayOpenAndTheTokenIsNeverLogged() throws Exception {
        ApiClient anonymous = api.withToken(null);
        ApiClient wrong = api.withToken("not-the-token");

        assertError(anonymous.get("/api/runs"), 401, "token");
        assertError(wrong.get("/api/runs"), 401, "token");
        assertError(wrong.postJson("/api/runs", "{}"), 401, "token");
        assertError(wrong.get("/api/status"), 401, "token");
        assertError(wrong.send(wrong.request("/api/runs/current/cancel").POST(HttpRequest.BodyPublishers.noBody())), 401, "token");
        assertThat(anonymous.get("/observe/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/observe/metrics").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(reports.all()).isEmpty();
        assertThat(api.get("/api/runs").statusCode()).isEqualTo(200);
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void postFromAnotherOriginIsForbiddenAndSendsNoCorsHeaders() throws Exception {
        HttpResponse<String> foreign = api.send(api.request("/api/runs").header("Content-Type", "application/json")
                .header("Origin", "http://evil.example.com").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertError(foreign, 403, "cross-origin");
        assertThat(foreign.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        assertThat(reports.all()).isEmpty();

        HttpResponse<String> own = api.send(api.request("/api/runs").header("Content-Type", "application/json")
                .header("Origin", api.base()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        await().atMost(RUN_DONE).until(() -> reports.withTrigger("http").size() == 1);
    }

    /**
     * Waits for the run's report and for the run to let go of its slot: the report is written just
     * before, and a run posted in between is refused with 409 (runs never overlap).
     */
    /**
     * The run's report is on disk and its slot is free: /api/runs/current is 204 as soon as the report
     * is written, a moment before the run ends, and a POST in that moment is 409.
     */
    private void awaitRunDone(String runId) {
        await().atMost(RUN_DONE).until(() -> Files.exists(outputDir().resolve(runId + ".json"))
                && api.get("/api/runs/current").statusCode() == 204
                && !JSON.readTree(api.get("/api/status").body()).get("inFlight").asBoolean());
    }

    private static String runId(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        try {
            return JSON.readTree(accepted.body()).get("runId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

}
