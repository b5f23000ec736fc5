package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracker's periodic tasks (repeated cancels, deadline watches) end when their work is done. */
class StatementTrackerTest {

    private final StatementTracker tracker = new StatementTracker();
    private Connection connection;
    private Statement statement;

    @BeforeEach
    void openStatement() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:statement_tracker");
        statement = connection.createStatement();
        tracker.opened(statement);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        tracker.stop();
    }

    @Test
    void repeatedCancelGoesOnWhileAStatementStaysOpenAndEndsOnceItCloses() throws Exception {
        tracker.cancelAll();

        assertThat(tracker.scheduledTasks()).isEqualTo(1);
        // re-cancelled every 100 ms for up to 10 s: still scheduled after several rounds
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> tracker.scheduledTasks() == 1);

        statement.close();
        tracker.closed(statement);

        await().atMost(Duration.ofSeconds(5)).until(() -> tracker.scheduledTasks() == 0);
        assertThat(tracker.isCancelled()).isTrue();
    }

    @Test
    void resetEndsTheRepeatedCancelOfTheRunBefore() {
        tracker.cancelAll();
        assertThat(tracker.scheduledTasks()).isEqualTo(1);

        tracker.reset();

        assertThat(tracker.scheduledTasks()).isZero();
        assertThat(tracker.isCancelled()).isFalse();
    }

    @Test
    void deadlineWatchEndsWhenItsStatementCloses() throws Exception {
        statement.setQueryTimeout(30);
        tracker.executing(statement);
        assertThat(tracker.scheduledTasks()).isEqualTo(1);

        statement.close();
        tracker.closed(statement);

        assertThat(tracker.scheduledTasks()).isZero();
    }
}
