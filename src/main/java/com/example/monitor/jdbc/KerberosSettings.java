package com.example.monitor.jdbc;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.FileReading;
import com.example.monitor.config.KerberosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kerberos per database: which ticket cache to use, and the driver properties for a Kerberos logon. The
 * Oracle thin driver reads the ticket cache itself (its documented properties); with a keytab, and for
 * PostgreSQL, the app logs on itself ({@link KerberosLogin}) and the driver takes the credentials from
 * the subject. The ticket cache is chosen explicitly so the logon never depends on the JDK's own guess.
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
            return KerberosConfig.cacheFile(kerberos.ccache());
        }
        String fromEnvironment = environment.apply("KRB5CCNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return KerberosConfig.cacheFile(fromEnvironment);
        }
        return Path.of("/tmp/krb5cc_" + uid());
    }

    public Map<String, String> connectionProperties(DatabaseConfig database) {
        Map<String, String> props = new LinkedHashMap<>();
        if (Dialect.of(database.url()) == Dialect.POSTGRESQL) {
            props.put("gsslib", "gssapi");
            // the credentials come from the subject the connection is opened in, not from a JAAS entry
            props.put("jaasLogin", "false");
            return props;
        }
        props.put("oracle.net.authentication_services", "(KERBEROS5)");
        props.put("oracle.net.kerberos5_mutual_authentication", "true");
        if (!usesKeytab(database)) {
            props.put("oracle.net.kerberos5_cc_name", ticketCache(database).toString());
        }
        return props;
    }

    public static boolean usesKeytab(DatabaseConfig database) {
        return database.kerberos() != null && database.kerberos().usesKeytab();
    }

    /** With a keytab, and for PostgreSQL, the app logs on itself; the thin driver reads a ticket cache alone. */
    public static boolean appLogsOn(DatabaseConfig database) {
        return usesKeytab(database) || Dialect.of(database.url()) == Dialect.POSTGRESQL;
    }

    /**
     * The krb5.conf the JDK will read for the database (its own, else the JDK's), looked at before each run:
     * the JDK reads it whole at each logon (and the Oracle thin driver with it), blocking on a FIFO and
     * filling the heap with /dev/zero or a huge file. Missing, it is left to the JDK, as before.
     */
    public Optional<String> krb5ConfProblem(DatabaseConfig database) {
        Path conf = krb5Conf(database).map(Path::of).orElseGet(() -> krb5ConfTheJdkReads(systemProperty));
        return FileReading.refusalOfOptional(conf).map(refusal -> UNUSABLE_KRB5_CONF + refusal);
    }

    /**
     * What is wrong, before the first run, with a Kerberos file the JDK would read for this database and that
     * databases.yaml does not name (those are checked as it is read): the JDK's krb5.conf, and the ticket
     * cache KRB5CCNAME or the MIT default names. A missing one is left to the run, as kinit may come later.
     */
    public List<String> startupProblems(DatabaseConfig database) {
        List<String> problems = new ArrayList<>();
        if (krb5Conf(database).isEmpty()) {
            krb5ConfProblem(database).ifPresent(problem -> problems.add(problem
                    + "; kerberos.krb5_conf in databases.yaml can name another"));
        }
        KerberosConfig kerberos = database.kerberos();
        if (!usesKeytab(database) && (kerberos == null || kerberos.ccache() == null)) {
            unusableTicketCache(ticketCache(database)).ifPresent(problem -> problems.add(problem
                    + "; kerberos.ccache in databases.yaml or KRB5CCNAME can name another"));
        }
        return problems;
    }

    /**
     * The krb5.conf the JDK reads when the database names none (sun.security.krb5.Config): the JVM-wide
     * java.security.krb5.conf, else the JDK's own conf/security/krb5.conf when there is one, else
     * /etc/krb5.conf.
     */
    static Path krb5ConfTheJdkReads(Function<String, String> systemProperty) {
        String property = systemProperty.apply("java.security.krb5.conf");
        if (property != null) {
            return Path.of(property);
        }
        Path bundled = Path.of(systemProperty.apply("java.home"), "conf", "security", "krb5.conf");
        return Files.exists(bundled) ? bundled : Path.of("/etc/krb5.conf");
    }

    /** How a file the JDK would block on or read whole is refused, before a run and before a logon alike. */
    static final String UNUSABLE_KRB5_CONF = "unusable krb5.conf: ";
    static final String UNUSABLE_TICKET_CACHE = "unusable Kerberos ticket cache: ";

    /** krb5.conf is JVM-wide in the JDK, so it can only be set once for all databases. */
    public Optional<String> krb5Conf(DatabaseConfig database) {
        KerberosConfig kerberos = database.kerberos();
        return Optional.ofNullable(kerberos == null ? null : kerberos.krb5Conf());
    }

    /**
     * Checked before connecting, because the drivers' own messages for a missing or expired ticket are
     * cryptic ("Unable to obtain Principal Name for authentication").
     */
    public Optional<String> ticketCacheProblem(DatabaseConfig database, Instant now) {
        Path cache = ticketCache(database);
        // start-up looked at it too, but it may have been replaced since: the JDK's reader blocks on a FIFO
        Optional<String> unusable = unusableTicketCache(cache);
        if (unusable.isPresent()) {
            return unusable;
        }
        if (!Files.isRegularFile(cache) || !Files.isReadable(cache)) {
            return Optional.of("no Kerberos ticket cache at " + cache + ": run kinit (or set kerberos.ccache"
                    + " in databases.yaml, or KRB5CCNAME)");
        }
        return TicketCache.read(cache).filter(tgt -> !tgt.expiry().isAfter(now))
                .map(tgt -> "Kerberos ticket for " + tgt.client() + " in " + cache + " expired at "
                        + tgt.expiry().truncatedTo(ChronoUnit.SECONDS) + ": run kinit");
    }

    private static Optional<String> unusableTicketCache(Path cache) {
        return FileReading.refusalOfOptional(cache).map(refusal -> UNUSABLE_TICKET_CACHE + refusal);
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
