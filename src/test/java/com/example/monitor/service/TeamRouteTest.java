package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.RunReport;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A team's own YAML routes, dropped into a {@code routes/} folder outside the project and loaded the
 * way the launcher adds {@code ./routes}: what they receive, and that their bugs never fail a run.
 */
@ExtendWith(PerTest.class)
class TeamRouteTest extends MonitorTestSupport {

    /** The team route files a test drops into its routes/ folder before the application starts. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface TeamRoutes {
        String[] value();
    }

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("routes/examples");

    private static final Map<String, String> ROUTES = Map.of(
            "recording", """
                    - route:
                        id: team-recording
                        from:
                          uri: seda:analysis-completed?multipleConsumers=true
                          steps:
                            - to: mock:team-results
                    """,
            "failing", """
                    - route:
                        id: team-failing
                        from:
                          uri: seda:analysis-completed?multipleConsumers=true
                          steps:
                            - to: mock:before-failure
                            - throwException:
                                exceptionType: java.lang.IllegalStateException
                                message: a bug in the team's route
                    """,
            "cookbook", """
                    - route:
                        id: team-cookbook
                        from:
                          uri: seda:analysis-completed?multipleConsumers=true
                          steps:
                            - setHeader:
                                name: emailRows
                                simple:
                                  expression: "${exchangeProperty.analysisReport.database('crm').query('Email changes').rowCount()}"
                            - setHeader:
                                name: brokenStatus
                                simple:
                                  expression: "${exchangeProperty.analysisReport.database('billing').query('Broken').status()}"
                            - setHeader:
                                name: billingStatus
                                simple:
                                  expression: "${exchangeProperty.analysisReport.database('billing').status()}"
                            - setHeader:
                                name: firstEmailClient
                                simple:
                                  expression: "${body[crm][Email changes][0][CLIENT_ID]}"
                            - setHeader:
                                name: brokenRows
                                simple:
                                  expression: "${body[billing][Broken].size()}"
                            - to: mock:cookbook
                            - split:
                                simple:
                                  expression: "${exchangeProperty.analysisReport.databases()}"
                                steps:
                                  - split:
                                      simple:
                                        expression: "${body.queries()}"
                                      steps:
                                        - setBody:
                                            simple:
                                              expression: "${body.name()}=${body.status()}"
                                        - to: mock:cookbook-queries
                    """,
            "progress", """
                    - route:
                        id: team-progress
                        from:
                          uri: seda:analysis-progress?multipleConsumers=true
                          steps:
                            - to: mock:team-progress
                    """);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private final Path output = PerTest.folder().resolve("output");

    @Override
    protected ProjectFiles classProject() throws Exception {
        // client 1 is in every query; 2 has no token change; 3 no password change
        return ProjectFiles.temp("team-route-test").on(POSTGRES.server())
                .postgres("crm",
                        "CREATE TABLE email_changes (client_id int, changed_at timestamp)",
                        "INSERT INTO email_changes VALUES (1, '2026-11-01'), (2, '2026-11-02'), (3, '2026-11-03'),"
                                + " (4, '2020-01-01')",
                        "CREATE TABLE token_changes (client_id int, changed_at timestamp)",
                        "INSERT INTO token_changes VALUES (3, '2026-11-04'), (1, '2026-11-05'), (2, '2020-01-01')")
                .query("Email changes", "crm/emails.sql",
                        "SELECT client_id, changed_at FROM email_changes WHERE changed_at >= :start_date ORDER BY client_id\n")
                .query("Token changes", "crm/tokens.sql",
                        "SELECT client_id FROM token_changes WHERE changed_at >= :start_date ORDER BY client_id\n")
                .postgres("billing",
                        "CREATE TABLE password_changes (client_id int, changed_at timestamp)",
                        "INSERT INTO password_changes VALUES (1, '2026-11-06'), (2, '2026-11-07'), (3, '2020-01-01')")
                .query("Password changes", "billing/passwords.sql",
                        "SELECT client_id FROM password_changes WHERE changed_at >= :start_date ORDER BY client_id\n")
                // fails: without it being left out, no client would be in every query
                .query("Broken", "billing/broken.sql", "SELECT client_id FROM no_such_table\n")
                .write();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        super.configure(configuration);
        writeTeamRoutes(PerTest.folder().resolve("routes"));
        configuration.withRoutesIncludePattern(routesIncludePattern());
    }

    /** The core routes, plus the team's folder, as the launcher adds ./routes when it exists. */
    private static String routesIncludePattern() {
        return "classpath:routes/*.camel.yaml,file:" + PerTest.folder().resolve("routes").toAbsolutePath() + "/*.camel.yaml";
    }

