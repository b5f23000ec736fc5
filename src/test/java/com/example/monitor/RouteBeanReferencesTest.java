package com.example.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.run.RunRequest;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Routes name beans and endpoints as bare strings ({@code ref: analysis}, {@code "#queryStatements"},
 * {@code direct:run-analysis}); Java declares each name once, as a constant beside its class. A typo would
 * only show when that step first runs, perhaps in service mode days later, so every bean any shipped
 * route names must be in the registry the application builds, and the endpoints Java sends to must be
 * the ones the routes consume. The service runs with its HTTP server, so the registry has the beans of every
 * shipped route file.
 */
class RouteBeanReferencesTest extends ServiceTestSupport {

    private static final Path REPO = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    /** Keys whose value is a bean name, in the YAML DSL. */
    private static final Set<String> BEAN_KEYS = Set.of("ref", "executorService", "aggregationStrategy",
            "beanRef", "strategyRef", "onPrepare", "routePolicy");
    /** A bean reference in an endpoint parameter: "#name" or "#bean:name", not "#${...}" (dynamic). */
    private static final Pattern PARAMETER_REFERENCE = Pattern.compile("^#(?:bean:)?([A-Za-z][\\w-]*)$");

    @Override
    protected ProjectFiles classProject() throws Exception {
        return new ProjectFiles(Files.createTempDirectory("route-beans"))
                .database("demo", "jdbc:h2:mem:route_beans;MODE=Oracle;DB_CLOSE_DELAY=-1")
                .query("One", "one.sql", "SELECT 1 AS one FROM dual WHERE :start_date IS NOT NULL\n")
                .write();
    }

    @Test
    void everyBeanAShippedRouteNamesIsInTheRegistry() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> routeFiles = shippedRouteFiles();
        int references = 0;
        for (Path file : routeFiles) {
            Set<String> declaredInFile = new TreeSet<>();
            Set<String> named = new TreeSet<>();
            for (JsonNode item : yaml(file)) {
                collect(item, named, declaredInFile);
            }
            for (String bean : named) {
                references++;
                if (!declaredInFile.contains(bean) && context.getRegistry().lookupByName(bean) == null) {
                    missing.add(REPO.relativize(file) + " names bean '" + bean + "', which does not exist");
                }
            }
        }
        assertThat(routeFiles).as("route files found").isNotEmpty();
        assertThat(references).as("bean references found in the routes").isGreaterThan(5);
        assertThat(missing).isEmpty();
    }

    @Test
    void theRunRouteConsumesFromTheEndpointJavaSendsRequestsTo() {
        assertThat(context.getRoute("run-analysis").getEndpoint().getEndpointUri())
                .isEqualTo(context.getEndpoint(RunRequest.ENDPOINT).getEndpointUri());
    }

    @Test
    void aMisspelledBeanNameIsCaught() throws IOException {
        Path file = Files.createTempFile("typo", ".camel.yaml");
        Files.writeString(file, """
                - route:
                    id: typo
                    from:
                      uri: direct:typo
                      steps:
                        - bean:
                            ref: analyses
                        - to:
                            uri: sql:x
                            parameters:
                              prepareStatementStrategy: "#queryStatement"
                              dataSource: "#${exchangeProperty.dataSourceName}"
                """);
        Set<String> named = new TreeSet<>();
        for (JsonNode item : yaml(file)) {
            collect(item, named, new TreeSet<>());
        }

        assertThat(named).containsExactly("analyses", "queryStatement");
        assertThat(named).allSatisfy(name -> assertThat(context.getRegistry().lookupByName(name)).isNull());
    }

    private static List<Path> shippedRouteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(REPO.resolve("routes"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    /** Walks the YAML tree: bean-name keys, "#name" values, and the names a "beans:" block declares. */
    private static void collect(JsonNode node, Set<String> named, Set<String> declared) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (field.getKey().equals("beans") && value.isArray()) {
                    value.forEach(bean -> declared.add(bean.path("name").asText()));
                } else if (BEAN_KEYS.contains(field.getKey()) && value.isTextual()) {
                    named.add(value.textValue());
                } else if (value.isTextual()) {
                    Matcher reference = PARAMETER_REFERENCE.matcher(value.textValue());
                    if (reference.matches()) {
                        named.add(reference.group(1));
                    }
                }
                collect(value, named, declared);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, named, declared));
        }
    }
}
