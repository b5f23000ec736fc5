package com.example.monitor.config;

import com.example.monitor.testing.Docs;
import com.example.monitor.testing.PythonJsonSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every databases.yaml the project shows or uses is checked against databases.schema.json: the
 * shipped file, the examples of README.md and docs/*.md and the files the tests write (Java text blocks starting
 * with {@code databases:}). Test files that are meant to be refused must be refused by the schema.
 */
class DatabasesSchemaExamplesTest {
    private static final Path SCHEMA = Path.of("databases.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DOCS_BLOCK = Pattern.compile("```yaml\\n(databases:\\n.*?)```", Pattern.DOTALL);
    /** A Java text block whose first line is {@code databases:}, up to and including the indent of its closing quotes. */
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n([ \\t]*databases:\\n.*?)\"\"\"", Pattern.DOTALL);
    /** Test files written wrong on purpose (file, 1-based text block), each with a line the schema must report. */
    private static final Map<String, String> MEANT_TO_BE_REFUSED = Map.of(
            "KerberosSettingsTest.java#1", "key 'username': kerberos auth takes no username or password",
            "KerberosSettingsTest.java#2", "key 'username': kerberos auth takes no username or password",
            "DatabasesFileLoaderTest.java#3", "key 'url' is missing",
            "DatabasesFileLoaderTest.java#4", "key 'sql_queries': must be a list of queries, not a number");
    /** Not YAML at all: it tests the syntax error message. */
    private static final String NOT_YAML = "DatabasesFileLoaderTest.java#2";
    private static final List<String> DURATIONS = List.of("500ms", "15s", "10m", "1h", "2d", " 15 S ", "90M", "PT15S",
            "pt1m", "P1D", "P1DT2H", "PT0.5S", "P0DT1M", "PT0,5S", "999999999d", "0s", "00m", "soon", "15", "-1s", "1w",
            "15 sec", "PT-1S", "-PT1S", "P", "PT", "P1DT", "PT0S", "P0D", "PT0.0S", "PT0H0M", "P1W", "");
    private static final List<String> PORTS = List.of("1521", "1521.0", "1.521e3", "0x5f1", "\"1521\"", "\" 01521 \"",
            "1", "65535", "\"65535\"");
    private static final List<String> NOT_PORTS = List.of("1521.5", "0", "0.0", "65536", "1e400", "-1", "\"0\"",
            "\"65536\"", "\"99999999999\"", "\"1521.0\"", "\"1521.5\"", "\"1e3\"", "\"\"", "true");
    private static final List<String> COUNTS = List.of("\"1\"", "\"2147483647\"", "\"999999999\"", "\"1999999999\"",
            "\"2147483639\"", "2147483647", "2.0e0", "1.0");
    private static final List<String> NOT_COUNTS = List.of("\"0\"", "\"2147483648\"", "\"2147483650\"", "\"2200000000\"",
            "\"99999999999\"", "2147483648", "1.5", "\"2.0\"");

    @Test
    void shippedFileNamesTheSchemaForEditorsAndMatchesIt() throws IOException {
        Path shipped = Path.of("databases.yaml");
        assertThat(Files.readAllLines(shipped).get(0)).isEqualTo("# yaml-language-server: $schema=databases.schema.json");
        assertThat(findings(Files.readString(shipped))).isEmpty();
    }

    @Test
    void everyDatabasesFileInTheDocsMatchesTheSchema() throws IOException {
        Map<String, String> examples = docsExamples();
        examples.forEach((id, yaml) -> assertThat(findings(yaml)).as(id).isEmpty());
        assertThat(examples).isNotEmpty();
    }