    @Override
    protected Path outputDir() {
        return PerTest.folder().resolve("output");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = super.useOverridePropertiesWithPropertiesComponent();
        properties.setProperty("camel.main.routes-include-pattern", routesIncludePattern());
        return properties;
    }

    @Test
    @TeamRoutes("recording")
    void theReportATeamRouteReceivesCarriesEachQuerysColumnsAndTheirTypes() throws Exception {
        MockEndpoint team = getMockEndpoint("mock:team-results");
        team.expectedMessageCount(1);

        runAnalysis("2026-10-01");

        team.assertIsSatisfied(5000);
        RunReport report = team.getReceivedExchanges().get(0).getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
        RunReport.QueryReport emails = report.database("crm").query("Email changes");
        assertThat(emails.columns()).containsExactly("client_id", "changed_at");
        assertThat(emails.columnTypes()).extracting(ColumnType::type)
                .containsExactly(ColumnType.Kind.INTEGER, ColumnType.Kind.TIMESTAMP);
        assertThat(emails.columnTypes()).extracting(ColumnType::databaseType).containsExactly("int4", "timestamp");
        assertThat(emails.rowsFile()).as("rows are in the report (json)").isNull();
        assertThat(report.database("billing").query("Broken").columnTypes()).isEmpty();
    }

    @Test
    @TeamRoutes("recording")
    @SuppressWarnings("unchecked")
    void teamRouteReceivesTheNestedResultMapAndTheRunReport() throws Exception {
        MockEndpoint team = getMockEndpoint("mock:team-results");
        team.expectedMessageCount(1);

        Exchange done = runAnalysis("2026-10-01");

        team.assertIsSatisfied(5000);
        Exchange received = team.getReceivedExchanges().get(0);
        Map<String, Map<String, List<Map<String, Object>>>> body = received.getMessage().getBody(Map.class);
        assertThat(body.keySet()).containsExactly("crm", "billing");
        assertThat(body.get("crm").keySet()).containsExactly("Email changes", "Token changes");
        assertThat(body.get("crm").get("Email changes")).extracting(row -> row.get("client_id")).containsExactly(1, 2, 3);
        assertThat(body.get("crm").get("Token changes")).extracting(row -> row.get("CLIENT_ID")).containsExactly(1, 3);
        assertThat(body.get("billing").get("Broken")).isEmpty();
        RunReport report = received.getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
        assertThat(report).isNotNull();
        assertThat(report.runId()).isEqualTo(report(done).runId());
        assertThat(report.status()).isEqualTo("partial");
        assertThat(Path.of(report.reportFile())).exists();
        assertThat(serialisedSize(report)).isPositive();
    }

    @Test
    @TeamRoutes("failing")
    void failingTeamRouteDoesNotFailTheRun() throws Exception {
        MockEndpoint beforeFailure = getMockEndpoint("mock:before-failure");
        beforeFailure.expectedMessageCount(1);

        Exchange done = runAnalysis("2026-10-01");

        beforeFailure.assertIsSatisfied(5000);
        assertThat(done.getException()).isNull();
        RunReport report = report(done);
        // partial only because of the broken query, exactly as without the team route
        assertThat(report.status()).isEqualTo("partial");
        JsonNode json = reportJson(done);
        assertThat(json.get("status").asText()).isEqualTo("partial");
        assertThat(json.at("/databases/crm/queries/Email changes/status").asText()).isEqualTo("completed");
        assertThat(json.at("/databases/billing/queries/Broken/status").asText()).isEqualTo("failed");
        assertThat(results(done).get("crm").get("Email changes")).hasSize(3);

        // and the next run still reaches the team route
        beforeFailure.reset();
        beforeFailure.expectedMessageCount(1);
        assertThat(report(runAnalysis("2026-10-01")).status()).isEqualTo("partial");
        beforeFailure.assertIsSatisfied(5000);
    }

