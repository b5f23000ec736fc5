package com.example.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.Inbox;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged jar, each a child process, sharing a file-lock cluster folder, an
 * inbox, an output folder and two embedded PostgreSQL databases: only the leader runs the schedule
 * and the inbox, a standby takes over when the leader is killed, a request the dead leader was
 * running is run again by the new one, and a standby comes and goes without disturbing the leader.
 */
@PackagedJar
@Tag("slow")
class ReplicasIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** Two JVMs starting at once on a busy machine. */
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /**
     * The documented bound: a standby calls the leader dead after {@code heartbeatTimeoutMultiplier}
     * silent heartbeats and takes the lock at its next one, plus a margin for a busy machine.
     */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(
            (long) Replica.LOCK_INTERVAL_SECONDS * (Replica.HEARTBEAT_TIMEOUT_MULTIPLIER + 1) + 4);
    private static final double RUN_PACE_SECONDS = 0.3;

    @TempDir
    Path dir;

    private final List<Replica> replicas = new ArrayList<>();
    private Path clusterRoot;
    private Path databasesFile;
    private Inbox inbox;
    private ReportFiles reports;

    @BeforeAll
    static void jarAndDatabases() throws Exception {
        for (String database : List.of("replica_a", "replica_b")) {
            POSTGRES.server().createDatabase(database, "CREATE TABLE pace (seconds float8 NOT NULL)",
                    "INSERT INTO pace VALUES (" + RUN_PACE_SECONDS + ")");
        }
    }

    @BeforeEach
    void sharedFolders() throws Exception {
        for (String database : List.of("replica_a", "replica_b")) {
            pace(database, RUN_PACE_SECONDS);
        }
        clusterRoot = dir.resolve("cluster");
        inbox = new Inbox(dir.resolve("inbox"));
        reports = new ReportFiles(dir.resolve("output"));
        // every run takes a measurable time on the server, so that two overlapping runs would show
        ProjectFiles project = new ProjectFiles(dir.resolve("project"));
        for (String database : List.of("replica_a", "replica_b")) {
            project.database(database, POSTGRES.server().url(database))
                    .query("Pace", database + "/pace.sql", "SELECT seconds, pg_sleep(seconds) AS slept FROM pace");
        }
        databasesFile = project.write().databasesFile();
    }

    @AfterEach
    void everyReplicaIsStopped() {
        for (Replica replica : replicas) {
            replica.close();
        }
    }

    @Test
    void eachScheduledRunAndEachRequestIsTakenByExactlyOneReplicaAndRunsNeverOverlap() {
        List<String> shared = shared("--monitor.schedule=2s", "--monitor.inbox-dir=" + inbox.dir(),
                "--monitor.inbox-read-lock-interval=200ms");
        Replica n1 = replica("n1", shared).start();
        Replica n2 = replica("n2", shared).start();
        await().atMost(STARTUP).until(() -> n1.leads() || n2.leads());
        Replica leader = n1.leads() ? n1 : n2;
        Replica standby = leader == n1 ? n2 : n1;
        await().atMost(STARTUP).until(standby::isStandby);

        List<String> requests = IntStream.range(0, 10).mapToObj(i -> "request-" + i + ".json").toList();
        for (int i = 0; i < requests.size(); i++) {
            inbox.drop(requests.get(i), "{\"lookbackDays\": " + (i + 1) + "}");
        }
        // a 2 s schedule over about 20 s, with the ten requests in between
        await().atMost(Duration.ofSeconds(120)).until(() -> reports.withTrigger("schedule").size() >= 8
                && requests.stream().allMatch(name -> reports.oneWithTrigger("file:" + name).isPresent()));

        List<JsonNode> all = reports.all();
        assertThat(all).as("every run on the leader %s", leader.id())
                .allSatisfy(report -> assertThat(report.get("node").asText()).isEqualTo(leader.id()));
        assertThat(all).allSatisfy(report -> assertThat(report.get("status").asText()).isEqualTo("completed"));
        assertThat(requests).as("each request ran with its own lookback")
                .extracting(name -> reports.oneWithTrigger("file:" + name).orElseThrow().get("startDate").asText())
                .doesNotHaveDuplicates();
        // each request beside the link to its run's report
        assertThat(inbox.doneFiles()).containsExactlyInAnyOrderElementsOf(requests.stream()
                .flatMap(name -> Stream.of(name, name + ".report.txt")).toList());
        assertThat(inbox.allFiles()).as("nothing left in the inbox, no in-progress marker")
                .allSatisfy(file -> assertThat(file).startsWith(".done/"));
        assertNoOverlap(all);
        assertThat(standby.log()).as("the standby ran nothing").doesNotContain("status=running")
                .doesNotContain("is now the leader");
        assertThat(all).extracting(report -> report.get("runId").asText())
                .allSatisfy(runId -> assertThat(runId).contains("-" + leader.id() + "-"))
                .doesNotHaveDuplicates();
    }

    @Test
    void whenTheLeaderIsKilledTheStandbyLeadsWithinTheBoundAndAReturningOrStoppingStandbyChangesNothing()
            throws Exception {
        List<String> shared = shared("--monitor.schedule=2s");
        Replica n1 = replica("n1", shared).start();
        await().atMost(STARTUP).until(n1::leads);
        Replica n2 = replica("n2", shared).start();
        await().atMost(STARTUP).until(n2::isServing);
        await().atMost(STARTUP).until(() -> scheduledRunsOf("n1", Instant.EPOCH) >= 1);

        Instant killed = Instant.now();
        long killedNanos = System.nanoTime();
        n1.kill9();
        await().atMost(FAILOVER_BOUND).until(n2::leads);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedNanos);
        System.out.printf("kill -9 of the leader: the standby led after %d ms (bound %d ms)%n",
                takeover.toMillis(), FAILOVER_BOUND.toMillis());
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRunsOf("n2", killed) >= 1);

        n1.start();
        await().atMost(STARTUP).until(n1::isServing);
        Instant rejoined = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRunsOf("n2", rejoined) >= 2);
        assertThat(n1.leads()).as("the returning replica stays standby").isFalse();
        assertThat(scheduledRunsOf("n1", killed)).as("no run on the returning replica").isZero();

        assertThat(n1.terminate()).as("a standby stops cleanly").isZero();
        Instant standbyGone = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRunsOf("n2", standbyGone) >= 1);
        assertThat(n2.log()).as("the leader never lost the lead").doesNotContain("standby again");
        assertThat(reports.all()).allSatisfy(report -> assertThat(report.get("status").asText()).isEqualTo("completed"));
        assertNoOverlap(reports.all());
    }

    @Test
    void aRequestInFlightWhenTheLeaderIsKilledStaysClaimedAndTheNewLeaderRunsItAgain() throws Exception {
        List<Replica> nodes = leaderRunningARequest("in-flight.json");
        Replica n1 = nodes.get(0);
        Replica n2 = nodes.get(1);
        n1.kill9();

        assertThat(inbox.runIdsOf(inbox.inProgress(), "in-flight.json")).as("the request stays claimed by n1")
                .singleElement().asString().contains("Z-n1-");
        assertThat(inbox.has("in-flight.json.camelLock")).as("with Camel's in-progress marker").isTrue();
        pace("replica_a", RUN_PACE_SECONDS);
        await().atMost(FAILOVER_BOUND).until(n2::leads);
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.oneWithTrigger("file:in-flight.json").isPresent());

        JsonNode report = reports.oneWithTrigger("file:in-flight.json").orElseThrow();
        assertThat(report.get("node").asText()).isEqualTo("n2");
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(n2.log()).contains("Deleting orphaned lock file")
                .contains("moved back into the inbox to run again: in-flight.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.doneFiles().contains("in-flight.json"));
        assertThat(inbox.allFiles()).containsExactly(".done/in-flight.json", ".done/in-flight.json.report.txt");
    }

    @Test
    void aCancelFileDroppedInTheSharedInboxCancelsTheLeadersRunNotAStandbysNothing() throws Exception {
        List<Replica> nodes = leaderRunningARequest("long.json");
        Replica n1 = nodes.get(0);
        Replica n2 = nodes.get(1);
        inbox.drop("cancel", "");

        await().atMost(Duration.ofSeconds(30)).until(() -> reports.oneWithTrigger("file:long.json").isPresent());
        JsonNode report = reports.oneWithTrigger("file:long.json").orElseThrow();
        assertThat(report.get("node").asText()).isEqualTo("n1");
        assertThat(report.get("status").asText()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.doneFiles().size() == 3);
        assertThat(inbox.doneFiles()).contains("long.json", "cancel");
        assertThat(Files.readString(inbox.archived(inbox.done(), "cancel", "")))
                .isEqualTo("cancelled run: " + report.get("runId").asText() + System.lineSeparator());
        assertThat(n2.log()).as("the standby saw neither file").doesNotContain("status=").doesNotContain("cancel");
    }

    /**
     * n1 leading and n2 standing by on a shared inbox, and n1 running the request dropped in it, whose query
     * is paced to take minutes: a run in flight on the leader.
     */
    private List<Replica> leaderRunningARequest(String request) throws Exception {
        List<String> shared = shared("--monitor.inbox-dir=" + inbox.dir(), "--monitor.inbox-read-lock-interval=200ms");
        Replica n1 = replica("n1", shared).start();
        await().atMost(STARTUP).until(n1::leads);
        Replica n2 = replica("n2", shared).start();
        await().atMost(STARTUP).until(n2::isServing);

        pace("replica_a", 600);
        inbox.drop(request, "{}");
        await().atMost(STARTUP).until(() -> n1.log().contains("database=replica_a query=\"Pace\" status=running"));
        return List.of(n1, n2);
    }

    private List<String> shared(String... more) {
        return Replica.sharedArguments(clusterRoot, databasesFile, reports.dir(), more);
    }

    private Replica replica(String id, List<String> arguments) {
        Replica replica = new Replica(id, dir.resolve(id), arguments);
        replicas.add(replica);
        return replica;
    }

    private long scheduledRunsOf(String node, Instant startedAfter) {
        return reports.withTrigger("schedule").stream()
                .filter(report -> report.get("node").asText().equals(node))
                .filter(report -> ReportFiles.startedAt(report).isAfter(startedAfter))
                .count();
    }

    /** Sorted by start, each run starts after the one before it has finished. */
    private static void assertNoOverlap(List<JsonNode> reports) {
        for (int i = 1; i < reports.size(); i++) {
            JsonNode before = reports.get(i - 1);
            JsonNode after = reports.get(i);
            assertThat(ReportFiles.startedAt(after)).as("%s starts after %s ends", after.get("runId"), before.get("runId"))
                    .isAfterOrEqualTo(ReportFiles.finishedAt(before));
        }
    }

    private static void pace(String database, double seconds) throws Exception {
        POSTGRES.server().execute(database, "UPDATE pace SET seconds = " + seconds);
    }
}
