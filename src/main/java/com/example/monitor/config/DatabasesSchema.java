package com.example.monitor.config;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.text.similarity.LevenshteinDistance;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a parsed databases.yaml against {@code databases.schema.json}, the one declaration of the
 * file's shape (keys, types, required keys, allowed values, which keys go with which auth), and turns
 * the validator's findings into our one-line messages. Values of secret keys are never quoted.
 */
final class DatabasesSchema {
    static final String RESOURCE = "/databases.schema.json";
    /** Our keyword for messages written for the person editing the file, keyed by the failing keyword. */
    private static final String MESSAGE_KEYWORD = "x-message";
    /** Values never quoted in a message: driver properties may hold passwords, and Kerberos settings stay private too. */
    private static final Set<String> SECRET_KEYS = Set.of("password", "properties", "kerberos");

    private static final Schema SCHEMA = read();

    private DatabasesSchema() {
    }

    /** Where a finding is: the path inside the file, and the message that follows its scope. */
    record Finding(List<Object> location, String message) {
        /** 0-based position in {@code databases}, or -1 for the file level. */
        int database() {
            return location.size() >= 2 && "databases".equals(location.get(0)) && location.get(1) instanceof Integer i
                    ? i : -1;
        }

        /** 0-based position in the database's {@code sql_queries}, or -1. */
        int query() {
            return database() >= 0 && location.size() >= 4 && "sql_queries".equals(location.get(2))
                    && location.get(3) instanceof Integer i ? i : -1;
        }

        /** The pointer form of the location, e.g. {@code /databases/0/port}. */
        String pointer() {
            return location.stream().map(segment -> "/" + segment).collect(Collectors.joining());
        }
    }

    /** Nothing to do: calling it loads the schema, once per JVM. */
    static void load() {
    }

    /**
     * @param tree the parsed file, given as is: the validator then sees the very numbers the app reads, so
     *             what it counts as an integer (1521.0) the app reads as one
     */
    static List<Finding> check(JsonNode tree) {
        List<Finding> findings = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree)) {
            findings.add(finding(error));
        }
        findings.sort(Comparator.comparingInt(Finding::database).thenComparingInt(Finding::query));
        return findings;
    }

    private static Schema read() {
        try (InputStream schema = DatabasesSchema.class.getResourceAsStream(RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .errorMessageKeyword(MESSAGE_KEYWORD)
                            .build()));
            return registry.getSchema(schema, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Finding finding(Error error) {
        List<Object> location = segments(error.getInstanceLocation());
        String keyword = error.getKeyword();
        boolean aboutKey = "required".equals(keyword) || "additionalProperties".equals(keyword);
        if (aboutKey) {
            location.add(error.getProperty());
        }
        String key = relativeKey(location);
        String message = switch (keyword) {
            case "required" -> "key '" + key + "' is missing"
                    + (error.isCustomMessage() ? " (" + error.getMessage() + ")" : "");
            case "additionalProperties" -> unknownKey(key, error.getProperty(), declaredKeys(error));
            default -> (key.isEmpty() ? (location.isEmpty() ? "top level " : "") : "key '" + key + "': ")
                    + problem(error, location);
        };
        return new Finding(location, message);
    }

    /** What is wrong with the value; its text is quoted only when it is not secret. */
    private static String problem(Error error, List<Object> location) {
        JsonNode instance = error.getInstanceNode();
        boolean secret = location.stream().anyMatch(SECRET_KEYS::contains);
        String shown = secret ? ""
                : instance.isValueNode() && !instance.asText().isEmpty() ? Quoted.of(instance.asText())
                : describe(instance);
        return switch (error.getKeyword()) {
            case "type" -> (error.isCustomMessage() ? error.getMessage() : expectedType(error))
                    + ", not " + (instance.isNumber() && !shown.isEmpty() && wholeNumberExpected(error) ? shown
                    : describe(instance) + quoteHint(error));
            case "enum" -> "must be one of " + StreamSupport.stream(error.getSchemaNode().spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.joining(", "))
                    + (shown.isEmpty() ? "" : " (was " + shown + ")");
            case "pattern", "minimum", "maximum" -> error.getMessage() + (shown.isEmpty() ? "" : ", not " + shown);
            default -> error.getMessage();
        };
    }

    /** The path below the database or query the finding belongs to, e.g. {@code kerberos.ccache}. */
    private static String relativeKey(List<Object> location) {
        Finding at = new Finding(location, "");
        int scope = at.query() >= 0 ? 4 : at.database() >= 0 ? 2 : 0;
        return location.subList(scope, location.size()).stream()
                .map(String::valueOf).collect(Collectors.joining("."));
    }

    private static String unknownKey(String key, String property, List<String> declared) {
        String typed = property.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String closest = declared.stream()
                .min(Comparator.comparingInt(candidate -> distance.apply(typed, candidate)))
                .filter(candidate -> distance.apply(typed, candidate) <= Math.max(1, property.length() / 3))
                .orElse(null);
        return "unknown key '" + key + "'" + (closest != null
                ? " (did you mean '" + closest + "'?)"
                : "; allowed keys: " + String.join(", ", declared));
    }

    /** The keys declared next to the failing keyword, read from the schema itself. */
    private static List<String> declaredKeys(Error error) {
        JsonNode declaring = schemaNodeAt(error.getSchemaLocation().getFragment().getParent());
        List<String> keys = new ArrayList<>();
        if (declaring != null && declaring.get("properties") != null) {
            declaring.get("properties").fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static JsonNode schemaNodeAt(NodePath path) {
        JsonNode node = SCHEMA.getSchemaNode();
        for (Object segment : segments(path)) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get(String.valueOf(segment));
        }
        return node;
    }

    private static String expectedType(Error error) {
        JsonNode type = error.getSchemaNode();
        List<String> expected = new ArrayList<>();
        for (JsonNode each : type.isArray() ? type : List.of(type)) {
            expected.add(switch (each.asText()) {
                case "object" -> {
                    List<String> keys = declaredKeys(error);
                    yield keys.isEmpty() ? "a mapping"
                            : keys.size() == 1 ? "a mapping with key '" + keys.get(0) + "'"
                            : "a mapping with keys " + String.join(", ", keys);
                }
                case "array" -> "a list";
                case "string" -> "text";
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "boolean" -> "true/false";
                default -> "empty";
            });
        }
        return "must be " + String.join(" or ", expected);
    }

    /** YAML turns e.g. 0123 into 83 or yes into true, so a value meant as text must be quoted. */
    private static String quoteHint(Error error) {
        JsonNode instance = error.getInstanceNode();
        boolean textExpected = error.getSchemaNode().toString().contains("\"string\"");
        return textExpected && !wholeNumberExpected(error) && (instance.isNumber() || instance.isBoolean())
                ? "; put the value in quotes" : "";
    }

    /** A number refused where a whole number is expected has a fraction: quoting its value says which. */
    private static boolean wholeNumberExpected(Error error) {
        return error.getSchemaNode().toString().contains("\"integer\"");
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return "empty";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "true/false" : "text";
    }

    private static List<Object> segments(NodePath path) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        return segments;
    }
}
