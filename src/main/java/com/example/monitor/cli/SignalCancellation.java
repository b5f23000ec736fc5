package com.example.monitor.cli;

import com.example.monitor.run.AnalysisRuns;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM cancel the run in flight instead of killing the JVM, so the partial report
 * is written and no query is left running on a server. SIGHUP (the terminal or session went away)
 * does what SIGTERM does, exit code included. The JDK offers no supported API that tells the
 * signals apart, and the exit codes (130, 143) must, hence {@code sun.misc.Signal}.
 *
 * <p>The handlers are installed before Camel starts, so no signal reaches Camel Main's own shutdown
 * hook, which waits up to 25 s for a context nobody is stopping. A signal during start-up is kept and
 * acted on once the runs are {@linkplain #attach attached}.
 *
 * <p>A second signal while the cancelled run is still in flight ends the process at once, without
 * its report: exit 1, with an {@code error:} line saying so, since 130 and 143 promise the report.
 * With no run in flight there is no report to lose, and a second signal changes nothing.
 */
final class SignalCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(SignalCancellation.class);

    private final PrintStream err;
    private final AtomicInteger exitCode = new AtomicInteger();
    private final CountDownLatch signalled = new CountDownLatch(1);
    private volatile String signal;
    /** Null until Camel has started. */
    private volatile AnalysisRuns runs;

    private SignalCancellation(PrintStream err) {
        this.err = err;
    }

    static SignalCancellation install(PrintStream err) {
        SignalCancellation cancellation = new SignalCancellation(err);
        cancellation.handle("INT", ExitCodes.CANCELLED_BY_SIGINT);
        cancellation.handle("TERM", ExitCodes.CANCELLED_BY_SIGTERM);
        cancellation.handle("HUP", ExitCodes.CANCELLED_BY_SIGTERM);
        return cancellation;
    }

    /** From now on a signal cancels these runs; one that came during start-up does so now. */
    void attach(AnalysisRuns started) {
        runs = started;
        // the handler sets the exit code before it reads runs, so a signal is never left unacted on
        if (signalled()) {
            started.close();
        }
    }

    /** The exit code the signal asks for, or {@code fallback} when no signal came. */
    int exitCodeOr(int fallback) {
        int code = exitCode.get();
        return code == 0 ? fallback : code;
    }

    boolean signalled() {
        return exitCode.get() != 0;
    }

    /** The signal received, e.g. {@code SIGTERM}; null when none came. */
    String received() {
        return signal == null ? null : "SIG" + signal;
    }

    /** Blocks until SIGINT or SIGTERM; the run in flight is already being cancelled when this returns. */
    void awaitSignal() throws InterruptedException {
        signalled.await();
    }

    private void handle(String signal, int code) {
        Signal.handle(new Signal(signal), received -> {
            if (!exitCode.compareAndSet(0, code)) {
                again(signal);
                return;
            }
            this.signal = signal;
            AnalysisRuns attached = runs;
            if (attached == null) {
                LOG.warn("SIG{} received during start-up: stopping once started", signal);
            } else {
                LOG.warn(attached.isBusy() ? "SIG{} received: cancelling the run in flight"
                        : "SIG{} received: no run in flight; stopping", signal);
                attached.close();
            }
            signalled.countDown();
        });
    }

    private void again(String signal) {
        AnalysisRuns attached = runs;
        if (attached == null || !attached.isBusy()) {
            LOG.warn("SIG{} again: already stopping, and no run is in flight", signal);
            return;
        }
        LOG.warn("SIG{} again: exiting without waiting for the cancelled run's report", signal);
        err.println("error: stopped by a second SIG" + signal + " before the cancelled run's report was written");
        err.flush();
        Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
    }
}
