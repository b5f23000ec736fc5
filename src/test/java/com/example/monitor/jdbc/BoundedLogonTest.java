package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A logon the driver does not bound: the caller's wait ends at the connect timeout or at a cancel. */
class BoundedLogonTest {

    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicReference<Connection> opened = new AtomicReference<>();
    private final AtomicReference<Thread> logonThread = new AtomicReference<>();
    /** A server that answers only when the test says so, as a silent one never does. */
    private final ConnectionFactory silent = () -> {
        logonThread.set(Thread.currentThread());
        try {
            answer.await();
        } catch (InterruptedException e) {
            throw new SQLException(e);
        }
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:bounded-logon");
        opened.set(connection);
        return connection;
    };

    @AfterEach
    void answerAtLast() {
        answer.countDown();
    }

    @Test
    void aLogonWithoutAnswerFailsAtTheConnectTimeoutOnADaemonThreadAndALateConnectionIsClosed() throws Exception {
        BoundedLogon logon = new BoundedLogon(silent, Duration.ofMillis(300), "crm", () -> false);

        SQLTimeoutException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(SQLTimeoutException.class, logon::createConnection));

        assertThat(failure.getMessage()).isEqualTo("no answer from the database within the connect timeout (300ms)");
        assertThat(failure.getSQLState()).isEqualTo("08001");
        assertThat(logonThread.get().isDaemon()).as("it cannot keep the JVM from exiting").isTrue();
        assertThat(logonThread.get().getName()).isEqualTo("logon-crm");
        answer.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> opened.get() != null && opened.get().isClosed());
    }

    /** SIGTERM cancels the run; the wait used to last the whole connect timeout (15 s measured). */
    @Test
    void aCancelledRunStopsWaitingForTheLogonAtOnce() {
        AtomicBoolean cancelled = new AtomicBoolean();
        BoundedLogon logon = new BoundedLogon(silent, Duration.ofMinutes(10), "crm", cancelled::get);
        new Thread(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> logonThread.get() != null);
            cancelled.set(true);
        }).start();

        SQLException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(SQLException.class, logon::createConnection));

        assertThat(failure.getMessage()).isEqualTo("the run was cancelled while connecting");
        assertThat(failure.getSQLState()).isEqualTo("57014");
    }

    @Test
    void aLogonThatAnswersInTimeHandsOverItsConnectionAndAFailureItsOwnException() throws Exception {
        answer.countDown();
        try (Connection connection = new BoundedLogon(silent, Duration.ofSeconds(10), "crm", () -> false)
                .createConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }

        SQLException refused = new SQLException("wrong password", "28000");
        SQLException failure = catchThrowableOfType(SQLException.class,
                () -> new BoundedLogon(() -> {
                    throw refused;
                }, Duration.ofSeconds(10), "crm", () -> false).createConnection());
        assertThat((Object) failure).isSameAs(refused);
    }
}
