package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates the entries of the {@code databases} list and turns valid ones into {@link DatabaseConfig}. */
final class DatabaseEntryReader {
    static final List<String> KEYS = List.of("name", "url", "host", "port", "service_name", "auth", "username",
            "password", "kerberos", "connect_timeout", "properties", "sql_queries");
    static final List<String> KERBEROS_KEYS = List.of("ccache", "krb5_conf", "principal", "keytab");
    static final int DEFAULT_PORT = 1521;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern KERBEROS_URL = Pattern.compile("jdbc:(oracle|postgresql):");

    private final Path baseDirectory;
    private final EnvironmentSubstitution environment;
    private final Problems.Scope fileScope;
    private final Map<String, Integer> positionByName = new HashMap<>();

    DatabaseEntryReader(Path baseDirectory, EnvironmentSubstitution environment, Problems.Scope fileScope) {
        this.baseDirectory = baseDirectory;
        this.environment = environment;
        this.fileScope = fileScope;
    }

    /** @param position 1-based, used to name databases that have no usable name */
    Optional<DatabaseConfig> read(JsonNode entry, int position) {
        JsonNode rawName = entry.get("name");
        Problems.Scope scope = fileScope.database(rawName != null && rawName.isTextual()
                ? "database '" + rawName.textValue() + "'"
                : "database #" + position);
        if (!entry.isObject()) {
            scope.report("must be a mapping with keys " + String.join(", ", KEYS) + ", not "
                    + MappingReader.describe(entry));
            return Optional.empty();
        }
        int problemsBefore = scope.problems().count();
        MappingReader reader = new MappingReader(entry, scope, environment, "", KEYS);

        Optional<String> name = reader.text("name", true).flatMap(text -> checkedName(reader, text, position));
        Optional<String> url = url(reader, scope);
        Optional<AuthMode> auth = reader.text("auth", true).flatMap(text -> authMode(reader, text));
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        KerberosConfig kerberos = null;
        if (auth.isEmpty() || auth.get() == AuthMode.PASSWORD) {
            boolean required = auth.isPresent();
            username = reader.string("username", required);
            password = reader.string("password", required);
            if (required && reader.has("kerberos")) {
                reader.report("kerberos", "only allowed with auth: kerberos; remove it or use auth: kerberos");
            }
        } else {
            rejectCredentials(reader, scope);
            kerberos = kerberos(reader, scope);
        }
        Optional<Duration> connectTimeout = reader.duration("connect_timeout");
        Map<String, String> properties = properties(reader, scope);
        List<QueryConfig> queries = queries(reader, scope);

        if (auth.orElse(null) == AuthMode.KERBEROS && url.isPresent() && !KERBEROS_URL.matcher(url.get()).lookingAt()) {
            reader.report("auth", "kerberos works with Oracle and PostgreSQL urls only, not "
                    + url.get().replaceFirst("^(jdbc:[^:]*:).*", "$1") + "; use auth: password");
        }
        if (scope.problems().count() != problemsBefore || name.isEmpty() || url.isEmpty() || auth.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseConfig(name.get(), url.get(), auth.get(), username.orElse(null),
                password.map(Secret::of).orElse(null), kerberos, properties, connectTimeout.orElse(null), queries));
    }

    private Optional<String> checkedName(MappingReader reader, MappingReader.Text name, int position) {
        if (!NAME.matcher(name.value()).matches()) {
            reader.report("name", name.shown() + " may contain only letters, digits, _ and -");
            return Optional.empty();
        }
        Integer earlier = positionByName.putIfAbsent(name.value(), position);
        if (earlier != null) {
            reader.report("name", "duplicate database name " + name.shown() + " (also used by database #"
                    + earlier + ")");
            return Optional.empty();
        }
        return Optional.of(name.value());
    }

