package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.PrometheusText;
import com.example.monitor.testing.PrometheusText.Sample;
import com.example.monitor.testing.Promtool;
import com.example.monitor.testing.Docs;
import com.example.monitor.testing.ReportFiles;
import com.example.monitor.testing.ServiceMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped alert rules and their promtool unit tests ({@code docs/prometheus-alerts*.yml}) against
 * a running service: one database completes, one's only query always fails, one is unreachable since
 * start-up. Every metric, label and label value they name is in its scrape; promtool passes the rules,
 * their tests and the service's own series.
 */
class PrometheusAlertRulesTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DOCS = Path.of("docs");
    private static final Path RULES = DOCS.resolve("prometheus-alerts.yml");
    private static final Path RULE_TESTS = DOCS.resolve("prometheus-alerts.test.yml");
    /** What Prometheus adds to every series it scrapes. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");
    /** Labels whose values are the user's own (databases.yaml): any value goes in a test. */
    private static final Set<String> FREE_VALUES = Set.of("database", "query");
    private static final Pattern SELECTOR = Pattern.compile("\\b(monitor_[a-z0-9_]+)(?:\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");

    private static ServiceMain service;
    private static String scrape;

    @BeforeAll
    static void serviceAfterOneRun() throws Exception {
        String url = POSTGRES.server().createDatabase("alert_rules");
        ProjectFiles project = ProjectFiles.temp("alert-rules-test")
                .database("steady", url)
                .query("One", "steady/one.sql", "SELECT 1 AS one WHERE :start_date::timestamp IS NOT NULL\n")
                .brokenAndUnreachable(url, ProjectFiles.unreachableUrl())
                .property("monitor.connect-timeout", "5s")
                .write();
        service = ServiceMain.start(project, "monitor.schedule", "0 0 6 * * ?",
                "monitor.inbox-dir", project.root().resolve("inbox").toString(), "monitor.schedule-at-start", "true");
        await().atMost(Duration.ofSeconds(30)).until(() -> service.scrape()
                .value("monitor_runs_total", "trigger", "start", "status", "partial").orElse(0.0) == 1.0);
        assertThat(new ReportFiles(project.outputDir()).all()).hasSize(1);
        scrape = service.scrapeText();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyMetricLabelAndValueTheRulesUseIsInAScrapeOfTheService() throws Exception {
        PrometheusText metrics = new PrometheusText(scrape);
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : rules()) {
            String expr = rule.get("expr").asText();
            Set<String> labelsOfExpr = new TreeSet<>(TARGET_LABELS);
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                String metric = selector.group(1);
                labelsOfExpr.addAll(labelNames(metrics, metric));
                problems.addAll(missing(metrics, metric, matchers(selector.group(2)), rule.get("alert").asText()));
            }
            Matcher grouping = GROUPING.matcher(expr);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    if (!labelsOfExpr.contains(label.trim())) {
                        problems.add(rule.get("alert").asText() + ": no label " + label.trim() + " on its metrics");
                    }
                }
            }
        }
        assertThat(problems).as(scrape).isEmpty();
        assertThat(rules()).extracting(rule -> rule.get("expr").asText()).anySatisfy(expr ->
                assertThat(expr).contains("monitor_database_status"));
    }

    @Test
    void everySeriesTheRuleUnitTestsFeedIsNamedAndLabelledAsTheServiceExposesIt() throws Exception {
        PrometheusText metrics = new PrometheusText(scrape);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode test : YAML.readTree(RULE_TESTS.toFile()).get("tests")) {
            for (JsonNode input : test.get("input_series")) {
                String series = input.get("series").asText();
                Matcher selector = SELECTOR.matcher(series);
                if (series.startsWith("up{")) {
                    continue;
                }
                assertThat(selector.lookingAt()).as("a monitor_* series: " + series).isTrue();
                Map<String, String> labels = new LinkedHashMap<>(matchers(selector.group(2)).stream()
                        .collect(Collectors.toMap(m -> m.label, m -> m.value)));
                assertThat(labels).as(series).containsKeys("instance", "job");
                TARGET_LABELS.forEach(labels::remove);
                List<Sample> samples = metrics.samples().stream().filter(s -> s.name().equals(selector.group(1))).toList();
                boolean exposed = samples.stream().anyMatch(sample -> sample.labels().keySet().equals(labels.keySet())
                        && labels.entrySet().stream().allMatch(label -> FREE_VALUES.contains(label.getKey())
                                || label.getValue().equals(sample.labels().get(label.getKey()))));
                if (!exposed) {
                    problems.add(test.get("name").asText() + ": " + series);
                }
                checked++;
            }
        }
        assertThat(problems).as("series not in the scrape:\n" + scrape).isEmpty();
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItStaysSilent() throws Exception {
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : YAML.readTree(RULE_TESTS.toFile()).get("tests")) {
            for (JsonNode check : test.get("alert_rule_test")) {
                (check.get("exp_alerts").isEmpty() ? silent : fires).add(check.get("alertname").asText());
            }
        }
        Set<String> alerts = new TreeSet<>();
        rules().forEach(rule -> alerts.add(rule.get("alert").asText()));

        assertThat(alerts).hasSize(4);
        assertThat(fires).isEqualTo(alerts);
        assertThat(silent).isEqualTo(alerts);
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool.requireInstalled();

        assertThat(Promtool.run(DOCS, null, "check", "rules", RULES.getFileName().toString()))
                .contains("SUCCESS: 4 rules found");
    }

    @Test
    void promtoolPassesTheRuleUnitTestsIncludingTheFirstFailureAfterARestart() throws Exception {
        Promtool.requireInstalled();

        assertThat(Promtool.run(DOCS, null, "test", "rules", RULE_TESTS.getFileName().toString()))
                .contains("SUCCESS").doesNotContain("FAILED");
        assertThat(YAML.readTree(RULE_TESTS.toFile()).get("tests")).extracting(test -> test.get("name").asText())
                .anySatisfy(name -> assertThat(name).contains("first").contains("after a restart"));
    }

    @Test
    void promtoolFindsNoProblemInTheMonitorSeriesOfAScrape() throws Exception {
        Promtool.requireInstalled();
        String monitorSeries = Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith("monitor_") || line.matches("# (HELP|TYPE) monitor_.*"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(monitorSeries).contains("# TYPE monitor_database_status gauge", "# TYPE monitor_runs_total counter");

        assertThat(Promtool.run(DOCS, monitorSeries, "check", "metrics")).as(monitorSeries).isBlank();
    }

    /** What docs/operating.md says of Camel's own series: camelCase labels and a few missing help texts, no more. */
    @Test
    void promtoolFindsOnlyCamelCaseLabelsAndMissingHelpInCamelsOwnSeries() throws Exception {
        Promtool.requireInstalled();
        assertThat(scrape).doesNotContain("camel_context=").doesNotContain("app_info").contains("camelContext=");

        String findings;
        try {
            findings = Promtool.run(DOCS, scrape, "check", "metrics");
        } catch (IllegalStateException lintProblems) {
            findings = lintProblems.getMessage();
        }
        List<String> lines = Arrays.stream(findings.split("\n")).skip(1).filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("camel_")
                .matches(".* (label names should be written in 'snake_case' not 'camelCase'|no help text)"));
    }

    @Test
    void theOperatingPageListsEveryMonitorMetricWithItsLabelsAndEveryTriggerOfTheScrape() {
        PrometheusText metrics = new PrometheusText(scrape);
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String row : Docs.page("operating.md").tableUnder("## Metrics").stream().skip(2).toList()) {
            String[] cells = row.split("\\|");
            documented.put(cells[1].trim().replace("`", ""), backticked(cells[2]));
        }
        Map<String, Set<String>> exposed = new TreeMap<>();
        Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith("# TYPE monitor_"))
                .map(line -> line.split(" ")[2].replaceFirst("_max$", ""))
                .forEach(family -> exposed.put(family, metrics.samples().stream()
                        .filter(sample -> sample.name().startsWith(family))
                        .flatMap(sample -> sample.labels().keySet().stream())
                        .collect(Collectors.toCollection(TreeSet::new))));
        Set<String> triggers = metrics.samples().stream().filter(sample -> sample.name().equals("monitor_runs_total"))
                .map(sample -> sample.labels().get("trigger")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documentedTriggers = Docs.page("operating.md").tableUnder("`trigger` is one of:").stream().skip(2)
                .flatMap(row -> backticked(row.split("\\|")[1]).stream()).collect(Collectors.toSet());

        assertThat(exposed).hasSize(7);
        assertThat(documented).isEqualTo(exposed);
        assertThat(triggers).containsExactlyInAnyOrder("schedule", "start", "file", "http");
        assertThat(documentedTriggers).containsAll(triggers);
    }

    private static Set<String> backticked(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`([^`]+)`").matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static List<JsonNode> rules() throws Exception {
        List<JsonNode> rules = new ArrayList<>();
        YAML.readTree(RULES.toFile()).get("groups").forEach(group -> group.get("rules").forEach(rules::add));
        return rules;
    }

    private record LabelMatcher(String label, String operator, String value) {
    }

    private static List<LabelMatcher> matchers(String text) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (text != null) {
            Matcher matcher = MATCHER.matcher(text);
            while (matcher.find()) {
                matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
            }
        }
        return matchers;
    }

    private static Set<String> labelNames(PrometheusText metrics, String metric) {
        return metrics.samples().stream().filter(sample -> sample.name().equals(metric))
                .flatMap(sample -> sample.labels().keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What of the selector the scrape lacks: the metric, a label, or a value it names. */
    private static List<String> missing(PrometheusText metrics, String metric, List<LabelMatcher> matchers, String alert) {
        if (!metrics.hasMetric(metric)) {
            return List.of(alert + ": no metric " + metric);
        }
        List<String> problems = new ArrayList<>();
        for (LabelMatcher matcher : matchers) {
            Set<String> values = metrics.samples().stream().filter(sample -> sample.name().equals(metric))
                    .map(sample -> sample.labels().get(matcher.label())).filter(value -> value != null)
                    .collect(Collectors.toSet());
            if (values.isEmpty()) {
                problems.add(alert + ": no label " + matcher.label() + " on " + metric);
                continue;
            }
            List<String> named = matcher.operator().endsWith("~") ? List.of(matcher.value().split("\\|"))
                    : List.of(matcher.value());
            named.stream().filter(value -> !FREE_VALUES.contains(matcher.label()) && !values.contains(value))
                    .forEach(value -> problems.add(alert + ": " + metric + " has no " + matcher.label() + "=\"" + value + "\""));
        }
        return problems;
    }
}
