package com.example.monitor.http;

/** A request the API refuses: its HTTP status and a message for the caller, never a stack trace. */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final transient Object details;

    public ApiProblem(int status, String message) {
        this(status, message, null);
    }

    /** @param details extra fields of the JSON error, such as the runId in flight */
    public ApiProblem(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
