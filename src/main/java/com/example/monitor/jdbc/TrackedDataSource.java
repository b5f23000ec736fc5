package com.example.monitor.jdbc;

import com.example.monitor.config.Redaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.DriverConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DBCP2 pool whose statements register with a {@link StatementTracker} while open, and refuse to
 * start once the run is cancelled. JDK proxies keep this to the few calls that matter.
 */
public final class TrackedDataSource extends BasicDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedDataSource.class);

    private final StatementTracker tracker;
    private volatile Duration readTimeoutAfterLogon;
    private volatile Duration boundedLogonTimeout;
    private volatile String databaseName;
    private volatile KerberosLogin kerberosLogin;
    private volatile Duration kerberosLogonTimeout;
    private volatile boolean userFromPrincipal;

    public TrackedDataSource(StatementTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * The network timeout each new connection gets once logged on, for drivers whose socket timeout
     * property also bounds the logon (PostgreSQL): the logon is bounded by the connect timeout, reads
     * afterwards by this.
     */
    public void setReadTimeoutAfterLogon(Duration timeout) {
        this.readTimeoutAfterLogon = timeout;
    }

    /**
     * Bounds every new connection's logon by {@code timeout} here, for a driver that bounds none of it
     * itself (see {@link BoundedLogon}).
     */
    public void setBoundedLogon(Duration timeout, String database) {
        this.boundedLogonTimeout = timeout;
        this.databaseName = database;
    }

    /**
     * Opens every new connection as this Kerberos identity (see {@link KerberosConnectionFactory}).
     *
     * @param userFromPrincipal the database user is the principal's name without its realm (PostgreSQL)
     */
    public void setKerberosLogin(KerberosLogin login, Duration logonTimeout, boolean userFromPrincipal) {
        this.kerberosLogin = login;
        this.kerberosLogonTimeout = logonTimeout;
        this.userFromPrincipal = userFromPrincipal;
    }

    @Override
    protected ConnectionFactory createConnectionFactory() throws SQLException {
        ConnectionFactory driver = super.createConnectionFactory();
        if (kerberosLogin != null && driver instanceof DriverConnectionFactory direct) {
            driver = new KerberosConnectionFactory(direct, kerberosLogin, kerberosLogonTimeout, userFromPrincipal);
        }
        if (boundedLogonTimeout != null) {
            driver = new BoundedLogon(driver, boundedLogonTimeout, databaseName, tracker::isCancelled);
        }
        ConnectionFactory opened = driver;
        Duration readTimeout = readTimeoutAfterLogon;
        if (readTimeout == null) {
            return driver;
        }
        return () -> {
            Connection connection = opened.createConnection();
            try {
                connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        };
    }

    /**
     * DBCP prints some failures, such as "Cannot create JDBC driver ... for connect URL '&lt;url&gt;'", with the
     * full URL to its own writer on System.out. They go to the log instead, with credentials masked; the
     * same failure also reaches the caller as an exception.
     */
    @Override
    protected void log(String message) {
        LOG.debug(scrub(message));
    }

    @Override
    protected void log(String message, Throwable throwable) {
        LOG.debug("{} ({})", scrub(message), scrub(String.valueOf(throwable)));
    }

    private String scrub(String text) {
        String password = getPassword();
        return Redaction.scrub(text, password == null ? List.of() : List.of(password));
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, connection, (proxy, method, args) -> onConnection(connection, method, args));
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(TrackedDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement the connection hands out is tracked from then on. */
    private Object onConnection(Connection target, Method method, Object[] args) throws Throwable {
        Object result = call(method, target, args);
        if (result instanceof Statement statement) {
            tracker.opened(statement);
            Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return proxy(type, statement, (proxy, call, callArgs) -> onStatement(statement, call, callArgs));
        }
        return result;
    }

    private Object onStatement(Statement target, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.startsWith("execute")) {
            tracker.beforeExecute();
            tracker.executing(target);
        }
        try {
            Object result = call(method, target, args);
            if (result instanceof ResultSet resultSet
                    && (name.equals("getResultSet") || name.equals("executeQuery"))) {
                ResultColumns.record(resultSet);
            }
            return result;
        } finally {
            if (name.equals("close")) {
                tracker.closed(target);
            }
        }
    }
}