    @Test
    void everyDatabasesFileTheTestsWriteMatchesTheSchemaUnlessMeantToBeRefused() throws IOException {
        Map<String, String> examples = testExamples();
        examples.forEach((id, yaml) -> {
            List<String> findings = findings(yaml);
            if (MEANT_TO_BE_REFUSED.containsKey(id)) {
                assertThat(findings).as(id).anyMatch(line -> line.contains(MEANT_TO_BE_REFUSED.get(id)));
            } else {
                assertThat(findings).as(id).isEmpty();
            }
        });
        assertThat(examples.keySet()).containsAll(MEANT_TO_BE_REFUSED.keySet())
                .hasSizeGreaterThan(MEANT_TO_BE_REFUSED.size() + 5);
    }

    /**
     * Editors and other teams check databases.yaml with a validator of their own: Python's jsonschema,
     * independent of the app's, must find the schema valid for its draft and give every file and every
     * sample value above the same verdict as the app's validator.
     */
    @Test
    void anIndependentValidatorGivesEveryFileAndSampleValueTheSameVerdict() throws Exception {
        PythonJsonSchema python = PythonJsonSchema.requireInstalled();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("databases.yaml", Files.readString(Path.of("databases.yaml")));
        files.putAll(docsExamples());
        files.putAll(testExamples());
        Map<String, String> samples = new LinkedHashMap<>();
        DURATIONS.forEach(value -> samples.put("connect_timeout=\"" + value + "\"", "\"" + value + "\""));
        Stream.of(PORTS, NOT_PORTS).flatMap(List::stream).forEach(value -> samples.put("port=" + value, value));
        Stream.of(COUNTS, NOT_COUNTS).flatMap(List::stream).forEach(value -> samples.put("max_rows=" + value, value));
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        files.forEach((id, yaml) -> documents.put(id, tree(yaml)));
        samples.forEach((id, value) -> documents.put(id, tree(withValue(key(id), value))));

        PythonJsonSchema.Verdicts verdicts = python.check(YAML.readTree(SCHEMA.toFile()), documents);

        assertThat(verdicts.validator()).isEqualTo("Draft202012Validator");
        List<String> disagreements = new ArrayList<>();
        files.forEach((id, yaml) -> {
            boolean ours = findings(yaml).isEmpty();
            if (ours != verdicts.errorPaths(id).isEmpty()) {
                disagreements.add(id + ": app " + ours + ", python " + verdicts.errorPaths(id));
            }
        });
        samples.forEach((id, value) -> {
            boolean ours = accepted(key(id), value);
            boolean theirs = verdicts.errorPaths(id).stream().noneMatch(path -> path.endsWith("/" + key(id)));
            if (ours != theirs) {
                disagreements.add(id + ": app " + ours + ", python " + theirs);
            }
        });
        assertThat(disagreements).isEmpty();
        assertThat(files).hasSizeGreaterThan(10);
    }

    @Test
    void theJarCarriesTheRepoSchemaFile() throws IOException {
        try (InputStream inJar = DatabasesSchema.class.getResourceAsStream(DatabasesSchema.RESOURCE)) {
            assertThat(inJar).isNotNull();
            assertThat(inJar.readAllBytes()).isEqualTo(Files.readAllBytes(SCHEMA));
        }
    }

