package com.example.monitor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.Service;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows every statement open on any pool, so a cancel can stop the work on the servers.
 * Camel has no handle on camel-sql's statements and a split timeout only stops waiting, hence this.
 * Runs never overlap, so one tracker serves the whole application.
 */
public final class StatementTracker implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(StatementTracker.class);
    private static final long RECANCEL_EVERY_MS = 100;
    private static final long RECANCEL_FOR_MS = 10_000;

    /** The driver's own timeout acts while a statement executes; the deadline watch only after that. */
    private static final long DEADLINE_GRACE_MS = 1_000;

    private final Set<Statement> open = ConcurrentHashMap.newKeySet();
    private final Map<Statement, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor recanceller = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "statement-canceller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cancelled;
    private ScheduledFuture<?> recancel;

    public StatementTracker() {
        // an ended watch leaves the queue at once, not at its next due time
        recanceller.setRemoveOnCancelPolicy(true);
    }

    /** Clears the cancelled state at the start of a run. */
    public synchronized void reset() {
        cancelled = false;
        if (recancel != null) {
            recancel.cancel(false);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Repeated cancels and deadline watches still scheduled. */
    int scheduledTasks() {
        return recanceller.getQueue().size();
    }

    void opened(Statement statement) {
        open.add(statement);
    }

    void closed(Statement statement) {
        open.remove(statement);
        ScheduledFuture<?> deadline = deadlines.remove(statement);
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /**
     * Watches a statement's query timeout past its execution: a result whose rows are still being
     * fetched when the timeout is over is cancelled on its server, like a cancel of the run, until the
     * statement closes. The driver's timeout covers only the execution, and the reader's own check
     * only runs between batches, not while a fetch waits on the server.
     */
    void executing(Statement statement) throws SQLException {
        int seconds = statement.getQueryTimeout();
        if (seconds <= 0) {
            return;
        }
        ScheduledFuture<?> watch = cancelRepeatedly(seconds * 1000L + DEADLINE_GRACE_MS,
                () -> !open.contains(statement), () -> cancel(statement));
        ScheduledFuture<?> previous = deadlines.put(statement, watch);
        if (previous != null) {
            previous.cancel(false);
        }
        if (!open.contains(statement)) {
            closed(statement);
        }
    }

    void beforeExecute() throws SQLException {
        if (cancelled) {
            throw new SQLException("the run was cancelled before this statement started", "57014");
        }
    }

    /**
     * Cancels every open statement at its server. A statement that passed {@link #beforeExecute()} a
     * moment before may not have reached the server yet, where a cancel is a no-op; so statements that
     * stay open are cancelled again until they close.
     */
    public synchronized void cancelAll() {
        cancelled = true;
        cancelOpen();
        if (recancel != null) {
            recancel.cancel(false);
        }
        recancel = cancelRepeatedly(RECANCEL_EVERY_MS, () -> !cancelled || open.isEmpty(), this::cancelOpen);
    }

    /** Runs a cancel every {@value #RECANCEL_EVERY_MS} ms from the first delay on, until done or for 10 s. */
    private ScheduledFuture<?> cancelRepeatedly(long firstDelayMs, BooleanSupplier done, Runnable cancel) {
        long until = System.currentTimeMillis() + firstDelayMs + RECANCEL_FOR_MS;
        return new RepeatedCancel(() -> done.getAsBoolean() || System.currentTimeMillis() > until, cancel)
                .schedule(firstDelayMs);
    }

    /** A periodic cancel that ends itself, once done, by cancelling its own future. */
    private final class RepeatedCancel implements Runnable {

        private final BooleanSupplier done;
        private final Runnable cancel;
        private ScheduledFuture<?> future;
        private boolean ended;

        RepeatedCancel(BooleanSupplier done, Runnable cancel) {
            this.done = done;
            this.cancel = cancel;
        }

        /** Synchronized with {@link #end()}, so a first run that ends it before the future is known still does. */
        synchronized ScheduledFuture<?> schedule(long firstDelayMs) {
            future = recanceller.scheduleWithFixedDelay(this, firstDelayMs, RECANCEL_EVERY_MS, TimeUnit.MILLISECONDS);
            if (ended) {
                future.cancel(false);
            }
            return future;
        }

        @Override
        public void run() {
            if (done.getAsBoolean()) {
                end();
            } else {
                cancel.run();
            }
        }

        private synchronized void end() {
            ended = true;
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    private void cancelOpen() {
        open.forEach(StatementTracker::cancel);
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
            cancelFetch(statement);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cancel of a statement failed: {}", e.toString());
        }
    }

    /**
     * pgjdbc's Statement.cancel() only acts while the statement executes; once its first rows are
     * back, the fetches of the rest are not covered. The connection's own cancel is: it stops whatever
     * the session is running, and each session runs only this statement.
     */
    private static void cancelFetch(Statement statement) throws SQLException {
        Connection connection = statement.getConnection();
        if (connection.isWrapperFor(PGConnection.class)) {
            connection.unwrap(PGConnection.class).cancelQuery();
        }
    }

    @Override
    public void start() {
        // the canceller thread starts with the first cancel
    }

    @Override
    public void stop() {
        recanceller.shutdownNow();
    }
}
