package com.example.monitor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.commons.dbcp2.ConnectionFactory;

/**
 * A logon bounded by the connect timeout for drivers that bound none of it themselves. H2's TCP client
 * reads the server's handshake with no timeout (measured: a server that accepts and never answers held
 * the run, and SIGTERM, for good), and a driver of another product may do the same. The driver connects
 * on a daemon thread of its own, so a blocked read never keeps the JVM from exiting; the caller stops
 * waiting at the connect timeout or as soon as the run is cancelled (SIGTERM), and a connection that
 * arrives after it gave up is closed, never pooled.
 */
final class BoundedLogon implements ConnectionFactory {

    /** How often the wait looks at the run's cancel, which reaches no thread blocked in a driver. */
    private static final long CANCEL_CHECK_MS = 100;

    private final ConnectionFactory driver;
    private final Duration timeout;
    private final String database;
    private final BooleanSupplier cancelled;

    BoundedLogon(ConnectionFactory driver, Duration timeout, String database, BooleanSupplier cancelled) {
        this.driver = driver;
        this.timeout = timeout;
        this.database = database;
        this.cancelled = cancelled;
    }

    @Override
    public Connection createConnection() throws SQLException {
        CompletableFuture<Connection> logon = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                logon.complete(driver.createConnection());
            } catch (Throwable e) {
                logon.completeExceptionally(e);
            }
        }, "logon-" + database);
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closeWhenItArrives(logon);
                    throw new SQLTimeoutException("no answer from the database within the connect timeout ("
                            + shown(timeout) + ")", "08001");
                }
                if (cancelled.getAsBoolean()) {
                    closeWhenItArrives(logon);
                    throw new SQLException("the run was cancelled while connecting", "57014");
                }
                try {
                    return logon.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(CANCEL_CHECK_MS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // not yet: look at the deadline and the cancel again
                }
            }
        } catch (InterruptedException e) {
            closeWhenItArrives(logon);
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while connecting", "08001", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause);
        }
    }

    /** As databases.yaml writes it: 3s, 1500ms. */
    private static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static void closeWhenItArrives(CompletableFuture<Connection> logon) {
        logon.thenAccept(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection nobody will use: the server ends the session when the socket closes
            }
        });
    }
}
