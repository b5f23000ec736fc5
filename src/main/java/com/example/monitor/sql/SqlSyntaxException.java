package com.example.monitor.sql;

/** The SQL text cannot be tokenized, e.g. a string literal or comment is never closed. */
final class SqlSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    SqlSyntaxException(String message) {
        super(message);
    }
}
