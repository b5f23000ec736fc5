package com.example.monitor.config;

/**
 * A value as an error line quotes it. A real setting is far shorter than the cap; a value pasted by
 * mistake (a 131 KB argument, a whole file in one YAML value) made a single line of that size, in the
 * terminal and in every log that keeps stderr.
 */
final class Quoted {

    /** In code points, so a character outside the BMP is never cut in half. */
    static final int MAX_CODE_POINTS = 100;

    private Quoted() {
    }

    /** {@code 'value'}, or its first {@value #MAX_CODE_POINTS} code points, an ellipsis and its length. */
    static String of(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= MAX_CODE_POINTS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, value.offsetByCodePoints(0, MAX_CODE_POINTS)) + "\u2026' (" + length
                + " characters)";
    }
}
