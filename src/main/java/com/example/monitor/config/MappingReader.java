package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The values of one YAML mapping, after the schema has checked its keys and types: resolves
 * {@code ${env:...}} and reports what only the resolved value shows. A value the schema refused
 * (its pointer is in {@code refused}) reads as absent, so it is reported once, by the schema.
 */
final class MappingReader {
    /** A resolved string and the text as written in the file; messages quote only the latter. */
    record Text(String value, String raw) {
        String shown() {
            return Quoted.of(raw);
        }
    }

    private final JsonNode mapping;
    private final String pointer;
    private final Set<String> refused;
    private final Problems.Scope scope;
    private final EnvironmentSubstitution environment;
    private final String keyPrefix;

    /** @param pointer where the mapping is in the file, e.g. {@code /databases/0}; keys append to it */
    MappingReader(JsonNode mapping, String pointer, Set<String> refused, Problems.Scope scope,
                  EnvironmentSubstitution environment, String keyPrefix) {
        this.mapping = mapping;
        this.pointer = pointer;
        this.refused = refused;
        this.scope = scope;
        this.environment = environment;
        this.keyPrefix = keyPrefix;
    }

    String pointer(String key) {
        return pointer + "/" + key;
    }

    boolean has(String key) {
        return mapping.has(key);
    }

    /** The value the schema accepted, or null when it is absent or refused. */
    JsonNode node(String key) {
        return refused.contains(pointer(key)) ? null : mapping.get(key);
    }

    void report(String key, String message) {
        scope.report(keyPrefix + key, message);
    }

    Optional<Text> text(String key) {
        JsonNode node = node(key);
        return node != null && node.isTextual() ? resolvedText(key, node.textValue()) : Optional.empty();
    }

    Optional<String> string(String key) {
        return text(key).map(Text::value);
    }

    /** Text that is not resolved: for values the schema matches exactly, such as names and enums. */
    Optional<String> literal(String key) {
        JsonNode node = node(key);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /**
     * A whole number within bounds. JSON Schema counts {@code 1521.0} or {@code 2.0e0} as the integer it
     * equals, and the schema check does too, so such a value is used exactly. A number written as text
     * (what {@code ${env:...}} yields) is checked here once resolved.
     */
    Optional<Integer> integer(String key, int min, int max, String expectation) {
        JsonNode node = node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return within(key, exactInteger(node), min, max, expectation, Quoted.of(node.asText()));
        }
        if (!node.isTextual()) {
            report(key, "must be " + expectation + ", not " + DatabasesSchema.describe(node));
            return Optional.empty();
        }
        return text(key).flatMap(value ->
                within(key, parseInt(value.value().strip()), min, max, expectation, value.shown()));
    }

    Optional<Duration> duration(String key) {
        return duration(key, Durations::parse);
    }

    /** A duration counted in whole seconds, as a query timeout is ({@link Durations#wholeSeconds}). */
    Optional<Duration> wholeSeconds(String key) {
        return duration(key, Durations::wholeSeconds);
    }

    /** @param parse the text and how messages show it (its {@code ${env:...}} reference, never its value) */
    private Optional<Duration> duration(String key, BiFunction<String, String, Duration> parse) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(parse.apply(value.value(), value.raw()));
            } catch (IllegalArgumentException e) {
                report(key, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** For values that may be any scalar (driver properties): numbers and booleans become their text. */
    Optional<String> scalar(String key) {
        JsonNode node = node(key);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        return node.isTextual() ? environment.resolve(node.textValue(), scope, keyPrefix + key)
                : Optional.of(node.asText());
    }

    private Optional<Text> resolvedText(String key, String raw) {
        return environment.resolve(raw, scope, keyPrefix + key).flatMap(value -> {
            if (value.isBlank()) {
                report(key, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(new Text(value, raw));
        });
    }

    private Optional<Integer> within(String key, Integer number, int min, int max, String expectation,
                                     String shown) {
        if (number == null || number < min || number > max) {
            report(key, "must be " + expectation + ", not " + shown);
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** The same test the schema validator makes ({@link JsonNode#canConvertToExactIntegral}). */
    private static Integer exactInteger(JsonNode number) {
        if (!number.canConvertToExactIntegral()) {
            return null;
        }
        try {
            return number.decimalValue().intValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
