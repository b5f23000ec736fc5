package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the entries of the {@code databases} list into {@link DatabaseConfig}. Their shape is
 * checked by databases.schema.json; this adds what a schema cannot see: duplicate names,
 * {@code ${env:...}} values, and the SQL files.
 */
final class DatabaseEntryReader {
    static final int DEFAULT_PORT = 1521;
    private static final Pattern KERBEROS_URL = Pattern.compile("jdbc:(oracle|postgresql):");

    private final ConfigFileContext file;
    private final Map<String, Integer> positionByName = new HashMap<>();

    DatabaseEntryReader(ConfigFileContext file) {
        this.file = file;
    }

    /** @param position 1-based; the result is empty when anything in the entry is wrong */
    Optional<DatabaseConfig> read(JsonNode entry, int position, Problems.Scope scope) {
        if (!entry.isObject()) {
            return Optional.empty();
        }
        String pointer = "/databases/" + (position - 1);
        MappingReader reader = file.mapping(entry, pointer, scope, "");
        Optional<String> name = reader.literal("name").filter(text -> unique(reader, text, position));
        Optional<String> url = reader.has("host") ? ezConnectUrl(reader) : reader.string("url");
        Optional<AuthMode> auth = reader.literal("auth").map(text -> AuthMode.valueOf(text.toUpperCase(Locale.ROOT)));
        String username = null;
        Secret password = null;
        KerberosConfig kerberos = null;
        if (auth.orElse(null) == AuthMode.PASSWORD) {
            username = reader.string("username").orElse(null);
            password = reader.string("password").map(Secret::of).orElse(null);
        } else if (auth.orElse(null) == AuthMode.KERBEROS) {
            kerberos = kerberos(reader.node("kerberos"), pointer + "/kerberos", scope);
        }
        Optional<Duration> connectTimeout = reader.duration("connect_timeout");
        Map<String, String> properties = properties(reader.node("properties"), pointer + "/properties", scope);
        List<QueryConfig> queries = queries(reader.node("sql_queries"), pointer, scope);

        if (auth.orElse(null) == AuthMode.KERBEROS && url.isPresent() && !KERBEROS_URL.matcher(url.get()).lookingAt()) {
            reader.report("auth", "kerberos works with Oracle and PostgreSQL urls only, not "
                    + url.get().replaceFirst("^(jdbc:[^:]*:).*", "$1") + "; use auth: password");
            return Optional.empty();
        }
        if (name.isEmpty() || url.isEmpty() || auth.isEmpty() || (auth.get() == AuthMode.KERBEROS && kerberos == null)) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseConfig(name.get(), url.get(), auth.get(), username, password, kerberos,
                properties, connectTimeout.orElse(null), queries));
    }

    private boolean unique(MappingReader reader, String name, int position) {
        Integer earlier = positionByName.putIfAbsent(name, position);
        if (earlier != null) {
            reader.report("name", "duplicate database name '" + name + "' (also used by database #" + earlier + ")");
        }
        return earlier == null;
    }

    /** Oracle EZConnect from host, port and service_name. */
    private static Optional<String> ezConnectUrl(MappingReader reader) {
        Optional<String> host = reader.string("host");
        Optional<Integer> port = reader.integer("port", 1, 65535, "a port number between 1 and 65535");
        Optional<String> serviceName = reader.string("service_name");
        if (host.isEmpty() || serviceName.isEmpty() || (reader.has("port") && port.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of("jdbc:oracle:thin:@//" + host.get() + ":" + port.orElse(DEFAULT_PORT) + "/"
                + serviceName.get());
    }

    /**
     * An absent or empty {@code kerberos:} block means driver defaults, so it yields empty settings. Which
     * keys go together is the schema's to say.
     */
    private KerberosConfig kerberos(JsonNode block, String pointer, Problems.Scope scope) {
        if (block == null || !block.isObject()) {
            return new KerberosConfig(null, null);
        }
        MappingReader kerberos = file.mapping(block, pointer, scope, "kerberos.");
        String ccache = kerberos.string("ccache").orElse(null);
        String principal = kerberos.string("principal").orElse(null);
        String keytab = kerberos.string("keytab").orElse(null);
        String krb5Conf = kerberos.string("krb5_conf").orElse(null);
        refuseUnreadable(kerberos, "ccache", ccache == null ? null : KerberosConfig.cacheFile(ccache));
        refuseUnreadable(kerberos, "keytab", keytab == null ? null : Path.of(keytab));
        refuseUnreadable(kerberos, "krb5_conf", krb5Conf == null ? null : Path.of(krb5Conf));
        return new KerberosConfig(ccache, krb5Conf, principal, keytab);
    }

    /**
     * The JDK reads these files itself, at the first logon: it would block on a FIFO and fill the heap with
     * a huge file or /dev/zero. A missing one is left for the run to report, as before: a ticket cache
     * appears with kinit, and a keytab may be installed after the configuration.
     */
    private static void refuseUnreadable(MappingReader kerberos, String key, Path file) {
        if (file != null) {
            FileReading.refusalOfOptional(file).ifPresent(refusal -> kerberos.report(key, refusal));
        }
    }

    private Map<String, String> properties(JsonNode block, String pointer, Problems.Scope scope) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (block == null || !block.isObject()) {
            return properties;
        }
        MappingReader values = file.mapping(block, pointer, scope, "properties.");
        block.fieldNames().forEachRemaining(name -> values.scalar(name).ifPresent(value -> properties.put(name, value)));
        return properties;
    }

    private List<QueryConfig> queries(JsonNode list, String databasePointer, Problems.Scope scope) {
        List<QueryConfig> queries = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return queries;
        }
        QueryEntryReader queryReader = new QueryEntryReader(file, databasePointer + "/sql_queries");
        for (int position = 1; position <= list.size(); position++) {
            JsonNode entry = list.get(position - 1);
            queryReader.read(entry, position, scope.query(Problems.label("query", entry, position)))
                    .ifPresent(queries::add);
        }
        return queries;
    }
}
