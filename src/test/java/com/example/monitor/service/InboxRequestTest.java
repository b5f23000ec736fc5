package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.testing.InboxServiceTestSupport;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request files dropped in {@code monitor.inbox-dir} of a running service, on real files and a real
 * PostgreSQL: what starts a run, where each file ends up, and what is never taken early.
 */
class InboxRequestTest extends InboxServiceTestSupport {

    private static final Duration REQUEST_DONE = Duration.ofSeconds(15);

    /** The {@code monitor.inbox-read-lock-interval} of one test; 200 ms unless set. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface ReadLockInterval {
        String value();
    }

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return startDateProject(POSTGRES.server(), "inbox");
    }

    @Override
    protected Properties monitorProperties() {
        Properties properties = super.monitorProperties();
        PerTest.annotation(ReadLockInterval.class).ifPresent(
                interval -> properties.setProperty("monitor.inbox-read-lock-interval", interval.value()));
        return properties;
    }

    @Test
    void doneAndErrorFoldersExistBeforeTheFirstRequest() {
        // both inbox consumers move files into .done; made up front, they never race to create it
        assertThat(inbox.done()).isDirectory();
        assertThat(inbox.error()).isDirectory();
        assertThat(inbox.allFiles()).isEmpty();
    }

    @Test
    void requestWithAStartDateRunsWithItAndIsMovedToDoneAfterTheRunWithALinkToItsReport() throws Exception {
        inbox.drop("october.json", "{\"startDate\": \"2026-10-01\"}");

        JsonNode report = awaitReport("file:october.json");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.at("/databases/inbox/queries/Start date/rows/0/start_date").asText())
                .isEqualTo("2026-10-01T00:00:00");
        await().atMost(REQUEST_DONE).until(() -> inbox.doneFiles().contains("october.json"));
        assertThat(inbox.has("october.json")).isFalse();
        assertThat(inbox.allFiles()).containsExactly(".done/october.json", ".done/october.json.report.txt");
        // request -> report, and report -> request
        String runId = report.get("runId").asText();
        assertThat(Files.readString(inbox.archived(inbox.done(), "october.json", ".report.txt")).lines()).containsExactly(
                "runId: " + runId,
                "status: completed",
                "report: " + reports.dir().resolve(runId + ".json").toAbsolutePath());
        assertThat(report.get("requestFile").asText()).isEqualTo("october.json");
    }

    @Test
    void requestWithAStartDateWrittenAsSqlDeveloperShowsItRunsWithThatTime() {
        inbox.drop("six-am.json", "{\"startDate\": \"2026-10-01 06:00:00\"}");

        JsonNode report = awaitReport("file:six-am.json");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-01T06:00:00");
        assertThat(report.at("/databases/inbox/queries/Start date/rows/0/start_date").asText())
                .isEqualTo("2026-10-01T06:00:00");
    }

    @Test
    void requestWhoseTurnComesAfterTheServiceBeganToStopGoesToCancelledNotDone() throws Exception {
        context.getRegistry().lookupByNameAndType(AnalysisRuns.BEAN, AnalysisRuns.class).close();

        inbox.drop("too-late.json", "{}");

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactly(".cancelled/too-late.json", ".cancelled/too-late.json.report.txt"));
        JsonNode report = reports.oneWithTrigger("file:too-late.json").orElseThrow();
        assertThat(report.get("status").asText()).isEqualTo("cancelled");
        assertThat(Files.readString(inbox.archived(inbox.cancelled(), "too-late.json", ".report.txt")))
                .contains("runId: " + report.get("runId").asText()).contains("status: cancelled");
    }

    @Test
    void requestWithLookbackDaysStartsAtMidnightThatManyDaysAgo() {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        inbox.drop("last-week.json", "{\"lookbackDays\": 7}");

        JsonNode report = awaitReport("file:last-week.json");
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertThat(report.get("startDate").asText()).isIn(
                before.minusDays(7).atStartOfDay().toString() + ":00",
                after.minusDays(7).atStartOfDay().toString() + ":00");
        await().atMost(REQUEST_DONE).until(() -> inbox.doneFiles().contains("last-week.json"));
    }

    @Test
    void invalidRequestsGoToErrorWithTheirReasonAndStartNoRun() throws Exception {
        inbox.drop("malformed.json", "{\"startDate\": \"2026-10-01\"");
        inbox.drop("unknown-key.json", "{\"startDate\": \"2026-10-01\", \"colour\": \"red\"}");
        inbox.drop("bad-date.json", "{\"startDate\": \"2026-13-45\"}");

        // waits for the exact set: while a file is being taken, Camel's read-lock marker sits beside it
        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles()).containsExactly(
                ".error/bad-date.json", ".error/bad-date.json.reason.txt",
                ".error/malformed.json", ".error/malformed.json.reason.txt",
                ".error/unknown-key.json", ".error/unknown-key.json.reason.txt"));
        assertThat(reason("malformed.json")).contains("malformed JSON");
        assertThat(reason("unknown-key.json")).contains("unknown key at line 1, column 2").doesNotContain("colour");
        assertThat(reason("bad-date.json")).contains("startDate at line 1, column 15 is not a date").doesNotContain("2026-13-45");
        // moved, not rewritten: the user can fix the file and drop it again
        assertThat(Files.readString(inbox.archived(inbox.error(), "bad-date.json", ""))).isEqualTo("{\"startDate\": \"2026-13-45\"}");
        // a file is moved only after its route is done, so a run it had started would have its report by now
        assertThat(reports.all()).isEmpty();
    }

    @Test
    @ReadLockInterval("1s")
    void halfWrittenRequestIsNotTakenWhileItKeepsChanging() throws Exception {
        Path slow = inbox.dir().resolve("slow.json");
        Files.writeString(slow, "{\"startDate\": ");
        // a change every 50 ms: far inside the 1 s the file must stay unchanged before it is taken
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            writer.scheduleWithFixedDelay(() -> append(slow, " "), 0, 50, TimeUnit.MILLISECONDS);
            // the consumer has found the file: Camel's read-lock marker sits beside it while it waits
            await().atMost(REQUEST_DONE).until(() -> Files.exists(inbox.dir().resolve("slow.json.camelLock")));

            // several read-lock intervals later it still waits: not taken, not moved aside, no run
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                    inbox.has("slow.json") && reports.withTrigger("file:slow.json").isEmpty()
                            && inbox.runIdsOf(inbox.error(), "slow.json").isEmpty());
        } finally {
            writer.shutdownNow();
            assertThat(writer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        append(slow, "\"2026-10-02\"}");

        JsonNode report = awaitReport("file:slow.json");
        assertThat(report.get("startDate").asText()).isEqualTo("2026-10-02T00:00:00");
        await().atMost(REQUEST_DONE).until(() -> inbox.doneFiles().contains("slow.json"));
        assertThat(inbox.allFiles()).containsExactly(".done/slow.json", ".done/slow.json.report.txt");
    }

    @Test
    void twoRequestsDroppedTogetherRunOneAfterTheOtherInArrivalOrder() {
        Instant now = Instant.now();
        // names sort the other way round, so only the arrival order can put "b-first" first
        inbox.drop("b-first.json", "{\"startDate\": \"2026-09-01\"}", now.minusMillis(1000));
        inbox.drop("a-second.json", "{\"startDate\": \"2026-09-02\"}", now.minusMillis(500));

        JsonNode second = awaitReport("file:a-second.json");
        JsonNode first = awaitReport("file:b-first.json");
        assertThat(reports.all()).as("reports by start time")
                .extracting(report -> report.get("trigger").asText())
                .containsExactly("file:b-first.json", "file:a-second.json");
        assertThat(first.get("startDate").asText()).isEqualTo("2026-09-01T00:00:00");
        assertThat(second.get("startDate").asText()).isEqualTo("2026-09-02T00:00:00");
        assertThat(ReportFiles.startedAt(second)).isAfterOrEqualTo(ReportFiles.finishedAt(first));
        assertThat(first.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(500);
        await().atMost(REQUEST_DONE).until(() -> inbox.doneFiles().containsAll(List.of("a-second.json", "b-first.json")));
        assertThat(inbox.allFiles()).containsExactly(".done/a-second.json", ".done/a-second.json.report.txt",
                ".done/b-first.json", ".done/b-first.json.report.txt");
    }

    private JsonNode awaitReport(String trigger) {
        await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger(trigger).isPresent());
        return reports.oneWithTrigger(trigger).orElseThrow();
    }

    private String reason(String name) throws Exception {
        return Files.readString(inbox.archived(inbox.error(), name, ".reason.txt"), StandardCharsets.UTF_8);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
