package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.FinishedRuns;
import com.example.monitor.testing.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped alert rules use only metrics the application publishes, under the names Prometheus sees. */
class PrometheusAlertRulesTest {

    private static final Pattern MONITOR_METRIC = Pattern.compile("\\bmonitor_[a-z0-9_]+");

    @Test
    void everyMonitorMetricInTheAlertRulesIsPublished() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs", "prometheus-alerts.yml").toFile());
        Set<String> used = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                Matcher metric = MONITOR_METRIC.matcher(rule.get("expr").asText());
                while (metric.find()) {
                    used.add(metric.group());
                }
            }
        }
        assertThat(used).contains("monitor_runs_total", "monitor_database_last_success_timestamp_seconds",
                "monitor_run_in_progress");

        Set<String> published = new TreeSet<>();
        new PrometheusText(scrapeAfterOneRun()).samples().forEach(sample -> published.add(sample.name()));

        assertThat(published).containsAll(used);
    }

    /** The metrics as Prometheus would scrape them after one completed run of one database. */
    private static String scrapeAfterOneRun() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AnalysisRuns runs = new AnalysisRuns(new StatementTracker());
        RunMetrics metrics = new RunMetrics(registry, runs, java.util.List.of("http"), java.util.List.of("crm"));
        metrics.runEnded(FinishedRuns.completed("crm", "Get all email changes"));
        return registry.scrape();
    }
}
