package com.example.monitor.jdbc;

import com.example.monitor.config.AuthMode;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.Setting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.LoginException;

/** Builds one DBCP2 pool per database, with every wait bounded. */
public final class DataSourceFactory {

    /** A query runs alone on its database, so two connections leave room for a validation borrow. */
    static final int MAX_CONNECTIONS = 2;
    /** The read timeout is the last net for a dead connection, so it must sit above any query timeout. */
    static final Duration READ_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    /** What a database or a query does not set for itself. */
    private final Duration defaultConnectTimeout;
    private final Duration defaultQueryTimeout;
    private final int defaultFetchSize;
    private final StatementTracker tracker;
    private final KerberosSettings kerberos;
    private final KerberosLogins kerberosLogins;

    public DataSourceFactory(MonitorSettings settings, StatementTracker tracker, KerberosSettings kerberos) {
        defaultConnectTimeout = settings.connectTimeout();
        defaultQueryTimeout = settings.queryTimeout();
        defaultFetchSize = settings.fetchSize();
        this.tracker = tracker;
        this.kerberos = kerberos;
        this.kerberosLogins = new KerberosLogins(
                settings.values().get(Setting.KERBEROS_RENEW_BEFORE).orElseThrow(), Clock.systemUTC());
    }

    public TrackedDataSource create(DatabaseConfig database) {
        TrackedDataSource pool = new TrackedDataSource(tracker);
        pool.setUrl(database.url());
        if (database.auth() == AuthMode.PASSWORD) {
            pool.setUsername(database.username());
            pool.setPassword(database.password().value());
        } else {
            kerberos.krb5Conf(database).ifPresent(conf -> System.setProperty("java.security.krb5.conf", conf));
        }
        Dialect dialect = Dialect.of(database.url());
        dialect.driverClass().ifPresent(pool::setDriverClassName);
        Duration connect = connectTimeout(database);
        connectionProperties(database, dialect, connect).forEach(pool::addConnectionProperty);
        if (database.auth() == AuthMode.KERBEROS && KerberosSettings.appLogsOn(database)) {
            pool.setKerberosLogin(kerberosLogin(database), connect, dialect == Dialect.POSTGRESQL);
        }
        if (!dialect.boundsLogon()) {
            pool.setBoundedLogon(connect, database.name());
        }

        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setInitialSize(0);
        // DBCP waits forever for a connection by default
        pool.setMaxWait(connect);
        pool.setTestOnBorrow(true);
        pool.setValidationQueryTimeout(connect);
        // a connection that failed with a disconnection SQL state is destroyed, never handed out again
        pool.setFastFailValidation(true);
        pool.setDefaultQueryTimeout(defaultQueryTimeout);
        pool.setDefaultReadOnly(Boolean.TRUE);
        if (dialect == Dialect.POSTGRESQL) {
            // pgjdbc honours the fetch size only inside a transaction; otherwise it loads the whole result
            pool.setDefaultAutoCommit(Boolean.FALSE);
            if (!database.properties().containsKey("socketTimeout")) {
                pool.setReadTimeoutAfterLogon(readTimeout(database));
            }
        }
        pool.setRegisterConnectionMBean(false);
        return pool;
    }

    public Duration connectTimeout(DatabaseConfig database) {
        return database.connectTimeout() != null ? database.connectTimeout() : defaultConnectTimeout;
    }

    public Duration queryTimeout(QueryConfig query) {
        return query.timeout() != null ? query.timeout() : defaultQueryTimeout;
    }

    public int fetchSize(QueryConfig query) {
        return query.fetchSize() != null ? query.fetchSize() : defaultFetchSize;
    }

    /** The last net for a dead connection: above the longest query timeout of the database. */
    public Duration readTimeout(DatabaseConfig database) {
        Duration longestQuery = database.queries().stream().map(this::queryTimeout)
                .max(Duration::compareTo).orElse(defaultQueryTimeout);
        return longestQuery.plus(READ_TIMEOUT_MARGIN);
    }

    /** The driver properties for a database: bounded timeouts first, then the user's own, which win. */
    public Map<String, String> connectionProperties(DatabaseConfig database, Dialect dialect, Duration connect) {
        Map<String, String> props = new LinkedHashMap<>(
                dialect.timeoutProperties(connect, readTimeout(database), defaultFetchSize));
        if (database.auth() == AuthMode.KERBEROS) {
            props.putAll(kerberos.connectionProperties(database));
        }
        props.putAll(database.properties());
        return props;
    }

    /**
     * A problem that makes connecting pointless, found before any connection: a ticket cache that is missing
     * or expired, or a Kerberos logon that fails. A logon due for renewal is renewed here, before each run.
     */
    public Optional<String> preflightProblem(DatabaseConfig database) {
        if (database.auth() != AuthMode.KERBEROS) {
            return Optional.empty();
        }
        Optional<String> confProblem = kerberos.krb5ConfProblem(database);
        if (confProblem.isPresent()) {
            return confProblem;
        }
        if (!KerberosSettings.usesKeytab(database)) {
            Optional<String> cacheProblem = kerberos.ticketCacheProblem(database, Instant.now());
            if (cacheProblem.isPresent()) {
                return cacheProblem;
            }
        }
        if (KerberosSettings.appLogsOn(database)) {
            try {
                kerberosLogin(database).subject(connectTimeout(database));
            } catch (LoginException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    private KerberosLogin kerberosLogin(DatabaseConfig database) {
        return KerberosSettings.usesKeytab(database)
                ? kerberosLogins.fromKeytab(database.kerberos().principal(), Path.of(database.kerberos().keytab()))
                : kerberosLogins.fromTicketCache(kerberos.ticketCache(database));
    }
}
