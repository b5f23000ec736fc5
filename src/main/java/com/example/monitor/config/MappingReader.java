package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed, problem-reporting access to one YAML mapping. Values are checked by hand (not data-bound)
 * so every unknown, missing or mistyped key can be reported with its exact path.
 */
final class MappingReader {
    /** A resolved string and the text as written in the file; messages quote only the latter. */
    record Text(String value, String raw) {
        String shown() {
            return "'" + raw + "'";
        }
    }

    private final JsonNode mapping;
    private final Problems.Scope scope;
    private final EnvironmentSubstitution environment;
    private final String keyPrefix;

    MappingReader(JsonNode mapping, Problems.Scope scope, EnvironmentSubstitution environment,
                  String keyPrefix, List<String> allowedKeys) {
        this.mapping = mapping;
        this.scope = scope;
        this.environment = environment;
        this.keyPrefix = keyPrefix;
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                scope.report("unknown key '" + path(name) + "'; allowed keys: " + String.join(", ", allowedKeys));
            }
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return "empty";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "true/false" : "text";
    }

    String path(String key) {
        return keyPrefix + key;
    }

    boolean has(String key) {
        return mapping.has(key);
    }

    JsonNode node(String key) {
        return mapping.get(key);
    }

    void report(String key, String message) {
        scope.report(path(key), message);
    }

    void reportMissing(String key, String why) {
        scope.report("missing required key '" + path(key) + "'" + why);
    }

    Optional<Text> text(String key, boolean required) {
        JsonNode node = mapping.get(key);
        if (node == null) {
            if (required) {
                reportMissing(key, "");
            }
            return Optional.empty();
        }
        if (node.isNull()) {
            report(key, "has no value");
            return Optional.empty();
        }
        if (!node.isTextual()) {
            // YAML silently turns e.g. 0123 into 83 or yes into true, so a non-text value is refused, not converted
            report(key, "must be text, not " + describe(node)
                    + (node.isValueNode() ? "; put the value in quotes" : ""));
            return Optional.empty();
        }
        return resolvedText(key, node.textValue());
    }

    Optional<String> string(String key, boolean required) {
        return text(key, required).map(Text::value);
    }

    /** Numbers may also be written as text, which is what a {@code ${env:...}} reference yields. */
    Optional<Integer> integer(String key, int min, int max, String expectation) {
        JsonNode node = mapping.get(key);
        if (node == null) {
            return Optional.empty();
        }
        Optional<Text> text;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            text = Optional.of(new Text(node.asText(), node.asText()));
        } else if (node.isTextual()) {
            text = resolvedText(key, node.textValue());
        } else if (node.isValueNode() && !node.isNull()) {
            text = Optional.of(new Text("", node.asText()));
        } else {
            report(key, "must be " + expectation + ", not " + describe(node));
            return Optional.empty();
        }
        return text.flatMap(value -> {
            Integer number = parseInt(value.value().strip());
            if (number == null || number < min || number > max) {
                report(key, "must be " + expectation + ", not " + value.shown());
                return Optional.empty();
            }
            return Optional.of(number);
        });
    }

    Optional<Duration> duration(String key) {
        JsonNode node = mapping.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isNull()) {
            report(key, "must be a duration such as 15s, not " + describe(node));
            return Optional.empty();
        }
        Optional<Text> text = node.isTextual()
                ? resolvedText(key, node.textValue())
                : Optional.of(new Text(node.asText(), node.asText()));
        return text.flatMap(value -> {
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
        JsonNode node = mapping.get(key);
        if (node.isNull() || !node.isValueNode()) {
            report(key, "must be a single value, not " + describe(node));
            return Optional.empty();
        }
        return node.isTextual() ? environment.resolve(node.textValue(), scope, path(key)) : Optional.of(node.asText());
    }

    private Optional<Text> resolvedText(String key, String raw) {
        return environment.resolve(raw, scope, path(key)).flatMap(value -> {
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
