package com.example.monitor.extension;

import static com.example.monitor.testing.MonitorProcess.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.H2DemoProject;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several teams' routes in ./routes of the working folder, loaded by the packaged jar as users run
 * it: each gets every run, a failing one is one WARN line, and a one-shot run exits only once they
 * are done (or after monitor.extension-timeout).
 */
@PackagedJar
class TeamRoutesIT {

    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}T\\d{6}Z-[0-9a-f]{8}) ");

    @TempDir
    Path dir;

    @Test
    void everyGoodTeamRouteGetsEveryRunBesideAFailingOneAndTheShippedExample() throws Exception {
        H2DemoProject.write(dir, "team_it");
        teamRoute("team-a", "", "team-a");
        // slow: the one-shot run must still wait for it before exiting
        teamRoute("team-b", """
                        - delay:
                            expression:
                              constant:
                                expression: "1500"
                """, "team-b");
        Files.writeString(dir.resolve("routes/team-c.camel.yaml"), """
                - route:
                    id: team-c
                    from:
                      uri: seda:analysis-completed?multipleConsumers=true
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: team c is broken
                """);
        Files.writeString(dir.resolve("routes/team-progress.camel.yaml"), """
                - route:
                    id: team-progress
                    from:
                      uri: seda:analysis-progress?multipleConsumers=true
                      steps:
                        - setBody:
                            simple:
                              expression: "${body.status()},"
                        - to:
                            uri: file:team-progress
                            parameters:
                              fileName: "${header.monitorRunId}.txt"
                              fileExist: Append
                """);
        Files.writeString(dir.resolve("routes/team-progress-broken.camel.yaml"), """
                - route:
                    id: team-progress-broken
                    from:
                      uri: seda:analysis-progress?multipleConsumers=true
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalArgumentException
                            message: progress route is broken
                """);
        Files.copy(PROJECT.resolve("routes/examples/clients-in-every-query.camel.yaml"),
                dir.resolve("routes/clients-in-every-query.camel.yaml"));

        List<String> runIds = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

            // the failing team route changes nothing about the run's outcome
            assertThat(result.exit()).as(result.log()).isZero();
            String runId = runId(result.log());
            runIds.add(runId);
            // the outputs exist when the process has exited: nothing is awaited here
            assertThat(dir.resolve("team-a/" + runId + ".txt")).hasContent(runId);
            assertThat(dir.resolve("team-b/" + runId + ".txt")).hasContent(runId);
            assertThat(dir.resolve("team-progress/" + runId + ".txt")).hasContent("connecting,running,completed,completed,");
            JsonNode clients = new ObjectMapper().readTree(dir.resolve("output/" + runId + "-clients.json").toFile());
            assertThat(clients.get("runId").asText()).isEqualTo(runId);
            // one WARN line naming the route and the message, and no stack trace
            assertThat(result.log().lines().filter(line -> line.contains("team c is broken")))
                    .singleElement().asString()
                    .contains("WARN  route.team-c failed on run " + runId)
                    .contains("IllegalStateException: team c is broken");
            // a failing progress route: one WARN line per event it failed on, beside the working one
            assertThat(result.log().lines().filter(line -> line.contains("progress route is broken")))
                    .hasSize(4).allSatisfy(line -> assertThat(line).contains("WARN  route.team-progress-broken failed on run "
                            + runId + ": IllegalArgumentException: progress route is broken"));
            assertThat(result.log()).doesNotContain("\tat ").doesNotContain("Exception in").doesNotContain("ERROR");
            // log steps of routes print at INFO and name the route
            assertThat(result.log()).contains("INFO  route.example-clients-in-every-query wrote ");
        }
        assertThat(runIds).doesNotHaveDuplicates();
        for (String team : List.of("team-a", "team-b")) {
            try (Stream<Path> files = Files.list(dir.resolve(team))) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder(runIds.get(0) + ".txt", runIds.get(1) + ".txt");
            }
        }
    }

    @Test
    void aOneShotRunExitsAfterTheExtensionTimeoutAndNamesTheTeamRouteThatDidNotFinish() throws Exception {
        H2DemoProject.write(dir, "team_it");
        teamRoute("team-quick", "", "team-quick");
        teamRoute("team-stuck", """
                        - delay:
                            expression:
                              constant:
                                expression: "600000"
                """, "team-stuck");

        Result result = MonitorProcess.jar().in(dir)
                .args("--monitor.start-date=2020-01-01", "--monitor.extension-timeout=3s").run(Duration.ofSeconds(90));

        assertThat(result.exit()).as(result.log()).isZero();
        String runId = runId(result.log());
        assertThat(dir.resolve("team-quick/" + runId + ".txt")).hasContent(runId);
        assertThat(dir.resolve("team-stuck")).doesNotExist();
        assertThat(result.log()).contains("WARN  MonitorLauncher team routes [team-stuck] had not finished after"
                + " monitor.extension-timeout (PT3S)");
    }

    @Test
    void subscribersWithOtherOptionsOrTheOldDirectEndpointAreRefusedAtStartUpWithExitTwo() throws Exception {
        H2DemoProject.write(dir, "team_it");
        teamRoute("team-a", "", "team-a");
        subscriber("team-odd", "seda:analysis-completed?multipleConsumers=true&concurrentConsumers=2");
        subscriber("team-plain", "seda:analysis-progress");
        subscriber("team-old", "direct:analysis-completed");

        Result result = MonitorProcess.jar().in(dir).args("--monitor.start-date=2020-01-01").run();

        assertThat(result.exit()).as(result.log()).isEqualTo(2);
        assertThat(result.log().lines().filter(line -> line.startsWith("error: "))).containsExactlyInAnyOrder(
                "error: route 'team-odd': subscribe with exactly 'from: seda:analysis-completed?multipleConsumers=true'"
                        + " (it has seda://analysis-completed?concurrentConsumers=2&multipleConsumers=true), so that"
                        + " every team route gets every message",
                "error: route 'team-old': subscribe with exactly 'from: seda:analysis-completed?multipleConsumers=true'"
                        + " (it has direct://analysis-completed), so that every team route gets every message",
                "error: route 'team-plain': subscribe with exactly 'from: seda:analysis-progress?multipleConsumers=true'"
                        + " (it has seda://analysis-progress), so that every team route gets every message");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    private void subscriber(String id, String uri) throws IOException {
        Files.writeString(dir.resolve("routes/" + id + ".camel.yaml"), """
                - route:
                    id: %s
                    from:
                      uri: "%s"
                      steps:
                        - log: "never"
                """.formatted(id, uri));
    }

    /** A team route writing the runId to {@code <folder>/<runId>.txt}, after the given extra steps. */
    private void teamRoute(String id, String steps, String folder) throws IOException {
        Files.createDirectories(dir.resolve("routes"));
        Files.writeString(dir.resolve("routes/" + id + ".camel.yaml"), """
                - route:
                    id: %s
                    from:
                      uri: seda:analysis-completed
                      parameters:
                        multipleConsumers: true
                      steps:
                %s
                        - setBody:
                            simple:
                              expression: "${header.monitorRunId}"
                        - to:
                            uri: file:%s
                            parameters:
                              fileName: "${header.monitorRunId}.txt"
                """.formatted(id, steps.stripTrailing(), folder));
    }

    private static String runId(String log) {
        Matcher matcher = RUN_ID.matcher(log);
        assertThat(matcher.find()).as("a run line in%n%s", log).isTrue();
        return matcher.group(1);
    }
}
