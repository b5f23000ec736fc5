package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT sent to the packaged jar in a child process while a query runs: a one-shot run
 * is cancelled, writes its partial report and exits 143 or 130; the service cancels its run, writes
 * the report and exits 0 within 10 s. The long query is an H2 scan that runs for minutes unless cancelled.
 */
class SignalsIT {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/client-activity-monitor.jar");
    private static final String RUNNING = "query=\"Long sum\" status=running";
    private static final Duration STARTS_RUNNING = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process process;
    private Path log;

    @BeforeAll
    static void jarIsBuilt() {
        assumeTrue(Files.isRegularFile(JAR), "run 'mvn package' first: " + JAR + " is missing");
    }

    @AfterEach
    void noChildLeftBehind() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermDuringAOneShotRunWritesACancelledReportAndExits143() throws Exception {
        writeSlowProject(dir);
        start("--monitor.start-date=2026-10-01");
        await().atMost(STARTS_RUNNING).until(() -> log().contains(RUNNING));

        Instant signalled = Instant.now();
        long signalledNanos = System.nanoTime();
        process.destroy(); // SIGTERM on Linux

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited; log:%n%s", log()).isTrue();
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalledNanos);
        assertThat(process.exitValue()).as(log()).isEqualTo(143);
        JsonNode report = onlyReport(dir.resolve("output"));
        assertCancelledRun(report, "cli");
        Duration toReport = Duration.between(signalled, Instant.parse(report.get("finishedAt").asText()));
        System.out.printf("SIGTERM (once): report after %d ms, exit after %d ms%n", toReport.toMillis(), toExit.toMillis());
        assertThat(toReport).isLessThan(Duration.ofSeconds(2));
        assertThat(toExit).isLessThan(Duration.ofSeconds(5));
        assertThat(log()).contains("SIGTERM received");
    }

    @Test
    void sigintDuringAOneShotRunWritesACancelledReportAndExits130() throws Exception {
        writeSlowProject(dir);
        start("--monitor.start-date=2026-10-01");
        assumeFalse(ignores(process.pid(), 2), "SIGINT is ignored in this environment (inherited SIG_IGN)");
        await().atMost(STARTS_RUNNING).until(() -> log().contains(RUNNING));

        Instant signalled = Instant.now();
        long signalledNanos = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited; log:%n%s", log()).isTrue();
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalledNanos);
        assertThat(process.exitValue()).as(log()).isEqualTo(130);
        JsonNode report = onlyReport(dir.resolve("output"));
        assertCancelledRun(report, "cli");
        Duration toReport = Duration.between(signalled, Instant.parse(report.get("finishedAt").asText()));
        System.out.printf("SIGINT (once): report after %d ms, exit after %d ms%n", toReport.toMillis(), toExit.toMillis());
        assertThat(toReport).isLessThan(Duration.ofSeconds(2));
        assertThat(toExit).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sigtermDuringAServiceRunWritesItsReportAndExitsCleanlyWithinTenSeconds() throws Exception {
        writeSlowProject(dir);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        start("--monitor.mode=service", "--monitor.inbox-dir=inbox", "--monitor.inbox-read-lock-interval=200ms");
        await().atMost(STARTS_RUNNING).until(() -> log().contains("service started"));
        Path staged = Files.writeString(dir.resolve("request.json"), "{\"startDate\": \"2026-10-01\"}");
        Files.move(staged, inbox.resolve("request.json"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(STARTS_RUNNING).until(() -> log().contains(RUNNING));

        Instant signalled = Instant.now();
        long signalledNanos = System.nanoTime();
        process.destroy(); // SIGTERM on Linux

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s; log:%n%s", log()).isTrue();
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalledNanos);
        assertThat(process.exitValue()).as(log()).isZero();
        JsonNode report = onlyReport(dir.resolve("output"));
        assertCancelledRun(report, "file:request.json");
        Duration toReport = Duration.between(signalled, Instant.parse(report.get("finishedAt").asText()));
        System.out.printf("SIGTERM (service): report after %d ms, exit after %d ms%n", toReport.toMillis(),
                toExit.toMillis());
        assertThat(toReport).isLessThan(Duration.ofSeconds(2));
        assertThat(inbox.resolve(".done/request.json")).as("request moved to .done after its run").exists();
        assertThat(inbox.resolve("request.json")).doesNotExist();
    }

    private static void assertCancelledRun(JsonNode report, String trigger) {
        assertThat(report.get("trigger").asText()).isEqualTo(trigger);
        assertThat(report.get("status").asText()).isEqualTo("cancelled");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        JsonNode queries = report.at("/databases/slow/queries");
        // finished before the signal: kept
        assertThat(queries.at("/Quick count/status").asText()).isEqualTo("completed");
        assertThat(queries.at("/Quick count/rows/0/N").asInt()).isEqualTo(3);
        assertThat(queries.at("/Long sum/status").asText()).isEqualTo("cancelled");
        assertThat(queries.at("/After the sum/status").asText()).isEqualTo("cancelled");
    }

    /** One H2 database in Oracle mode: a quick query, one that runs for minutes, and one after it. */
    private static void writeSlowProject(Path root) throws IOException {
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/quick.sql"),
                "SELECT COUNT(*) AS n FROM SYSTEM_RANGE(1, 3) WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("sql/long.sql"),
                "SELECT SUM(X * RAND()) AS s FROM SYSTEM_RANGE(1, 5000000000) WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("sql/after.sql"), "SELECT 1 AS one FROM DUAL WHERE :start_date IS NOT NULL\n");
        Files.writeString(root.resolve("databases.yaml"), """
                databases:
                  - name: slow
                    url: "jdbc:h2:mem:slow;MODE=Oracle;DB_CLOSE_DELAY=-1"
                    auth: password
                    username: sa
                    password: sa
                    sql_queries:
                      - name: Quick count
                        query_location: sql/quick.sql
                      - name: Long sum
                        query_location: sql/long.sql
                      - name: After the sum
                        query_location: sql/after.sql
                """);
    }

    private void start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        log = dir.resolve("child.log");
        process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Whether the process ignores the signal (SigIgn in /proc), as children of some shells do for SIGINT. */
    private static boolean ignores(long pid, int signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:")).findFirst()
                    .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(signal - 1))
                    .orElse(false);
        }
    }

    private static JsonNode onlyReport(Path output) throws IOException {
        assertThat(output).isDirectory();
        try (Stream<Path> files = Files.list(output)) {
            List<Path> reports = files.toList();
            assertThat(reports).singleElement().satisfies(path -> assertThat(path.toString()).endsWith(".json"));
            return new ObjectMapper().readTree(reports.get(0).toFile());
        }
    }
}
