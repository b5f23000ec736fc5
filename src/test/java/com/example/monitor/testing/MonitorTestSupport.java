package com.example.monitor.testing;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.jdbc.DatabasePools;
import com.example.monitor.report.RunReport;
import com.example.monitor.wiring.MonitorWiring;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * Boots the application as the launcher wires it (MonitorWiring) against a databases.yaml the test
 * writes, and runs analyses through {@code direct:run-analysis}.
 */
public abstract class MonitorTestSupport extends CamelMainTestSupport {

    /** Reads numbers exactly, as a client that cares about every digit would. */
    protected static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Each class's project, written at its first test by {@link #classProject()}. */
    private static final Map<Class<?>, ProjectFiles> PROJECTS = new ConcurrentHashMap<>();

    /**
     * The project folder (databases.yaml, sql/, output/) of the test: by default the class's one, from
     * {@link #classProject()} at its first test and kept for the others. A class overrides this when it
     * keeps its project itself.
     */
    protected ProjectFiles project() {
        return PROJECTS.computeIfAbsent(getClass(), type -> {
            try {
                return classProject();
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the project of " + type.getSimpleName(), e);
            }
        });
    }

    /**
     * Writes the class's project, once, when its first test starts: after its {@code @BeforeAll} methods,
     * so the databases its extensions give it are there.
     */
    protected ProjectFiles classProject() throws Exception {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " overrides neither project() nor classProject()");
    }

    /** Extra {@code monitor.*} properties, over the project's own: for settings of one test (PerTest). */
    protected Properties monitorProperties() {
        return new Properties();
    }

    /** Properties from alternating keys and values, for {@link #monitorProperties()} overrides. */
    protected static Properties properties(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("no value for " + keysAndValues[keysAndValues.length - 1]);
        }
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private DefaultRegistry registry;

    /** Kept, so the HTTP switch can reach the context that Camel's test Main configures without holding it. */
    @Override
    protected Registry createCamelRegistry() {
        registry = new DefaultRegistry();
        return registry;
    }

    /** The application's own wiring, as the launcher configures it, with no command-line arguments. */
    @Override
    protected void configure(MainConfigurationProperties configuration) {
        MonitorWiring.configure(configuration, Set.of(), main -> registry.getCamelContext());
    }

    /** The properties files the launcher reads. */
    @Override
    protected String getPropertyPlaceholderLocations() {
        return MonitorWiring.PROPERTY_LOCATIONS;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = project().properties();
        properties.putAll(monitorProperties());
        properties.setProperty("monitor.databases-file", project().databasesFile().toString());
        properties.setProperty("monitor.output-dir", outputDir().toString());
        return properties;
    }

    /** Where reports go; the project's output folder unless a test wants one per test method. */
    protected Path outputDir() {
        return project().outputDir();
    }

    /** The reports in {@link #outputDir()}, each checked to hold every database of the project. */
    protected ReportFiles reports() {
        return new ReportFiles(outputDir(), project().databasesFile());
    }

    /** Whatever the test asserted, each report it left holds every database it configured. */
    @AfterEach
    void everyConfiguredDatabaseIsInEveryReport() {
        reports().all();
    }

    protected Exchange runAnalysis(Map<String, Object> headers) {
        return template.send("direct:run-analysis", exchange -> exchange.getMessage().getHeaders().putAll(headers));
    }

    protected Exchange runAnalysis(String startDate) {
        return runAnalysis(Map.of(MonitorConstants.START_DATE_HEADER, startDate));
    }

    protected static RunReport report(Exchange done) {
        return done.getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
    }

    protected JsonNode reportJson(Exchange done) throws IOException {
        return new ConfiguredDatabases(project().databasesFile())
                .assertAllIn(JSON.readTree(Path.of(report(done).reportFile()).toFile()));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Map<String, List<Map<String, Object>>>> results(Exchange done) {
        return done.getMessage().getBody(Map.class);
    }

    protected DatabasePools pools() {
        return context.getRegistry().lookupByNameAndType(DatabasePools.BEAN, DatabasePools.class);
    }
}
