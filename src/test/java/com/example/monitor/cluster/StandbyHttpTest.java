package com.example.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.HeadlessChromium;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.wiring.MonitorWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two replicas in this JVM, each Camel Main as the jar configures it with its own HTTP server on a
 * free port, sharing a file-lock cluster folder, an inbox, an output folder and a real PostgreSQL
 * database: n1 leads, n2 is a standby. The standby sends runs and cancels to the leader (503 with
 * its id), serves the shared history, stays healthy, and its page and status say who leads, until
 * the leader stops and it leads itself.
 */
class StandbyHttpTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Camel Main starting on a busy machine, then the file lock's first heartbeats. */
    private static final Duration ELECTION = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final String LONG_RUN = "{\"startDate\": \"1999-01-01\"}";

    private static ProjectFiles project;

    @TempDir
    Path dir;

    private final List<Main> replicas = new ArrayList<>();
    private ApiClient n1;
    private ApiClient n2;

    @BeforeAll
    static void database() throws Exception {
        String url = POSTGRES.server().createDatabase("standby_http");
        project = new ProjectFiles(Files.createTempDirectory("standby-http-test"))
                .database("standby_http", url)
                // a start date before 2000 sleeps 30 s, so a run stays in flight; any other returns at once
                .query("Start date", "standby_http/start_date.sql", """
                        SELECT :start_date::timestamp AS start_date
                          FROM pg_sleep(CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 30 ELSE 0 END)
                        """);
        project.write();
    }

    @BeforeEach
    void leaderThenStandby() {
        Main leader = replica("n1");
        await().atMost(ELECTION).until(() -> role(leader).isLeader());
        Main standby = replica("n2");
        await().atMost(ELECTION).until(() -> role(standby).leaderId().filter("n1"::equals).isPresent());
        n1 = client(leader);
        n2 = client(standby);
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Main::stop);
    }

    @Test
    void theStandbyRefusesToStartOrCancelRunsNamingTheLeaderWhoseRunGoesOn() throws Exception {
        HttpResponse<String> refused = n2.postJson("/api/runs", LONG_RUN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.valueToTree(Map.of(
                "error", "standby: runs start on the leader", "leader", "n1", "node", "n2")));
        assertThat(role(replicas.get(1)).isLeader()).isFalse();

        HttpResponse<String> accepted = n1.postJson("/api/runs", LONG_RUN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = JSON.readTree(accepted.body()).get("runId").asText();
        assertThat(runId).contains("-n1-");
        await().atMost(RUN).until(() -> POSTGRES.server().activeQueriesOfApplication().stream()
                .anyMatch(query -> query.contains("pg_sleep")));

        HttpResponse<String> cancelRefused = cancel(n2);
        assertThat(cancelRefused.statusCode()).as(cancelRefused.body()).isEqualTo(503);
        assertThat(JSON.readTree(cancelRefused.body())).isEqualTo(JSON.valueToTree(Map.of(
                "error", "standby: runs are cancelled on the leader", "leader", "n1", "node", "n2")));
        HttpResponse<String> stillRunning = n1.get("/api/runs/current");
        assertThat(stillRunning.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stillRunning.body()).get("runId").asText()).isEqualTo(runId);
        assertThat(JSON.readTree(stillRunning.body()).get("status").asText()).isEqualTo("running");
        assertThat(n2.get("/api/runs/current").statusCode()).as("the standby has no run of its own").isEqualTo(204);

        assertThat(cancel(n1).statusCode()).isEqualTo(202);
        Path report = dir.resolve("output").resolve(runId + ".json");
        await().atMost(RUN).until(() -> Files.exists(report));

        HttpResponse<String> history = n2.get("/api/runs");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(history.body())).singleElement().satisfies(run -> {
            assertThat(run.get("runId").asText()).isEqualTo(runId);
            assertThat(run.get("status").asText()).isEqualTo("cancelled");
            assertThat(run.get("node").asText()).isEqualTo("n1");
        });
        HttpResponse<String> served = n2.get("/api/runs/" + runId);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(report));
    }

    @Test
    void bothReplicasAreHealthyAndTheirStatusNamesTheirRoleAndTheLeader() throws Exception {
        for (ApiClient replica : List.of(n1, n2)) {
            for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready")) {
                HttpResponse<String> health = replica.get(path);
                assertThat(health.statusCode()).as(replica.base() + path + ": " + health.body()).isEqualTo(200);
                assertThat(JSON.readTree(health.body()).get("status").asText()).as(path).isEqualTo("UP");
            }
        }
        JsonNode ready = JSON.readTree(n2.get("/observe/health/ready?exposureLevel=full").body());
        assertThat(ready.get("checks")).as("the standby's triggers, waiting on the lead, are checked and UP: %s", ready)
                .filteredOn(check -> List.of("route:scheduled-run", "route:inbox-request", "route:inbox-cancel",
                        "run-deadline").contains(check.get("name").asText()))
                .hasSize(4)
                .allSatisfy(check -> assertThat(check.get("status").asText()).isEqualTo("UP"));

        assertThat(replica(n1)).isEqualTo(JSON.valueToTree(Map.of("role", "leader", "id", "n1", "leader", "n1")));
        assertThat(replica(n2)).isEqualTo(JSON.valueToTree(Map.of("role", "standby", "id", "n2", "leader", "n1")));
    }

    @Test
    void thePagesSayWhoLeadsAndTheStandbysPageFollowsAFailoverWithoutAReload() throws Exception {
        HeadlessChromium.requireInstalled();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(n1.base() + "/");
            await().atMost(RUN).until(() -> text(browser, "replica").equals("replica n1: leader"));
            assertThat(browser.findElement(By.id("run")).isEnabled()).isTrue();

            browser.get(n2.base() + "/");
            await().atMost(RUN).until(() -> text(browser, "replica").equals("replica n2: standby, leader is n1"));
            assertThat(browser.findElement(By.id("run")).isEnabled()).as("runs start on the leader").isFalse();
            assertThat(text(browser, "standby")).isEqualTo(
                    "Runs start and are cancelled on the leader (n1); its page shows the run in flight.");
            browser.executeScript("window.sameDocument = true;");

            replicas.get(0).stop();

            await().atMost(ELECTION).until(() -> text(browser, "replica").equals("replica n2: leader"));
            assertThat(browser.findElement(By.id("run")).isEnabled()).isTrue();
            assertThat(text(browser, "standby")).startsWith("No run in flight.");
            assertThat(browser.executeScript("return window.sameDocument === true;")).as("no reload").isEqualTo(true);
        } finally {
            browser.quit();
        }
        assertThat(replica(n2)).isEqualTo(JSON.valueToTree(Map.of("role", "leader", "id", "n2", "leader", "n2")));
        HttpResponse<String> accepted = n2.postJson("/api/runs", "{\"startDate\": \"2026-10-01\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("runId").asText()).contains("-n2-");
    }

    /** A replica started as the jar starts it; a daily schedule and an inbox, so its triggers wait on the lead. */
    private Main replica(String id) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("monitor.mode", "service");
        properties.put("monitor.databases-file", project.databasesFile().toString());
        properties.put("monitor.output-dir", dir.resolve("output").toString());
        properties.put("monitor.inbox-dir", dir.resolve("inbox").toString());
        properties.put("monitor.schedule", "0 0 6 * * ?");
        properties.put("monitor.query-timeout", "2m");
        properties.put("monitor.http.port", "0");
        properties.put("camel.beans.cluster", "#class:org.apache.camel.component.file.cluster.FileLockClusterService");
        properties.put("camel.beans.cluster.id", id);
        properties.put("camel.beans.cluster.root", dir.resolve("cluster").toString());
        properties.put("camel.beans.cluster.acquireLockInterval", "1");
        properties.put("camel.beans.cluster.heartbeatTimeoutMultiplier", "2");
        Main main = MonitorWiring.main(properties);
        replicas.add(main);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("replica " + id + " did not start", e);
        }
        return main;
    }

    private static ClusterRole role(Main replica) {
        return replica.getCamelContext().getRegistry().lookupByNameAndType(ClusterRole.BEAN, ClusterRole.class);
    }

    private static ApiClient client(Main replica) {
        return new ApiClient(replica.getCamelContext().hasService(VertxPlatformHttpServer.class).getPort(), null);
    }

    private static HttpResponse<String> cancel(ApiClient replica) {
        return replica.send(replica.request("/api/runs/current/cancel").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode replica(ApiClient replica) throws Exception {
        HttpResponse<String> status = replica.get("/api/status");
        assertThat(status.statusCode()).isEqualTo(200);
        return JSON.readTree(status.body()).get("replica");
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
