package com.example.monitor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Reads and validates every declared {@link Setting}, and refuses {@code monitor.*} keys that are not
 * declared, collecting all problems at once.
 */
public final class MonitorSettingsReader {

    /** How Camel names a {@code {{env:NAME}}} it could not resolve, in its exception's message. */
    private static final Pattern CAMEL_ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");

    private final Function<String, Optional<String>> properties;
    private final List<SettingSource> sources;
    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final EnvironmentSubstitution environment;
    private final Map<String, String> substituted = new HashMap<>();

    /**
     * {@code sources} are the places keys were written, only to find unknown ones; values come from
     * {@code properties} (Camel's, which resolve {@code {{env:NAME}}}), and their {@code ${env:NAME}}
     * from {@code environment}.
     */
    public MonitorSettingsReader(Function<String, Optional<String>> properties, List<SettingSource> sources,
                                 Function<String, String> environment) {
        this.properties = properties;
        this.sources = List.copyOf(sources);
        this.environment = new EnvironmentSubstitution(environment);
    }

    public MonitorSettingsReader(Function<String, Optional<String>> properties, List<SettingSource> sources) {
        this(properties, sources, System::getenv);
    }

    public MonitorSettingsReader(Function<String, Optional<String>> properties) {
        this(properties, List.of());
    }