    @Test
    void theSchemaIsDraft202012AndDescribesEveryKeyItDeclares() throws IOException {
        var schema = YAML.readTree(SCHEMA.toFile());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> undescribed = new ArrayList<>();
        for (String mapping : List.of("", "/$defs/database", "/$defs/database/properties/kerberos", "/$defs/query")) {
            schema.at(mapping + "/properties").fields().forEachRemaining(key -> {
                if (key.getValue().path("description").asText().isBlank()) {
                    undescribed.add(mapping + "/" + key.getKey());
                }
            });
            assertThat(schema.at(mapping + "/additionalProperties").asBoolean(true)).as(mapping).isFalse();
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void theSchemaAcceptsADurationExactlyWhenTheAppDoes() {
        List<String> disagreements = new ArrayList<>();
        for (String sample : DURATIONS) {
            boolean app = accepts(() -> Durations.parse(sample));
            boolean schema = accepted("connect_timeout", "\"" + sample + "\"");
            if (app != schema) {
                disagreements.add(sample + " app=" + app + " schema=" + schema);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /**
     * An editor checking with the schema alone must not pass what the app refuses. The schema, which cannot
     * do arithmetic, stops at 9 digits per amount where the app would take a few more: it is the stricter.
     */
    @Test
    void theSchemaRefusesEveryDurationTooLargeForTheApp() {
        for (String sample : List.of("99999999999999999999s", "9999999999999999d", "PT99999999999999999999S",
                "P9999999999999999D")) {
            assertThat(accepts(() -> Durations.parse(sample))).as(sample).isFalse();
            assertThat(accepted("connect_timeout", "\"" + sample + "\"")).as(sample).isFalse();
        }
    }

    /** JSON Schema counts 1521.0 as an integer: the schema accepts it, and the app reads it as 1521. */
    @Test
    void theSchemaTakesAWholeNumberWithAZeroFractionAndRefusesARealFraction() {
        for (String value : PORTS) {
            assertThat(accepted("port", value)).as(value).isTrue();
        }
        for (String value : NOT_PORTS) {
            assertThat(accepted("port", value)).as(value).isFalse();
        }
    }

    @Test
    void theSchemaBoundsAQuotedCountAsTheAppBoundsAnInteger() {
        for (String value : COUNTS) {
            assertThat(accepted("max_rows", value)).as(value).isTrue();
        }
        for (String value : NOT_COUNTS) {
            assertThat(accepted("max_rows", value)).as(value).isFalse();
        }
    }

    /** Whether the schema has nothing to say about the key given that value (as YAML text), where the key belongs. */
    private static boolean accepted(String key, String yamlValue) {
        return findings(withValue(key, yamlValue)).stream().noneMatch(line -> line.startsWith("key '" + key + "'"));
    }

    /** A file with the key given that value (as YAML text) where the key belongs, and little else. */
    private static String withValue(String key, String yamlValue) {
        return List.of("timeout", "fetch_size", "max_rows").contains(key)
                ? "databases:\n  - sql_queries:\n      - " + key + ": " + yamlValue + "\n"
                : "databases:\n  - host: h\n    service_name: s\n    " + key + ": " + yamlValue + "\n";
    }

    private static boolean accepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** The schema's lines for one file's text, as the loader reports them (without scope). */
    private static List<String> findings(String yaml) {
        try {
            return DatabasesSchema.check(YAML.readTree(yaml)).stream()
                    .map(DatabasesSchema.Finding::message).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The docs' databases.yaml examples, by page and position. */
    private static Map<String, String> docsExamples() throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        for (Docs.Page page : Docs.all()) {
            Matcher blocks = DOCS_BLOCK.matcher(page.text());
            for (int position = 1; blocks.find(); position++) {
                examples.put(page.name() + " example " + position, blocks.group(1));
            }
        }
        return examples;
    }

    /** The files the tests write, by source file and 1-based text block, the one that is not YAML left out. */
    private static Map<String, String> testExamples() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        Map<String, String> examples = new LinkedHashMap<>();
        for (Path source : sources) {
            Matcher blocks = TEXT_BLOCK.matcher(Files.readString(source));
            for (int position = 1; blocks.find(); position++) {
                String id = source.getFileName() + "#" + position;
                if (!id.equals(NOT_YAML)) {
                    examples.put(id, textBlock(blocks.group(1)));
                }
            }
        }
        return examples;
    }

    private static String key(String sampleId) {
        return sampleId.substring(0, sampleId.indexOf('='));
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Java makes of a text block, with {@code %s}/{@code %d} placeholders filled like a test would. */
    private static String textBlock(String body) {
        return body.stripIndent().translateEscapes().replace("%d", "1521").replace("%s", "x");
    }
}
