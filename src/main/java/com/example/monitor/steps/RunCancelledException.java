package com.example.monitor.steps;

/** Stops the reading of a result once its run is cancelled; the run-query route records the query as cancelled. */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("the run was cancelled", null, false, false);
    }
}
