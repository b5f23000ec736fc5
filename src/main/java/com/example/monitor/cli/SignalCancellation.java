package com.example.monitor.cli;

import com.example.monitor.run.AnalysisRuns;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM cancel the run in flight instead of killing the JVM, so the partial report
 * is written and no query is left running on a server. The JDK offers no supported API that
 * tells the two signals apart, and the exit codes (130, 143) must, hence {@code sun.misc.Signal}.
 * A second signal while cancelling ends the process at once.
 */
final class SignalCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(SignalCancellation.class);

    private final AnalysisRuns runs;
    private final AtomicInteger exitCode = new AtomicInteger();
    private final CountDownLatch signalled = new CountDownLatch(1);

    private SignalCancellation(AnalysisRuns runs) {
        this.runs = runs;
    }

    static SignalCancellation install(AnalysisRuns runs) {
        SignalCancellation cancellation = new SignalCancellation(runs);
        cancellation.handle("INT", ExitCodes.CANCELLED_BY_SIGINT);
        cancellation.handle("TERM", ExitCodes.CANCELLED_BY_SIGTERM);
        return cancellation;
    }

    /** The exit code the signal asks for, or {@code fallback} when no signal came. */
    int exitCodeOr(int fallback) {
        int code = exitCode.get();
        return code == 0 ? fallback : code;
    }

    boolean signalled() {
        return exitCode.get() != 0;
    }

    /** Blocks until SIGINT or SIGTERM; the run in flight is already being cancelled when this returns. */
    void awaitSignal() throws InterruptedException {
        signalled.await();
    }

    private void handle(String signal, int code) {
        Signal.handle(new Signal(signal), received -> {
            if (!exitCode.compareAndSet(0, code)) {
                LOG.warn("SIG{} again: exiting without waiting for the cancel to finish", signal);
                Runtime.getRuntime().halt(code);
            }
            LOG.warn("SIG{} received: cancelling the run in flight", signal);
            runs.close();
            signalled.countDown();
        });
    }
}
