package com.example.monitor.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one reader of start dates, wherever they are typed (argument, properties, request file, HTTP):
 * an ISO date (midnight), an ISO date-time, or the same with a space instead of the {@code T}, as
 * SQL Developer shows dates.
 */
public final class StartDates {

    public static final String ACCEPTED_FORMS = "2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00";

    private static final int DATE_LENGTH = "2026-10-01".length();

    private StartDates() {
    }

    public static LocalDateTime parse(String text) {
        String value = text.trim();
        try {
            if (value.length() <= DATE_LENGTH) {
                return LocalDate.parse(value).atStartOfDay();
            }
            boolean spaced = value.charAt(DATE_LENGTH) == ' ';
            return LocalDateTime.parse(spaced ? value.substring(0, DATE_LENGTH) + 'T' + value.substring(DATE_LENGTH + 1)
                    : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; use " + ACCEPTED_FORMS);
        }
    }
}
