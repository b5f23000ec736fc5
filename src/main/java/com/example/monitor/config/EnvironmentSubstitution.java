package com.example.monitor.config;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces every {@code ${env:NAME}} in a string value; unset variables are reported, never guessed. */
final class EnvironmentSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([^}]*)}");
    private static final String UNCLOSED = "${env:";

    private final Function<String, String> environment;

    EnvironmentSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Empty when at least one reference could not be resolved (each one is reported). */
    Optional<String> resolve(String raw, Problems.Scope scope, String key) {
        return resolve(raw, message -> scope.report(key, message));
    }

    /** The same, each problem given to {@code report} as a message without its key. */
    Optional<String> resolve(String raw, Consumer<String> report) {
        Matcher matcher = REFERENCE.matcher(raw);
        StringBuilder resolved = new StringBuilder();
        boolean complete = true;
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String value = name.isEmpty() ? null : environment.apply(name);
            if (name.isEmpty()) {
                report.accept("'${env:}' names no environment variable");
                complete = false;
            } else if (value == null) {
                report.accept("environment variable " + name + " is not set");
                complete = false;
            } else {
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(resolved);
        // a typo, not a password: taken as text it would be sent to the server as the secret itself
        if (REFERENCE.matcher(raw).replaceAll("").contains(UNCLOSED)) {
            report.accept("'" + UNCLOSED + "' has no closing '}'");
            complete = false;
        }
        return complete ? Optional.of(resolved.toString()) : Optional.empty();
    }
}
