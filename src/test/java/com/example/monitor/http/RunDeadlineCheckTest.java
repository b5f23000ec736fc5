package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.FinishedRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The liveness and readiness check of the application: DOWN only for a run past its deadline. */
class RunDeadlineCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration DEADLINE = Duration.ofMinutes(40);

    private final AnalysisRuns runs = new AnalysisRuns(new StatementTracker());
    private final RunDeadlineCheck check = new RunDeadlineCheck(runs, DEADLINE, Clock.fixed(NOW, ZoneOffset.UTC));

    RunDeadlineCheckTest() {
        check.setCamelContext(new DefaultCamelContext());
    }

    @Test
    void upWhenNoRunIsInFlight() {
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.isLiveness()).isTrue();
        assertThat(check.isReadiness()).isTrue();
    }

    @Test
    void upWhileARunIsWithinItsDeadline() throws Exception {
        AnalysisRun run = FinishedRuns.begin(runs, NOW.minus(DEADLINE).plusSeconds(1));

        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        FinishedRuns.end(runs, run);
    }

    @Test
    void downOnceTheRunInFlightHasOutlivedItsDeadline() throws Exception {
        AnalysisRun run = FinishedRuns.begin(runs, NOW.minus(DEADLINE).minusSeconds(1));

        HealthCheck.Result result = check.call(Map.of());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains(run.runId()).contains("past its deadline of 2400 s"));
        FinishedRuns.end(runs, run);
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
    }
}
