package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.HttpServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run asked for over HTTP takes its parameters from the checked JSON body and nowhere else: not
 * from query parameters or headers named like the run's own, and every body the parser refuses is a
 * 400 or a 415 naming the problem, never a 500 or a run.
 */
class RunRequestOverHttpTest extends HttpServiceTestSupport {

    private static final String FIXED_START = "2026-09-15T00:00:00";
    private static final Duration RUN_DONE = Duration.ofSeconds(20);

    @Override
    protected String databaseName() {
        return "run_request_http";
    }

    @Override
    protected List<String> moreSettings() {
        return List.of("monitor.start-date", FIXED_START);
    }

    @Test
    void runHeadersAsQueryParametersAreIgnoredAndTheBodyDecides() throws Exception {
        String query = "?monitorStartDate=garbage&monitorLookbackDays=-100000&monitorTrigger=evil"
                + "&monitorRunId=..%2F..%2Fescaped&monitorRunRequest=x";
        JsonNode withBody = runAndReport(api.postJson("/api/runs" + query, "{\"startDate\": \"2026-10-01\"}"));
        assertThat(withBody.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        assertThat(withBody.get("trigger").asText()).isEqualTo("http");

        JsonNode empty = runAndReport(api.postJson("/api/runs" + query, "{}"));
        assertThat(empty.get("startDate").asText()).as("the settings' start date").isEqualTo(FIXED_START);
        assertThat(reports.all()).hasSize(2);
        assertThat(Files.exists(outputDir().getParent().resolve("escaped.json"))).isFalse();
    }

    @Test
    void runHeadersAsRequestHeadersAreIgnoredAndTheBodyDecides() throws Exception {
        HttpRequest.Builder request = api.request("/api/runs").header("Content-Type", "application/json")
                .header("monitorStartDate", "garbage").header("monitorLookbackDays", "-100000")
                .header("monitorTrigger", "evil").header("monitorRunId", "20990101T000000Z-deadbeef");
        JsonNode withBody = runAndReport(api.send(request.copy().POST(HttpRequest.BodyPublishers.ofString("{\"lookbackDays\": 0}"))));
        assertThat(withBody.get("trigger").asText()).isEqualTo("http");
        assertThat(withBody.get("runId").asText()).isNotEqualTo("20990101T000000Z-deadbeef");
        assertThat(withBody.get("startDate").asText()).isNotEqualTo(FIXED_START).endsWith("T00:00:00");

        JsonNode empty = runAndReport(api.send(request.copy().POST(HttpRequest.BodyPublishers.ofString("{}"))));
        assertThat(empty.get("startDate").asText()).isEqualTo(FIXED_START);
    }

    @Test
    void formPostsCurlsDefaultAndOtherJsonTypesAre415() throws Exception {
        assertRefused(post("application/x-www-form-urlencoded", "{}"), 415, "application/json");
        assertRefused(post("application/x-www-form-urlencoded", "monitorStartDate=garbage&startDate=2026-10-01"), 415,
                "application/json");
        assertRefused(post("multipart/form-data; boundary=x", "--x--"), 415, "application/json");
        assertRefused(post("application/json-patch+json", "{}"), 415, "application/json");
        assertRefused(post("application/jsonx", "{}"), 415, "application/json");
        assertRefused(post("text/plain", "{}"), 415, "application/json");
        assertRefused(post("application/json; charset=iso-8859-1", "{}"), 415, "application/json");
        assertRefused(api.send(api.request("/api/runs").POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "application/json");
        assertThat(reports.all()).isEmpty();

        runAndReport(post("application/json; charset=utf-8", "{}"));
        runAndReport(post("Application/JSON;charset=\"UTF-8\"", "{}"));
    }

    @Test
    void bodiesBeyondTheParsersLimitsOrNotUtf8Are400NamingTheLimit() throws Exception {
        assertRefused(api.postJson("/api/runs", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), 400,
                "nested deeper than 16 levels");
        assertRefused(api.postJson("/api/runs", "{\"a\":" + "{\"b\":".repeat(2000)), 400, "nested deeper than 16 levels");
        assertRefused(api.postJson("/api/runs", "[".repeat(2000)), 400, "must be a JSON object");
        assertRefused(api.postJson("/api/runs", "{\"startDate\": \"" + "2".repeat(20_000) + "\"}"), 400,
                "a string longer than 1000 characters");
        assertRefused(api.postJson("/api/runs", "{\"lookbackDays\": " + "9".repeat(5_000) + "}"), 400,
                "a number longer than 20 digits");
        byte[] latin1 = "{\"startDate\": \"2026-10-01\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(api.send(api.request("/api/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))), 400, "not UTF-8: an invalid byte at line 1, column 26");
        assertThat(reports.all()).isEmpty();
    }

    @Test
    void duplicateKeysAndOutOfRangeValuesAre400WithoutQuotingTheBody() throws Exception {
        assertRefused(api.postJson("/api/runs", "{\"startDate\": \"2026-10-01\", \"startDate\": \"1999-01-01\"}"), 400,
                "duplicate key at line 1, column 29");
        assertRefused(api.postJson("/api/runs", "{\"lookbackDays\": 2147483647}"), 400, "from 0 to 36500");
        assertRefused(api.postJson("/api/runs", "{\"lookbackDays\": -100000}"), 400, "from 0 to 36500");
        assertRefused(api.postJson("/api/runs", "{\"startDate\": \"0001-01-01\"}"), 400, "outside the years 1900 to 9999");
        HttpResponse<String> quoted = api.postJson("/api/runs", "{\"<img src=x>\": \"<script>alert(1)</script>\"}");
        assertRefused(quoted, 400, "unknown key at line 1, column 2");
        assertThat(quoted.body()).doesNotContain("script", "img");
        assertThat(reports.all()).isEmpty();
    }

    private HttpResponse<String> post(String contentType, String body) {
        return api.send(api.request("/api/runs").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode runAndReport(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = JSON.readTree(accepted.body()).get("runId").asText();
        await().atMost(RUN_DONE).until(() -> Files.exists(outputDir().resolve(runId + ".json")));
        await().atMost(RUN_DONE).until(() -> api.get("/api/runs/current").statusCode() == 204);
        HttpResponse<String> report = api.get("/api/runs/" + runId);
        assertThat(report.statusCode()).isEqualTo(200);
        return JSON.readTree(report.body());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }
}
