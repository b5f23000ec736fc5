package com.example.monitor.cli;

/** The process exit codes scripts and schedulers rely on. */
public final class ExitCodes {

    public static final int COMPLETED = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_CONFIGURATION = 2;
    public static final int FINISHED_WITH_FAILURES = 3;
    public static final int CANCELLED_BY_SIGINT = 130;
    public static final int CANCELLED_BY_SIGTERM = 143;

    private ExitCodes() {
    }

    public static int forStatus(String runStatus) {
        // partial, or cancelled by a route rather than a signal: the run did not do all its work
        return "completed".equals(runStatus) ? COMPLETED : FINISHED_WITH_FAILURES;
    }
}
