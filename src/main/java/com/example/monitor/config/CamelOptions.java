package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.util.StringHelper;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Camel Main's own options, from its catalog: the name Camel binds a key to, the keys Camel would ignore,
 * and the values of its whole-number options ({@code camel.main.shutdown-timeout}, {@code camel.server.port},
 * ...) that Camel would misread, each checked before Camel binds them. Camel reads a text value for an int or long option through
 * {@code TimeUtils.toMilliSeconds} and casts it: {@code abc}, {@code 1.5} and {@code 12x} all become 0,
 * {@code 30s} becomes 30000 even where the option counts seconds, and 3000000000 wraps round to a
 * negative int, each without a word. The options and their types come from Camel's own catalog in
 * camel-main, so an option Camel adds is covered as it comes.
 */
public final class CamelOptions {

    /**
     * The sections of {@code camel.*} that Camel Main reads (BaseMainSupport, 4.18) after turning dashes
     * into camelCase: these as written, where a key in another case is ignored without a word ...
     */
    private static final Set<String> SECTIONS_AS_WRITTEN = Set.of("main", "startupcondition", "component", "dataformat",
            "language");
    /** ... and these in any case; kamelet and jbang are read by Camel's Kamelet component and by Camel JBang. */
    private static final Set<String> SECTIONS_ANY_CASE = Set.of("context", "resilience4j", "faulttolerance", "rest",
            "vault", "threadpool", "health", "lra", "opentelemetry2", "opentelemetry", "telemetrydev", "mdc", "metrics",
            "routetemplate", "devconsole", "variable", "beans", "globaloptions", "server", "management", "ssl", "debug",
            "trace", "routecontroller", "kamelet", "jbang");