    /** Either a ready JDBC url, or host/port/service_name from which an Oracle EZConnect url is built. */
    private static Optional<String> url(MappingReader reader, Problems.Scope scope) {
        boolean hasUrl = reader.has("url");
        boolean hasHost = reader.has("host");
        if (hasUrl && hasHost) {
            scope.report("keys 'url' and 'host' are both given; use either url or host with service_name");
            return Optional.empty();
        }
        if (hasUrl) {
            for (String hostOnly : List.of("port", "service_name")) {
                if (reader.has(hostOnly)) {
                    reader.report(hostOnly, "only used with 'host'; remove it or replace 'url' by 'host'");
                }
            }
            return reader.string("url", true);
        }
        if (!hasHost) {
            scope.report("missing key 'url' (or 'host' and 'service_name'); give a JDBC url or host and service_name");
            return Optional.empty();
        }
        Optional<String> host = reader.string("host", true);
        Optional<Integer> port = reader.integer("port", 1, 65535, "a port number between 1 and 65535");
        if (!reader.has("service_name")) {
            reader.reportMissing("service_name", " (needed with 'host')");
            return Optional.empty();
        }
        Optional<String> serviceName = reader.string("service_name", true);
        if (host.isEmpty() || serviceName.isEmpty() || (reader.has("port") && port.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of("jdbc:oracle:thin:@//" + host.get() + ":" + port.orElse(DEFAULT_PORT) + "/"
                + serviceName.get());
    }

    private static Optional<AuthMode> authMode(MappingReader reader, MappingReader.Text auth) {
        return switch (auth.value().strip().toLowerCase(Locale.ROOT)) {
            case "kerberos" -> Optional.of(AuthMode.KERBEROS);
            case "password" -> Optional.of(AuthMode.PASSWORD);
            default -> {
                reader.report("auth", auth.shown() + " is not supported; use kerberos or password");
                yield Optional.empty();
            }
        };
    }

    private static void rejectCredentials(MappingReader reader, Problems.Scope scope) {
        List<String> given = new ArrayList<>();
        for (String key : List.of("username", "password")) {
            if (reader.has(key)) {
                given.add("'" + key + "'");
            }
        }
        if (!given.isEmpty()) {
            scope.report((given.size() == 1 ? "key " : "keys ") + String.join(" and ", given)
                    + ": kerberos auth takes no username/password; remove them or use auth: password");
        }
    }

    /** An absent or empty {@code kerberos:} block means driver defaults, so it yields empty settings, not null. */
    private KerberosConfig kerberos(MappingReader reader, Problems.Scope scope) {
        JsonNode block = reader.node("kerberos");
        if (block == null || block.isNull()) {
            return new KerberosConfig(null, null);
        }
        if (!block.isObject()) {
            reader.report("kerberos", "must be a mapping with keys " + String.join(", ", KERBEROS_KEYS)
                    + ", not " + MappingReader.describe(block));
            return null;
        }
        MappingReader kerberos = new MappingReader(block, scope, environment, "kerberos.", KERBEROS_KEYS);
        String ccache = kerberos.string("ccache", false).orElse(null);
        String principal = kerberos.string("principal", false).orElse(null);
        String keytab = kerberos.string("keytab", false).orElse(null);
        if ((principal == null) != (keytab == null)) {
            kerberos.report(principal == null ? "keytab" : "principal",
                    "kerberos.principal and kerberos.keytab go together: the app logs on as the principal with the"
                            + " keytab; give both, or neither to use the ticket cache");
        }
        if (keytab != null && ccache != null) {
            kerberos.report("ccache", "not used with kerberos.keytab, which logs on without a ticket cache;"
                    + " remove one of them");
        }
        return new KerberosConfig(ccache, kerberos.string("krb5_conf", false).orElse(null), principal, keytab);
    }

    private Map<String, String> properties(MappingReader reader, Problems.Scope scope) {
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode block = reader.node("properties");
        if (block == null || block.isNull()) {
            return properties;
        }
        if (!block.isObject()) {
            reader.report("properties", "must be a mapping of driver property names to values, not "
                    + MappingReader.describe(block));
            return properties;
        }
        List<String> names = new ArrayList<>();
        block.fieldNames().forEachRemaining(names::add);
        MappingReader values = new MappingReader(block, scope, environment, "properties.", names);
        for (String name : names) {
            values.scalar(name).ifPresent(value -> properties.put(name, value));
        }
        return properties;
    }

    private List<QueryConfig> queries(MappingReader reader, Problems.Scope scope) {
        List<QueryConfig> queries = new ArrayList<>();
        JsonNode list = reader.node("sql_queries");
        if (list == null) {
            reader.reportMissing("sql_queries", "");
            return queries;
        }
        if (!list.isArray()) {
            reader.report("sql_queries", "must be a list of queries, not " + MappingReader.describe(list));
            return queries;
        }
        if (list.isEmpty()) {
            reader.report("sql_queries", "must list at least one query");
            return queries;
        }
        QueryEntryReader queryReader = new QueryEntryReader(baseDirectory, environment, scope);
        int position = 0;
        for (Iterator<JsonNode> entries = list.elements(); entries.hasNext(); ) {
            queryReader.read(entries.next(), ++position).ifPresent(queries::add);
        }
        return queries;
    }
}
