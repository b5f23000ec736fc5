package com.example.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.jdbc.StatementTracker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One run at a time, whatever starts it; and a stopping service never begins real work. */
class AnalysisRunsTest {

    private final StatementTracker statements = new StatementTracker();
    private final AnalysisRuns runs = new AnalysisRuns(statements);

    @AfterEach
    void stopTracker() {
        statements.stop();
    }

    @Test
    void secondRunWaitsUntilTheFirstEnds() throws Exception {
        AnalysisRun first = runs.begin(() -> run("first"));
        CompletableFuture<AnalysisRun> second = CompletableFuture.supplyAsync(this::beginSecond);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        runs.end(first);

        AnalysisRun started = second.get(5, TimeUnit.SECONDS);
        assertThat(started.runId()).isEqualTo("second");
        assertThat(started.isCancelled()).isFalse();
        assertThat(runs.current()).isSameAs(started);
    }

    @Test
    void closingCancelsTheRunInFlightAndTheWaitingOneStartsCancelled() throws Exception {
        AnalysisRun first = runs.begin(() -> run("first"));
        CompletableFuture<AnalysisRun> second = CompletableFuture.supplyAsync(this::beginSecond);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());

        runs.close();
        assertThat(first.isCancelled()).isTrue();
        runs.end(first);

        AnalysisRun waiting = second.get(5, TimeUnit.SECONDS);
        assertThat(waiting.isCancelled()).isTrue();
        assertThat(statements.isCancelled()).isTrue();
        runs.end(waiting);
        assertThat(runs.awaitIdle(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void cancelWithNoRunInFlightChangesNothing() throws Exception {
        assertThat(runs.cancel()).isNull();

        AnalysisRun next = runs.begin(() -> run("next"));

        assertThat(next.isCancelled()).isFalse();
        assertThat(statements.isCancelled()).isFalse();
    }

    private AnalysisRun beginSecond() {
        try {
            return runs.begin(() -> run("second"));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AnalysisRun run(String id) {
        return new AnalysisRun(id, null, "cli", null, LocalDateTime.parse("2026-10-01T00:00:00"), Instant.now(), List.of());
    }
}
