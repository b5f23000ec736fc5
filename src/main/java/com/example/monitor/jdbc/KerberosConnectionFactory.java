package com.example.monitor.jdbc;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.DriverConnectionFactory;

/**
 * Opens each new connection as a Kerberos identity: the logon is renewed first when it is due, then the
 * driver connects inside {@code Subject.doAs}, where pgjdbc ({@code jaasLogin=false}) and the Oracle thin
 * driver find the credentials. DBCP calls this on the thread that borrows, so no pool thread connects
 * outside the subject.
 */
final class KerberosConnectionFactory implements ConnectionFactory {

    private final DriverConnectionFactory driver;
    private final KerberosLogin login;
    private final Duration timeout;
    private final boolean userFromPrincipal;

    /** @param userFromPrincipal PostgreSQL: the role is the principal's name without its realm */
    KerberosConnectionFactory(DriverConnectionFactory driver, KerberosLogin login, Duration timeout,
                              boolean userFromPrincipal) {
        this.driver = driver;
        this.login = login;
        this.timeout = timeout;
        this.userFromPrincipal = userFromPrincipal;
    }

    @Override
    public Connection createConnection() throws SQLException {
        Subject subject;
        try {
            subject = login.subject(timeout);
        } catch (LoginException e) {
            throw new SQLException(e.getMessage(), "28000");
        }
        Properties properties = new Properties();
        properties.putAll(driver.getProperties());
        if (userFromPrincipal) {
            properties.setProperty("user", login.user());
        }
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Connection>) () -> connect(properties));
        } catch (PrivilegedActionException e) {
            throw e.getException() instanceof SQLException sql ? sql : new SQLException(e.getException());
        }
    }

    private Connection connect(Properties properties) throws SQLException {
        Connection connection = driver.getDriver().connect(driver.getConnectionString(), properties);
        if (connection == null) {
            throw new SQLException("no driver accepts the url of this database");
        }
        return connection;
    }
}
