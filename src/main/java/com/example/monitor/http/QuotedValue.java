package com.example.monitor.http;

/**
 * A request's value as an error quotes it back: enough to recognise, never all of it, since an
 * answer that echoes whatever was sent grows with the request and carries it wherever the answer is
 * logged. The answer's JSON encoding escapes control characters.
 */
final class QuotedValue {

    /** In code points, so a character outside the BMP is never cut in half. */
    static final int MAX_CODE_POINTS = 40;

    private QuotedValue() {
    }

    /** {@code 'value'}, or its first {@value #MAX_CODE_POINTS} code points and an ellipsis. */
    static String of(String value) {
        if (value.codePointCount(0, value.length()) <= MAX_CODE_POINTS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, value.offsetByCodePoints(0, MAX_CODE_POINTS)) + "\u2026'";
    }
}
