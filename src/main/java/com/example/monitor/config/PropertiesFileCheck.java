package com.example.monitor.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The operator's application.properties, read before Camel reads it, to refuse what Camel would take
 * without a word: a second value for a key (Camel keeps the last), or bytes that are not UTF-8 (Camel
 * reads the file as UTF-8, see the wiring, and would put U+FFFD in the value). A FIFO, a folder or a
 * huge file is refused without being opened, as databases.yaml is.
 */
public final class PropertiesFileCheck {

    private PropertiesFileCheck() {
    }

    /** One phrase per problem, each naming the file; empty when the file is absent or may be loaded. */
    public static List<String> problems(Path file) {
        List<String> problems = new ArrayList<>();
        Path absolute = file.toAbsolutePath().normalize();
        read(file, problems::add).ifPresent(keys -> {
            keys.twice().forEach(key -> problems.add(absolute + ": " + key
                    + " is given twice; keep one (Camel would take the last without a word)"));
            keys.camelProblems().forEach(problem -> problems.add(absolute + ": " + problem));
        });
        return problems;
    }

    /** The keys written in the file, to name it when Camel refuses one of them; empty when it cannot be read. */
    public static Set<String> keys(Path file) {
        return read(file, ignored -> { }).map(Keys::all).orElse(Set.of());
    }

    /** The file's keys and values, to check what Camel resolves in them; empty when it cannot be read. */
    public static Map<String, String> values(Path file) {
        return read(file, ignored -> { }).map(keys -> {
            Map<String, String> values = new TreeMap<>();
            keys.values().stringPropertyNames().forEach(key -> values.put(key, keys.values().getProperty(key)));
            return values;
        }).orElse(Map.of());
    }

    private static Optional<Keys> read(Path file, Consumer<String> onProblem) {
        Optional<String> refusal = FileReading.refusalOfOptional(file);
        if (refusal.isPresent()) {
            onProblem.accept(refusal.get());
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return FileReading.utf8Text(file, onProblem).flatMap(text -> {
            try {
                return Optional.of(Keys.of(text));
            } catch (IllegalArgumentException e) {
                // java.util.Properties' words for a bad \\uXXXX escape, which Camel would fail on too
                onProblem.accept(file.toAbsolutePath().normalize() + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private record Keys(Properties values, Set<String> twice) {

        Set<String> all() {
            return values.stringPropertyNames();
        }

        /** "key: problem" for each camel.* key Camel would ignore or whose value it would misread, in key order. */
        List<String> camelProblems() {
            List<String> problems = new ArrayList<>();
            all().stream().filter(key -> key.startsWith("camel.")).sorted()
                    .forEach(key -> CamelOptions.catalog().keyOrValueProblem(key, values.getProperty(key))
                            .ifPresent(problem -> problems.add(key + ": " + problem)));
            return problems;
        }

        /** java.util.Properties' own parser, for its escapes and continuation lines, noting a key put twice. */
        static Keys of(String text) {
            Set<String> twice = new LinkedHashSet<>();
            // a Camel option under two spellings (shutdown-timeout, shutdownTimeout) is one option given twice
            Set<String> camelOptions = new HashSet<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object before = super.put(key, value);
                    String name = String.valueOf(key);
                    boolean camelTwice = name.startsWith("camel.")
                            && !camelOptions.add(CamelOptions.catalog().canonicalName(name).orElse(name));
                    if (before != null || camelTwice) {
                        twice.add(name);
                    }
                    return before;
                }
            };
            try {
                properties.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException("a StringReader does not fail", e);
            }
            return new Keys(properties, twice);
        }
    }
}
