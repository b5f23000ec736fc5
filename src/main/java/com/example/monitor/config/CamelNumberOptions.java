package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.main.MainHelper;

/**
 * Camel Main's whole-number options ({@code camel.main.shutdown-timeout}, {@code camel.server.port}, ...),
 * checked before Camel binds them. Camel reads a text value for an int or long option through
 * {@code TimeUtils.toMilliSeconds} and casts it: {@code abc}, {@code 1.5} and {@code 12x} all become 0,
 * {@code 30s} becomes 30000 even where the option counts seconds, and 3000000000 wraps round to a
 * negative int, each without a word. The options and their types come from Camel's own catalog in
 * camel-main, so an option Camel adds is covered as it comes.
 */
public final class CamelNumberOptions {

    /** camel-main's configuration metadata: every option of every camel.* group, with its Java type. */
    static final String CATALOG = "META-INF/camel-main-configuration-metadata.json";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    /** What TimeUtils reads as a duration in full; it ignores what does not fit, hence the whole match. */
    private static final Pattern DURATION = Pattern.compile("(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static volatile CamelNumberOptions catalog;

    private final Map<String, NumberOption> byLooseName;

    private CamelNumberOptions(Map<String, NumberOption> byLooseName) {
        this.byLooseName = Map.copyOf(byLooseName);
    }

    /** Camel's catalog, read once, when a camel.* key is first given. */
    public static CamelNumberOptions catalog() {
        CamelNumberOptions loaded = catalog;
        if (loaded == null) {
            loaded = read();
            catalog = loaded;
        }
        return loaded;
    }

    /**
     * What is wrong with {@code value} for the option {@code key} (written in kebab-case or camelCase, as
     * Camel accepts both), or empty when Camel reads it as written, or the key is no whole-number option.
     * The phrase never repeats the value, which the caller may not show.
     */
    public Optional<String> problem(String key, String value) {
        NumberOption option = byLooseName.get(loose(key));
        if (option == null || value.contains("{{") || value.contains("${")) {
            // not ours to judge: Camel resolves a placeholder first, then binds what it gives
            return Optional.empty();
        }
        if (!value.equals(value.strip()) && problem(key, value.strip()).isEmpty()) {
            // a trailing space in application.properties, which java.util.Properties keeps
            return Optional.of("has white space around its value, which Camel keeps and then reads as 0; remove it");
        }
        String text = value;
        if (WHOLE_NUMBER.matcher(text).matches()) {
            return option.range(new BigInteger(text));
        }
        Matcher duration = DURATION.matcher(text);
        if (duration.matches() && option.millis()) {
            return option.range(milliseconds(duration));
        }
        if (duration.matches()) {
            return Optional.of("expects a whole number without a unit: Camel reads a unit as milliseconds,"
                    + " and this option does not count milliseconds");
        }
        return Optional.of(option.millis()
                ? "expects a whole number of milliseconds or a duration such as 500ms, 30s or 5m; Camel would take"
                        + " this value as 0 or fail on it"
                : "expects a whole number; Camel would take this value as 0 or fail on it");
    }

    /**
     * One line per CAMEL_* environment variable that Camel Main would bind to a whole-number option
     * with a value it misreads, found with Camel's own mapping of variable names to options.
     */
    public List<String> environmentProblems() {
        Properties fromEnvironment = MainHelper.loadEnvironmentVariablesAsProperties(new String[] {"camel."});
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(fromEnvironment.stringPropertyNames())) {
            problem(key, fromEnvironment.getProperty(key)).ifPresent(problem -> problems.add("environment variable "
                    + key.toUpperCase(Locale.ROOT).replace('.', '_') + " (Camel's " + key + "): " + problem));
        }
        return problems;
    }

    private static BigInteger milliseconds(Matcher duration) {
        long[] unit = {86_400_000, 3_600_000, 60_000, 1_000, 1};
        BigInteger total = BigInteger.ZERO;
        for (int group = 1; group <= unit.length; group++) {
            String part = duration.group(group);
            if (part != null) {
                BigInteger amount = new BigInteger(part.replaceAll("\\D", ""));
                total = total.add(amount.multiply(BigInteger.valueOf(unit[group - 1])));
            }
        }
        return total;
    }

    private static CamelNumberOptions read() {
        ClassLoader loader = CamelNumberOptions.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is missing from the class path (camel-main)");
            }
            Map<String, NumberOption> options = new HashMap<>();
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                NumberOption.of(property).ifPresent(option -> options.put(loose(property.path("name").asText()), option));
            }
            return new CamelNumberOptions(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOG, e);
        }
    }

    /** As Camel matches option names: without dashes, in any case. */
    private static String loose(String key) {
        return key.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** A whole-number option: its range, and whether Camel's own description says it counts milliseconds. */
    private record NumberOption(BigInteger min, BigInteger max, boolean millis) {

        Optional<String> range(BigInteger number) {
            return number.compareTo(min) < 0 || number.compareTo(max) > 0
                    ? Optional.of("is out of range for this option (" + min + " to " + max
                            + "); Camel would wrap it round without a word")
                    : Optional.empty();
        }

        static Optional<NumberOption> of(JsonNode property) {
            String javaType = property.path("javaType").asText();
            boolean millis = property.path("description").asText().toLowerCase(Locale.ROOT).contains("milli");
            return switch (javaType) {
                case "int", "java.lang.Integer" -> Optional.of(new NumberOption(INT_MIN, INT_MAX, millis));
                case "long", "java.lang.Long" -> Optional.of(new NumberOption(LONG_MIN, LONG_MAX, millis));
                default -> Optional.empty();
            };
        }
    }
}
