package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.FinishedRuns;
import com.example.monitor.testing.PrometheusText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run counters and database states of {@link RunMetrics}, on Micrometer's Prometheus registry. */
class RunMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AnalysisRuns runs = new AnalysisRuns(new StatementTracker());
    @TempDir
    Path output;
    private RunHistory history;

    @BeforeEach
    void noReports() {
        history = new RunHistory(output);
    }

    @Test
    void aTriggerNoSettingNamesIsAtZeroWhileItsFirstRunIsInFlight() throws Exception {
        runs.addListener(new RunMetrics(registry, runs, List.of("http"), List.of("crm"), history));
        assertThat(scrape().value("monitor_runs_total", "trigger", "schedule", "status", "partial")).isEmpty();

        AnalysisRun run = FinishedRuns.begin(runs, Instant.now());

        assertThat(scrape().value("monitor_runs_total", "trigger", "schedule", "status", "partial")).hasValue(0.0);
        assertThat(scrape().value("monitor_runs_total", "trigger", "schedule", "status", "cancelled")).hasValue(0.0);
        run.cancel();
        FinishedRuns.end(runs, run);
        assertThat(scrape().value("monitor_runs_total", "trigger", "schedule", "status", "cancelled")).hasValue(1.0);
    }

    @Test
    void aRunThatNeverReachedADatabaseLeavesItsStateAndLastSuccessAsTheyWere() throws Exception {
        RunMetrics metrics = new RunMetrics(registry, runs, List.of("http"), List.of("crm"), history);
        runs.addListener(metrics);
        AnalysisRun completed = FinishedRuns.completed("crm", "Q");
        metrics.runEnded(completed);
        assertThat(scrape().value("monitor_database_status", "database", "crm", "status", "completed")).hasValue(1.0);

        AnalysisRun neverStarted = FinishedRuns.begin(runs, Instant.now());
        neverStarted.cancel();
        FinishedRuns.end(runs, neverStarted);

        assertThat(neverStarted.database("crm").status().label()).isEqualTo("pending");
        assertThat(scrape().value("monitor_database_status", "database", "crm", "status", "completed")).hasValue(1.0);
        assertThat(scrape().value("monitor_database_status", "database", "crm", "status", "cancelled")).hasValue(0.0);
        assertThat(scrape().value("monitor_database_last_success_timestamp_seconds", "database", "crm"))
                .hasValue((double) completed.finishedAt().getEpochSecond());
    }

    @Test
    void theSeedReadsNoFurtherThanTheReportsThatSettleEveryDatabase() {
        RunMetrics metrics = new RunMetrics(registry, runs, List.of("http"), List.of("crm", "billing"), history);
        Instant success = Instant.parse("2026-11-27T06:00:02Z");
        List<RecordedRun> newestFirst = List.of(
                new RecordedRun("20261129T060000Z-n1-00000003", Instant.parse("2026-11-29T06:00:00Z"),
                        Instant.parse("2026-11-29T06:00:02Z"),
                        Map.of("crm", DatabaseState.FAILED, "retired", DatabaseState.COMPLETED)),
                new RecordedRun("20261128T060000Z-00000002", Instant.parse("2026-11-28T06:00:00Z"),
                        Instant.parse("2026-11-28T06:00:02Z"),
                        Map.of("crm", DatabaseState.PARTIAL, "billing", DatabaseState.PARTIAL)),
                new RecordedRun("20261127T060000Z-00000001", Instant.parse("2026-11-27T06:00:00Z"), success,
                        Map.of("crm", DatabaseState.COMPLETED, "billing", DatabaseState.COMPLETED)));
        AtomicInteger read = new AtomicInteger();

        metrics.seed(newestFirst.stream().peek(run -> read.incrementAndGet()));

        PrometheusText metricsText = scrape();
        assertThat(metricsText.value("monitor_database_status", "database", "crm", "status", "failed")).hasValue(1.0);
        assertThat(metricsText.value("monitor_database_status", "database", "billing", "status", "partial")).hasValue(1.0);
        assertThat(metricsText.value("monitor_database_last_success_timestamp_seconds", "database", "crm"))
                .hasValue((double) success.getEpochSecond());
        assertThat(metricsText.value("monitor_database_status", "database", "retired", "status", "completed"))
                .as("a database no longer configured").isEmpty();
        assertThat(read).hasValue(3);

        RunMetrics settledByTheNewest = new RunMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), runs,
                List.of("http"), List.of("retired"), history);
        read.set(0);
        settledByTheNewest.seed(newestFirst.stream().peek(run -> read.incrementAndGet()));
        assertThat(read).hasValue(1);
    }

    private PrometheusText scrape() {
        return new PrometheusText(registry.scrape());
    }
}
