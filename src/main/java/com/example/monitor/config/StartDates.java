package com.example.monitor.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The one reader of start dates, wherever they are typed (argument, properties, request file, HTTP):
 * an ISO date (midnight), an ISO date-time, or the same with a space instead of the {@code T}, as
 * SQL Developer shows dates.
 */
public final class StartDates {

    public static final String ACCEPTED_FORMS = "2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00";

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private StartDates() {
    }

    public static LocalDateTime parse(String text) {
        String value = text.trim();
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; use " + ACCEPTED_FORMS);
        }
    }
}
