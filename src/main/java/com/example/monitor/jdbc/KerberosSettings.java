package com.example.monitor.jdbc;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.KerberosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The thin driver's Kerberos logon: which ticket cache to use, and the properties that make the
 * driver use it. The ticket cache is chosen explicitly so the logon never depends on the JDK's
 * own guess.
 */
public final class KerberosSettings {

    private final Function<String, String> environment;
    private final Function<String, String> systemProperty;

    public KerberosSettings(Function<String, String> environment) {
        this(environment, System::getProperty);
    }

    KerberosSettings(Function<String, String> environment, Function<String, String> systemProperty) {
        this.environment = environment;
        this.systemProperty = systemProperty;
    }

    /** kerberos.ccache from databases.yaml, else KRB5CCNAME, else the MIT default /tmp/krb5cc_&lt;uid&gt;. */
    public Path ticketCache(DatabaseConfig database) {
        KerberosConfig kerberos = database.kerberos();
        if (kerberos != null && kerberos.ccache() != null) {
            return fileOf(kerberos.ccache());
        }
        String fromEnvironment = environment.apply("KRB5CCNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fileOf(fromEnvironment);
        }
        return Path.of("/tmp/krb5cc_" + uid());
    }

    public Map<String, String> connectionProperties(DatabaseConfig database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("oracle.net.authentication_services", "(KERBEROS5)");
        props.put("oracle.net.kerberos5_mutual_authentication", "true");
        props.put("oracle.net.kerberos5_cc_name", ticketCache(database).toString());
        return props;
    }

    /** krb5.conf is JVM-wide in the JDK, so it can only be set once for all databases. */
    public Optional<String> krb5Conf(DatabaseConfig database) {
        KerberosConfig kerberos = database.kerberos();
        return Optional.ofNullable(kerberos == null ? null : kerberos.krb5Conf());
    }

    /** Checked before connecting, because the driver's own message for it is cryptic. */
    public Optional<String> ticketCacheProblem(DatabaseConfig database) {
        Path cache = ticketCache(database);
        if (!Files.isRegularFile(cache) || !Files.isReadable(cache)) {
            return Optional.of("no Kerberos ticket cache at " + cache + ": run kinit (or set kerberos.ccache"
                    + " in databases.yaml, or KRB5CCNAME)");
        }
        return Optional.empty();
    }

    private static Path fileOf(String ccache) {
        // KEYRING: and KCM: caches are invisible to Java; only FILE: caches can be used
        return Path.of(ccache.startsWith("FILE:") ? ccache.substring("FILE:".length()) : ccache);
    }

    private String uid() {
        String user = systemProperty.apply("user.name");
        try {
            return Long.toString(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (RuntimeException | LinkageError e) {
            return user;
        }
    }
}
