package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The values of one YAML mapping, after the schema has checked its keys and types: resolves
 * {@code ${env:...}} and reports what only the resolved value shows. A value the schema refused
 * (its pointer is in {@code refused}) reads as absent, so it is reported once, by the schema.
 */
final class MappingReader {
    /** A resolved string and the text as written in the file; messages quote only the latter. */
    record Text(String value, String raw) {
        String shown() {
            return "'" + raw + "'";
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

    /** A number written as text (what {@code ${env:...}} yields) is checked here once resolved. */
    Optional<Integer> integer(String key, int min, int max, String expectation) {
        JsonNode node = node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        return text(key).flatMap(value -> {
            Integer number = parseInt(value.value().strip());
            if (number == null || number < min || number > max) {
                report(key, "must be " + expectation + ", not " + value.shown());
                return Optional.empty();
            }
            return Optional.of(number);
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(Durations.parse(value.value(), value.raw()));
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

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
