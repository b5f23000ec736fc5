package com.example.monitor.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One database. {@code url} is always filled (built from host/port/service_name when the file
 * gives no url); {@code properties} keeps the file order and is never null; {@code kerberos} is
 * null for password auth; {@code username}, {@code password} are null for Kerberos auth.
 */
public record DatabaseConfig(String name, String url, AuthMode auth, String username, Secret password,
                             KerberosConfig kerberos, Map<String, String> properties, Duration connectTimeout,
                             List<QueryConfig> queries) {
    public DatabaseConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        properties = properties == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        queries = List.copyOf(queries);
    }

    /**
     * Masks credentials a URL may embed and shows only property names, because property values
     * (e.g. a driver password or something taken from the environment) may be secret.
     */
    @Override
    public String toString() {
        List<String> secrets = password == null ? List.of() : List.of(password.value());
        return "DatabaseConfig[name=" + name
                + ", url=" + Redaction.scrub(url, secrets)
                + ", auth=" + auth
                + ", username=" + username
                + ", password=" + (password == null ? null : Secret.MASK)
                + ", kerberos=" + kerberos
                + ", properties=" + properties.keySet()
                + ", connectTimeout=" + connectTimeout
                + ", queries=" + queries + "]";
    }
}