    @Test
    @TeamRoutes("example:clients-in-every-query.camel.yaml")
    void shippedExampleWritesTheClientsInEveryCompletedQuery() throws Exception {
        Exchange done = runAnalysis("2026-10-01");

        String runId = report(done).runId();
        Path summaryFile = output.resolve(runId + "-clients.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(summaryFile));
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        assertThat(summary.get("runId").asText()).isEqualTo(runId);
        assertThat(summary.get("startDate").asText()).isEqualTo("2026-10-01T00:00:00");
        assertThat(JSON.convertValue(summary.get("queries"), List.class))
                .containsExactly("crm/Email changes", "crm/Token changes", "billing/Password changes");
        assertThat(JSON.convertValue(summary.get("clientsInEveryQuery"), List.class)).containsExactly("1");
        assertThat(JSON.convertValue(summary.get("queriesByClient"), Map.class)).isEqualTo(Map.of(
                "1", List.of("billing/Password changes", "crm/Email changes", "crm/Token changes"),
                "2", List.of("billing/Password changes", "crm/Email changes"),
                "3", List.of("crm/Email changes", "crm/Token changes")));
        assertThat(report(done).status()).isEqualTo("partial");
    }

    @Test
    @TeamRoutes("cookbook")
    void theExtendingPagesSimpleCookbookGivesRowCountsStatusesAndEveryQuery() throws Exception {
        MockEndpoint cookbook = getMockEndpoint("mock:cookbook");
        cookbook.expectedMessageCount(1);
        MockEndpoint queries = getMockEndpoint("mock:cookbook-queries");
        queries.expectedBodiesReceived("Email changes=completed", "Token changes=completed",
                "Password changes=completed", "Broken=failed");

        runAnalysis("2026-10-01");

        cookbook.assertIsSatisfied(5000);
        queries.assertIsSatisfied(5000);
        Map<String, Object> headers = cookbook.getReceivedExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry("emailRows", 3).containsEntry("brokenStatus", "failed")
                .containsEntry("billingStatus", "completed").containsEntry("firstEmailClient", 1)
                .containsEntry("brokenRows", 0);
        assertThat(headers.get(MonitorConstants.RUN_ID_HEADER)).isEqualTo(
                cookbook.getReceivedExchanges().get(0).getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class).runId());
        assertThat(headers).containsKeys(MonitorConstants.REPORT_FILE_HEADER, "monitorTrigger");
    }

    @Test
    @TeamRoutes("progress")
    void routeOnAnalysisProgressReceivesEveryProgressEvent() throws Exception {
        MockEndpoint progress = getMockEndpoint("mock:team-progress");

        Exchange done = runAnalysis("2026-10-01");

        String runId = report(done).runId();
        // connecting + completed/failed per database, running + outcome per query
        progress.expectedMessageCount(2 * 2 + 2 * 4);
        progress.assertIsSatisfied(5000);
        List<ProgressEvent> events = progress.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(ProgressEvent.class)).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.runId()).isEqualTo(runId));
        assertThat(events).filteredOn(event -> "crm".equals(event.database()))
                .extracting(ProgressEvent::logLine)
                .first().isEqualTo("progress database=crm query=\"all\" status=connecting");
        assertThat(events).filteredOn(event -> "Email changes".equals(event.query()))
                .extracting(ProgressEvent::status).containsExactly("running", "completed");
        assertThat(events).filteredOn(event -> "Email changes".equals(event.query()) && event.rows() != null)
                .extracting(ProgressEvent::rows).containsExactly(3);
        assertThat(events).filteredOn(event -> "Broken".equals(event.query()))
                .extracting(ProgressEvent::status).containsExactly("running", "failed");
    }

    private static void writeTeamRoutes(Path routes) {
        try {
            Files.createDirectories(routes);
            for (String name : PerTest.annotation(TeamRoutes.class).orElseThrow().value()) {
                if (name.startsWith("example:")) {
                    String file = name.substring("example:".length());
                    Files.copy(EXAMPLES.resolve(file), routes.resolve(file));
                } else {
                    Files.writeString(routes.resolve(name + ".camel.yaml"), ROUTES.get(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int serialisedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }
}
