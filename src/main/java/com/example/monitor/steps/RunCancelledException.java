package com.example.monitor.steps;

/** Thrown instead of starting a query once its run is cancelled; the route records it as cancelled. */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("the run was cancelled", null, false, false);
    }
}
