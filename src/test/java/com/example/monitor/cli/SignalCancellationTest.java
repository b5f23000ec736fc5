package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * A real SIGHUP raised in this JVM (handled as SIGTERM, and harmless to the test JVM once our handler
 * holds it) before and after the runs are attached: a signal during start-up is kept, not lost to
 * Camel's shutdown hook, and cancels the runs the moment they are attached.
 */
class SignalCancellationTest {

    private final StatementTracker statements = new StatementTracker();
    private final AnalysisRuns runs = new AnalysisRuns(statements);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopTracker() {
        statements.stop();
    }

    @Test
    void aSignalBeforeTheRunsAreAttachedIsKeptAndCancelsThemOnceAttached() throws Exception {
        SignalCancellation signals = SignalCancellation.install(new PrintStream(err, true, StandardCharsets.UTF_8));

        Signal.raise(new Signal("HUP"));
        await().atMost(Duration.ofSeconds(5)).until(signals::signalled);
        assertThat(signals.received()).isEqualTo("SIGHUP");
        assertThat(signals.exitCodeOr(ExitCodes.COMPLETED)).isEqualTo(ExitCodes.CANCELLED_BY_SIGTERM);

        signals.attach(runs);

        AnalysisRun next = runs.begin(() -> run("after-start"));
        assertThat(next.isCancelled()).as("a run begun after a start-up signal does no real work").isTrue();
        runs.end(next);
        signals.awaitSignal();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aSignalAfterTheRunsAreAttachedCancelsTheRunInFlight() throws Exception {
        SignalCancellation signals = SignalCancellation.install(new PrintStream(err, true, StandardCharsets.UTF_8));
        signals.attach(runs);
        AnalysisRun inFlight = runs.begin(() -> run("in-flight"));

        Signal.raise(new Signal("HUP"));

        await().atMost(Duration.ofSeconds(5)).until(inFlight::isCancelled);
        assertThat(signals.exitCodeOr(ExitCodes.COMPLETED)).isEqualTo(ExitCodes.CANCELLED_BY_SIGTERM);
        runs.end(inFlight);
    }

    @Test
    void withoutASignalTheFallbackCodeStands() {
        SignalCancellation signals = SignalCancellation.install(new PrintStream(err, true, StandardCharsets.UTF_8));
        signals.attach(runs);

        assertThat(signals.signalled()).isFalse();
        assertThat(signals.received()).isNull();
        assertThat(signals.exitCodeOr(ExitCodes.FINISHED_WITH_FAILURES)).isEqualTo(ExitCodes.FINISHED_WITH_FAILURES);
    }

    private static AnalysisRun run(String id) {
        return new AnalysisRun(id, null, "cli", null, LocalDateTime.parse("2026-10-01T00:00:00"), Instant.now(), List.of());
    }
}
