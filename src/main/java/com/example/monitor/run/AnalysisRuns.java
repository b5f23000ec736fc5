package com.example.monitor.run;

import com.example.monitor.jdbc.StatementTracker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Knows the run in flight, and cancels it: flag first, then every statement at its server. */
public final class AnalysisRuns {

    /** Its name in the registry, as the trigger and cancel routes and the launcher name it. */
    public static final String BEAN = "analysisRuns";

    private final StatementTracker statements;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private AnalysisRun current;
    private boolean closed;

    public AnalysisRuns(StatementTracker statements) {
        this.statements = statements;
    }

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    /**
     * Waits for the run in flight to end, so two runs never overlap whatever started them, then
     * opens the next one; it is created only then, so its start time is when it really started.
     */
    public AnalysisRun begin(Supplier<AnalysisRun> nextRun) throws InterruptedException {
        AnalysisRun started;
        lock.lock();
        try {
            while (current != null) {
                idle.await();
            }
            statements.reset();
            current = nextRun.get();
            if (closed) {
                // a request that was waiting when the service began to stop: reported, not run
                current.cancelBeforeStart();
                statements.cancelAll();
            }
            started = current;
        } finally {
            lock.unlock();
        }
        listeners.forEach(listener -> listener.runStarted(started));
        return started;
    }

    public boolean isBusy() {
        return current() != null;
    }

    public void end(AnalysisRun run) {
        listeners.forEach(listener -> listener.runEnded(run));
        lock.lock();
        try {
            if (current == run) {
                current = null;
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public AnalysisRun current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** @return the run that was cancelled, or null when none was in flight */
    public AnalysisRun cancel() {
        AnalysisRun run = current();
        if (run != null && run.cancel()) {
            statements.cancelAll();
        }
        return run;
    }

    /**
     * Stops for good: cancels the run in flight, and any run that was waiting for its turn starts
     * already cancelled, so a stopping service never begins real work.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        cancel();
    }

    /** Waits until no run is in flight; true if that happened within the timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (current != null) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