    /** camel-main's configuration metadata: every option of every camel.* group, with its Java type. */
    static final String CATALOG = "META-INF/camel-main-configuration-metadata.json";
    /**
     * Options whose value below a least one Camel Main skips, keeping its own default in its place:
     * {@code shutdown-timeout} 0 or -5 would leave a stop waiting Camel's 45 s for a hung run, not the
     * operator's seconds ({@code DefaultConfigurationConfigurer} sets it only when positive).
     */
    private static final Map<String, Long> IGNORED_BELOW = Map.of("camel.main.shutdownTimeout", 1L);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    /** What TimeUtils reads as a duration in full; it ignores what does not fit, hence the whole match. */
    private static final Pattern DURATION = Pattern.compile("(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Kubernetes' service variables, which Camel Main skips (MainHelper). */
    private static final Pattern KUBERNETES_VARIABLE = Pattern.compile(".*(_SERVICE_HOST|_SERVICE_PORT|_PORT|_PORT_.*)");

    private static volatile CamelOptions catalog;

    /** Each group (camel.main, camel.vault.aws, ...) by its loose option names; longest group first. */
    private final Map<String, Map<String, CatalogOption>> groups;

    private CamelOptions(Map<String, Map<String, CatalogOption>> groups) {
        Map<String, Map<String, CatalogOption>> longestFirst = new TreeMap<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        groups.forEach((group, options) -> longestFirst.put(group, Map.copyOf(options)));
        this.groups = longestFirst;
    }

    /** Camel's catalog, read once, when a camel.* key is first given. */
    public static CamelOptions catalog() {
        CamelOptions loaded = catalog;
        if (loaded == null) {
            loaded = read();
            catalog = loaded;
        }
        return loaded;
    }

    /**
     * The option's name as Camel's catalog writes it ({@code camel.main.shutdownTimeout}) for any spelling
     * Camel binds to it: kebab-case, camelCase, dots, or an environment variable's underscores.
     */
    public Optional<String> canonicalName(String key) {
        return option(key).map(CatalogOption::name);
    }

    /**
     * What is wrong with {@code value} for the option {@code key}, or empty when Camel reads it as written,
     * the key is no whole-number option, or the value holds a {{placeholder}} (checked once Camel resolves
     * it, by the wiring). The phrase never repeats the value, which the caller may not show.
     */
    public Optional<String> problem(String key, String value) {
        Optional<CatalogOption> catalogOption = option(key);
        Optional<NumberOption> found = catalogOption.flatMap(CatalogOption::number);
        if (found.isEmpty() || value.contains("{{")) {
            return Optional.empty();
        }
        NumberOption option = found.get();
        if (!value.equals(value.strip()) && problem(key, value.strip()).isEmpty()) {
            // a trailing space in application.properties, which java.util.Properties keeps
            return Optional.of("has white space around its value, which Camel keeps and then reads as 0; remove it");
        }
        if (WHOLE_NUMBER.matcher(value).matches()) {
            BigInteger number = new BigInteger(value);
            return option.range(number).or(() -> ignoredBelowProblem(catalogOption.get().name(), number));
        }
        Matcher duration = DURATION.matcher(value);
        if (duration.matches() && option.millis()) {
            return option.range(milliseconds(duration));
        }
        if (duration.matches()) {
            return Optional.of("expects a whole number without a unit: Camel reads a unit as milliseconds,"
                    + " and this option does not count milliseconds");
        }
        return Optional.of(option.millis()
                ? "expects a whole number of milliseconds or a duration such as 500ms, 30s or 5m (Camel reads"
                        + " other text its own way: abc as 0)"
                : "expects a whole number (Camel reads other text its own way: abc as 0, 30s as 30000)");
    }

    private static Optional<String> ignoredBelowProblem(String option, BigInteger number) {
        Long least = IGNORED_BELOW.get(option);
        return least == null || number.compareTo(BigInteger.valueOf(least)) >= 0 ? Optional.empty()
                : Optional.of("must be at least " + least + ": Camel ignores a smaller value without a word and keeps"
                        + " its own default");
    }

    /**
     * What is wrong with a {@code camel.*} key and its value as written (an argument, a properties file,
     * a system property): a key Camel would ignore, an option Camel does not have, or a value it would
     * misread, the first that applies.
     */
    public Optional<String> keyOrValueProblem(String key, String value) {
        return ignoredKeyProblem(key).or(() -> unknownOptionProblem(key)).or(() -> problem(key, value));
    }

    /**
     * "Camel has no such option" for a key under one of the catalog's groups that names none of its
     * options, found before Camel starts so that it is reported with every other problem at once (Camel
     * itself stops at the first). Only a plain {@code group.option} key is judged: an indexed or deeper
     * one ({@code camel.threadpool.config[x].pool-size}, a map option's {@code camel.rest.api-property.x})
     * is left to Camel.
     */
    public Optional<String> unknownOptionProblem(String key) {
        String camelKey = StringHelper.dashToCamelCase(key, true);
        Optional<Map.Entry<String, Map<String, CatalogOption>>> group = group(camelKey);
        if (group.isEmpty() || camelKey.contains("[")) {
            return Optional.empty();
        }
        String option = camelKey.substring(group.get().getKey().length() + 1);
        return option.contains(".") || group.get().getValue().containsKey(loose(option)) ? Optional.empty()
                : Optional.of("Camel has no such option");
    }

    /**
     * What is wrong with a {@code camel.*} key Camel would ignore without a word: a section Camel does not
     * read that is one typing slip from one it does ({@code camel.mian.name}, {@code camel.MAIN.name},
     * {@code camel.startup-condition.timeout}). A section far from all of Camel's is left alone: a Camel
     * extension of its own may read it.
     */
    public Optional<String> ignoredKeyProblem(String key) {
        if (!key.startsWith("camel.")) {
            return Optional.empty();
        }
        String written = key.substring("camel.".length()).split("[.\\[]", 2)[0];
        String section = StringHelper.dashToCamelCase(written);
        if (SECTIONS_AS_WRITTEN.contains(section) || SECTIONS_ANY_CASE.contains(section.toLowerCase(Locale.ROOT))
                || section.regionMatches(true, 0, "routeTemplate", 0, "routeTemplate".length())) {
            return Optional.empty();
        }
        String lower = section.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Comparator<String> nearestFirst = Comparator.comparingInt(known -> distance.apply(known.toLowerCase(Locale.ROOT), lower));
        return Stream.concat(SECTIONS_AS_WRITTEN.stream(), SECTIONS_ANY_CASE.stream())
                .filter(known -> distance.apply(known.toLowerCase(Locale.ROOT), lower) <= (lower.length() < 4 ? 1 : 2))
                .min(nearestFirst.thenComparing(Comparator.naturalOrder()))
                .map(known -> "Camel reads no camel." + written + ".* options and would ignore this key without a word;"
                        + " did you mean camel." + known + key.substring("camel.".length() + written.length()) + "?");
    }

    /**
     * One line per CAMEL_* environment variable that Camel Main would bind to a whole-number option with a
     * value it misreads. Camel's mapping: upper-cased, Kubernetes' service variables left out, then
     * lower-case with dots for underscores, which the option lookup then takes like any spelling.
     */
    public List<String> environmentProblems(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(environment).forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.US);
            if (upper.startsWith("CAMEL_") && !KUBERNETES_VARIABLE.matcher(upper).matches()) {
                problem(upper.toLowerCase(Locale.US).replace('_', '.'), value)
                        .ifPresent(problem -> problems.add("environment variable " + name + ": " + problem));
            }
        });
        return problems;
    }

    /** One line per camel.* JVM system property ({@code -Dcamel.main...}) Camel would misread. */
    public List<String> systemPropertyProblems(Properties system) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(system).forEach((key, value) -> {
            if (key instanceof String name && name.startsWith("camel.") && value instanceof String text) {
                keyOrValueProblem(name, text)
                        .ifPresent(problem -> problems.add("system property -D" + name + ": " + problem));
            }
        });
        return problems;
    }

    /**
     * The catalog's option under the key's group, the group matched as Camel matches it: dashes turned into
     * camelCase, then camel.main and camel.startupcondition as written and the others in any case.
     */
    private Optional<CatalogOption> option(String key) {
        String camelKey = StringHelper.dashToCamelCase(key, true);
        return group(camelKey).map(group -> group.getValue().get(loose(camelKey.substring(group.getKey().length() + 1))));
    }

    private Optional<Map.Entry<String, Map<String, CatalogOption>>> group(String camelKey) {
        for (Map.Entry<String, Map<String, CatalogOption>> group : groups.entrySet()) {
            String prefix = group.getKey() + ".";
            String section = prefix.substring("camel.".length(), prefix.indexOf('.', "camel.".length()));
            boolean ignoreCase = !SECTIONS_AS_WRITTEN.contains(section);
            if (camelKey.regionMatches(ignoreCase, 0, prefix, 0, prefix.length())) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
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

    private static CamelOptions read() {
        ClassLoader loader = CamelOptions.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is missing from the class path (camel-main)");
            }
            JsonNode metadata = new ObjectMapper().readTree(in);
            Map<String, Map<String, CatalogOption>> groups = new HashMap<>();
            for (JsonNode group : metadata.path("groups")) {
                groups.put(group.path("name").asText(), new HashMap<>());
            }
            for (JsonNode property : metadata.path("properties")) {
                String name = property.path("name").asText();
                int dot = name.lastIndexOf('.');
                if (dot > 0) {
                    groups.computeIfAbsent(name.substring(0, dot), group -> new HashMap<>())
                            .put(loose(name.substring(dot + 1)), new CatalogOption(name, NumberOption.of(property)));
                }
            }
            return new CamelOptions(groups);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOG, e);
        }
    }

    /** As Camel matches an option within its group: any case, with or without dashes, dots or underscores. */
    private static String loose(String option) {
        return option.replaceAll("[-._]", "").toLowerCase(Locale.ROOT);
    }

    private record CatalogOption(String name, Optional<NumberOption> number) {
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
