package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.HttpServiceTestSupport;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The curl examples of docs/operating.md (section "HTTP API"), each line run as it is written, by bash and the
 * real curl, against the real server: only the port and the example run id are the test's.
 */
class DocsCurlExamplesTest extends HttpServiceTestSupport {

    private static final String TOKEN = "docs-curl-token";
    private static final String EXAMPLE_RUN_ID = "20261128T191500Z-9acc8c32";
    private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"([^\"]+)\"");

    private Path workingDir;

    @Override
    protected String databaseName() {
        return "docs_curl";
    }

    /** The run the examples start stays in flight until they cancel it. */
    @Override
    protected String querySql() {
        return "SELECT :start_date::timestamp AS start_date FROM pg_sleep(30)\n";
    }

    @Override
    protected String token() {
        return TOKEN;
    }

    @Override
    protected List<String> moreSettings() {
        return List.of("monitor.query-timeout", "2m");
    }

    @BeforeEach
    void curlWorkingDir() throws IOException {
        workingDir = Files.createDirectories(PerTest.folder().resolve("curl"));
    }

    @Test
    void everyCurlLineOfTheHttpApiSectionSucceedsAsWritten() throws Exception {
        List<String> block = examples();
        String tokenLine = block.get(0);
        assertThat(tokenLine).startsWith("T=");
        List<String> curls = block.subList(1, block.size());
        assertThat(curls).isNotEmpty().allMatch(line -> line.startsWith("curl --fail-with-body "))
                .allMatch(line -> line.matches(".* '[^']*http://localhost:8080/[^']*'.*"), "a quoted URL");

        String runId = null;
        for (String line : curls) {
            if (line.contains("/cancel")) {
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/runs/current").statusCode() == 200);
            }
            if (line.contains(EXAMPLE_RUN_ID)) {
                String id = runId;
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outputDir().resolve(id + ".json")));
            }
            String command = line.replace("localhost:8080", "localhost:" + api.port())
                    .replace(EXAMPLE_RUN_ID, runId == null ? EXAMPLE_RUN_ID : runId);
            Outcome outcome = bash(tokenLine + "\n" + command);
            assertThat(outcome.exit()).as(line + "\n" + outcome.output()).isZero();
            Matcher started = RUN_ID.matcher(outcome.output());
            if (line.contains("-d ") && started.find()) {
                runId = started.group(1);
            }
        }
        assertThat(runId).as("the POST example started a run").isNotNull();
        assertThat(Files.readString(workingDir.resolve("report.json")))
                .isEqualTo(Files.readString(outputDir().resolve(runId + ".json")));
        assertThat(JSON.readTree(workingDir.resolve("report.json").toFile()).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void failWithBodyExitsNonZeroAndStillShowsTheJsonError() throws Exception {
        Outcome refused = bash("curl --fail-with-body -sS 'http://localhost:" + api.port() + "/api/runs?limit=5'");

        assertThat(refused.exit()).isEqualTo(22);
        assertThat(refused.output()).contains("{\"error\":").contains("Authorization");
    }

    /** The code block of the "HTTP API" section that starts with the token line. */
    private static List<String> examples() {
        List<String> lines = Docs.page("operating.md").lines();
        int section = lines.indexOf("## HTTP API");
        assertThat(section).isNotNegative();
        int start = section;
        while (!lines.get(start).startsWith("T=\"Authorization")) {
            start++;
        }
        return lines.subList(start, lines.size()).stream().takeWhile(line -> !line.equals("```")).toList();
    }

    private Outcome bash(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(workingDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("MONITOR_HTTP_TOKEN", TOKEN);
        Process process = builder.start();
        process.getOutputStream().close();
        // read to the end first: the metrics are more than a pipe holds
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 30 s: " + script);
        }
        return new Outcome(process.exitValue(), output);
    }

    private record Outcome(int exit, String output) {
    }
}