    /**
     * The values as Camel resolves them, {@code {{env:NAME}}} included. Camel's own lookup answers an
     * unset variable as if the key were not set at all, so the key is parsed as a placeholder instead:
     * an unset variable then fails, and the reader reports it.
     */
    public static Function<String, Optional<String>> camelProperties(PropertiesComponent properties) {
        return key -> {
            try {
                return Optional.of(properties.parseUri(PropertiesComponent.PREFIX_TOKEN + key
                        + PropertiesComponent.SUFFIX_TOKEN));
            } catch (IllegalArgumentException e) {
                if (String.valueOf(e.getMessage()).contains("[" + key + "] not found")) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }

    public MonitorSettings read() {
        for (SettingSource source : sources) {
            source.keys().stream().sorted()
                    .forEach(key -> Setting.unknownKeyProblem(source.name(), key).ifPresent(problems::add));
        }
        Setting.all().forEach(this::parse);
        checkHttpExposure();
        checkFoldersApart();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        SettingValues parsed = new SettingValues(values);
        ZoneId zone = parsed.get(Setting.ZONE).orElseGet(ZoneId::systemDefault);
        return new MonitorSettings(value(parsed, Setting.DATABASES_FILE),
                new StartDatePolicy(value(parsed, Setting.START_DATE), value(parsed, Setting.LOOKBACK_DAYS), zone),
                value(parsed, Setting.OUTPUT_DIR), value(parsed, Setting.MAX_PARALLEL_DATABASES),
                value(parsed, Setting.CONNECT_TIMEOUT), value(parsed, Setting.QUERY_TIMEOUT),
                value(parsed, Setting.FETCH_SIZE), value(parsed, Setting.MODE), value(parsed, Setting.SCHEDULE),
                value(parsed, Setting.INBOX_DIR), value(parsed, Setting.INBOX_READ_LOCK_INTERVAL),
                value(parsed, Setting.RESULTS), parsed);
    }

    /**
     * After {@link #read()}, even one that found problems: databases.yaml's path, when its setting was
     * read without one, so that its problems can be reported with the settings' at once.
     */
    public Optional<Path> databasesFile() {
        return Optional.ofNullable((Path) values.get(Setting.DATABASES_FILE));
    }

    /**
     * After {@link #read()}: each key whose value had a {@code ${env:NAME}}, with the value resolved,
     * so that a route reading {@code {{monitor.x}}} sees what the settings saw.
     */
    public Map<String, String> substituted() {
        return Map.copyOf(substituted);
    }

    /** A server reachable from the network must not let anyone start and cancel runs. */
    private void checkHttpExposure() {
        boolean service = values.get(Setting.MODE) == RunMode.SERVICE;
        boolean portGiven = properties.apply(Setting.HTTP_PORT.key()).filter(v -> !v.isBlank()).isPresent();
        Secret token = (Secret) values.get(Setting.HTTP_TOKEN);
        String host = (String) values.getOrDefault(Setting.HTTP_HOST, HttpSettings.DEFAULT_HOST);
        if (service && portGiven && (token == null || token.value().isEmpty()) && !HttpSettings.isLoopback(host)) {
            problems.add(Setting.HTTP_HOST.key() + ": '" + host + "' is reachable from the network; set "
                    + Setting.HTTP_TOKEN.key() + " (from the environment: {{env:MONITOR_HTTP_TOKEN}}) or bind to 127.0.0.1");
        }
        if (service && portGiven && !HttpSettings.isLoopback(host) && ((List<?>) values.getOrDefault(Setting.HTTP_ALLOWED_HOSTS, List.of())).isEmpty()) {
            problems.add(Setting.HTTP_ALLOWED_HOSTS.key() + ": the server listens on '" + host + "', beyond this"
                    + " machine; list the names clients reach it by (monitor.example.com), or * for any");
        }
    }

    /**
     * Requests and reports need folders of their own: an inbox that is, holds or lies in the output folder
     * would take every report for a request. Compared as the file system resolves them, links included.
     */
    private void checkFoldersApart() {
        Path inbox = (Path) values.get(Setting.INBOX_DIR);
        Path output = (Path) values.get(Setting.OUTPUT_DIR);
        if (inbox == null || output == null) {
            return;
        }
        Path inboxResolved = resolved(inbox);
        Path outputResolved = resolved(output);
        String where = inboxResolved.equals(outputResolved) ? "is the output folder"
                : inboxResolved.startsWith(outputResolved) ? "is inside the output folder"
                : outputResolved.startsWith(inboxResolved) ? "holds the output folder" : null;
        if (where != null) {
            problems.add(Setting.INBOX_DIR.key() + ": " + inbox.toAbsolutePath() + " " + where + " ("
                    + Setting.OUTPUT_DIR.key() + "=" + output.toAbsolutePath() + "); give requests and reports"
                    + " folders apart");
        }
    }

    /** The real path of the part that exists (links followed), with the rest of the path after it. */
    private static Path resolved(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The value, or {@code null} when the setting is empty. */
    private static <T> T value(SettingValues parsed, Setting<T> setting) {
        return parsed.get(setting).orElse(null);
    }

    private void parse(Setting<?> setting) {
        String text = text(setting);
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            values.put(setting, setting.parser().apply(text));
        } catch (IllegalArgumentException e) {
            problems.add(setting.key() + ": " + e.getMessage());
        }
    }

    /**
     * The setting's text with every environment reference resolved, its default when it is empty, or
     * null after a problem. Neither form of reference is ever taken as a value: an unset variable is
     * a problem naming it, and so is a {@code ${...}} that is not {@code ${env:NAME}}. The value is
     * never quoted, since it may be a secret.
     */
    private String text(Setting<?> setting) {
        Optional<String> given;
        try {
            given = properties.apply(setting.key());
        } catch (RuntimeException e) {
            Matcher unset = CAMEL_ENV.matcher(String.valueOf(e.getMessage()));
            problems.add(setting.key() + ": " + (unset.find() ? "environment variable " + unset.group(1) + " is not set"
                    : "cannot be resolved: " + e.getMessage()));
            return null;
        }
        String raw = given.map(String::trim).filter(v -> !v.isEmpty()).orElse(setting.defaultValue());
        List<String> unresolved = new ArrayList<>();
        Optional<String> resolved = environment.resolve(raw, unresolved::add);
        unresolved.forEach(message -> problems.add(setting.key() + ": " + message));
        if (resolved.isEmpty()) {
            return null;
        }
        if (!resolved.get().equals(raw)) {
            substituted.put(setting.key(), resolved.get());
        }
        if (raw.replaceAll("\\$\\{env:[^}]*}", "").contains("${")) {
            problems.add(setting.key() + ": a '${...}' that is not ${env:NAME}; write ${env:NAME} or {{env:NAME}}"
                    + " for an environment variable");
            return null;
        }
        return resolved.get().trim().isEmpty() ? setting.defaultValue() : resolved.get().trim();
    }
}
