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
        return switch (runStatus) {
            case "completed" -> COMPLETED;
            case "partial" -> FINISHED_WITH_FAILURES;
            default -> FINISHED_WITH_FAILURES;
        };
    }
}
