package com.example.monitor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads and completely validates databases.yaml before any connection is made: its shape against
 * databases.schema.json, then what only the values show. All problems are collected and thrown
 * together, one line each, so users can fix the file in one pass.
 */
public final class DatabasesFileLoader {
    // duplicate keys are found by StrictYamlParser, all of them; sources stay out of error locations;
    // a key with no value is null, as in YAML, whatever the key that follows it; a number with a fraction
    // stays exactly as written, so 1521.0000000000001 is not taken for the integer 1521
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final EnvironmentSubstitution environment;

    public DatabasesFileLoader() {
        this(System::getenv);
    }

    /** @param environment looks up {@code ${env:NAME}} references; null result = variable not set */
    public DatabasesFileLoader(Function<String, String> environment) {
        this.environment = new EnvironmentSubstitution(environment);
    }

    /**
     * Reads databases.schema.json on a background thread, so the validator's start-up cost (about
     * 0.2 s of CPU) overlaps Camel's start instead of adding to it. {@link #load} waits for it if needed.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                DatabasesSchema.load();
            } catch (RuntimeException | LinkageError e) {
                // the load() on the main thread meets the same failure and reports it
            }
        }, "databases-schema");
        thread.setDaemon(true);
        thread.start();
    }

    /** @throws InvalidConfigurationException listing every problem found */
    public DatabasesConfig load(Path file) {
        Problems problems = new Problems(file.toString());
        Problems.Scope scope = problems.fileScope();
        Optional<JsonNode> root = FileReading.bytes(file, scope::report).flatMap(bytes -> parse(bytes, scope));
        List<DatabaseConfig> databases = root.map(tree -> databases(tree, file, scope)).orElse(List.of());
        if (problems.count() > 0) {
            throw new InvalidConfigurationException(problems.lines());
        }
        return new DatabasesConfig(file, databases);
    }

    private static Optional<JsonNode> parse(byte[] bytes, Problems.Scope scope) {
        // the YAML parser's own error for a bad byte gives a wrong place and a Java exception's text
        if (FileReading.strictUtf8(bytes, problem -> scope.report(problem + "; save the file as UTF-8")).isEmpty()) {
            return Optional.empty();
        }
        try (StrictYamlParser scan = new StrictYamlParser((YAMLParser) YAML.createParser(bytes));
             JsonParser parser = YAML.createParser(bytes)) {
            // every token first, without reading a value: the tree would stop at the first it cannot hold;
            // what the scan found nothing in, the tree then reads as plain YAML
            while (scan.nextToken() != null) {
                // the scan's findings are all it is for
            }
            if (!scan.findings().isEmpty()) {
                scan.findings().forEach(finding -> scope.report(at(finding.location()) + finding.problem()));
                return Optional.empty();
            }
            JsonNode tree = YAML.readTree(parser);
            if (parser.nextToken() != null) {
                scope.report("contains more than one YAML document ('---'); put all databases in one document");
                return Optional.empty();
            }
            if (tree == null || tree.isMissingNode()) {
                scope.report("is empty; expected a mapping with key 'databases'");
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (JsonProcessingException e) {
            scope.report(syntaxError(e));
        } catch (IOException e) {
            scope.report("cannot be parsed (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Only the parser's problem and position: its full message quotes file content, which may hold secrets. */
    private static String syntaxError(JsonProcessingException e) {
        String problem = e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null
                ? yaml.getProblem()
                : e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        problem = problem
                // .inf and .nan have no exact value; the value itself may be a secret written without quotes
                .replaceFirst("^Malformed numeric value .*", "a number with no exact value (.inf or .nan); quote it if it is"
                        + " text");
        return at(e.getLocation()) + "invalid YAML: " + problem;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** The schema's findings first, then per database what only Java can check, so each database's lines stay together. */
    private List<DatabaseConfig> databases(JsonNode root, Path file, Problems.Scope scope) {
        List<DatabasesSchema.Finding> findings = DatabasesSchema.check(root);
        Set<String> refused = findings.stream().map(DatabasesSchema.Finding::pointer).collect(Collectors.toSet());
        findings.stream().filter(finding -> finding.database() < 0).forEach(finding -> scope.report(finding.message()));
        JsonNode list = root.path("databases");
        if (!list.isArray()) {
            return List.of();
        }
        Path baseDirectory = file.toAbsolutePath().normalize().getParent();
        DatabaseEntryReader entryReader = new DatabaseEntryReader(new ConfigFileContext(baseDirectory, environment, refused));
        List<DatabaseConfig> databases = new ArrayList<>();
        List<Runnable> leftOut = new ArrayList<>();
        for (int position = 1; position <= list.size(); position++) {
            JsonNode entry = list.get(position - 1);
            Problems.Scope databaseScope = scope.database(Problems.label("database", entry, position));
            for (DatabasesSchema.Finding finding : findings) {
                if (finding.database() == position - 1) {
                    int query = finding.query();
                    (query < 0 ? databaseScope
                            : databaseScope.query(Problems.label("query", entry.path("sql_queries").get(query), query + 1)))
                            .report(finding.message());
                }
            }
            Optional<DatabaseConfig> database = entryReader.read(entry, position, databaseScope);
            database.ifPresent(databases::add);
            leftOut.add(() -> reportIfLeftOut(entry, database, databaseScope));
        }
        if (scope.problems().count() == 0) {
            leftOut.forEach(Runnable::run);
        }
        return databases;
    }

    /**
     * Every entry becomes a database with all its queries, or at least one problem line says why not: a
     * monitor that silently stops watching a database is worse than none. Reaching this line means a
     * check above let an entry go without naming the reason.
     */
    private static void reportIfLeftOut(JsonNode entry, Optional<DatabaseConfig> database, Problems.Scope scope) {
        String bug = " (no check named why: please report this as a bug); a run never leaves it out";
        if (database.isEmpty()) {
            scope.report("cannot be read" + bug);
            return;
        }
        int written = entry.path("sql_queries").size();
        if (database.get().queries().size() != written) {
            scope.report("only " + database.get().queries().size() + " of its " + written + " queries can be read"
                    + bug);
        }
    }
}
