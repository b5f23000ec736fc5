package com.example.monitor.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one reader of start dates, wherever they are typed (argument, properties, request file, HTTP,
 * a team route's header): an ISO date (midnight), an ISO date-time, or the same with a space instead
 * of the {@code T}, as SQL Developer shows dates. The bounds of a start date and of a look-back are
 * declared here, once, for every way of giving them.
 */
public final class StartDates {

    public static final String ACCEPTED_FORMS = "2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00";
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;
    /** 0 is today's midnight; 36,500 days is a century, further back than any client's history. */
    public static final int MIN_LOOKBACK_DAYS = 0;
    public static final int MAX_LOOKBACK_DAYS = 36_500;
    public static final String YEARS = "the years " + MIN_YEAR + " to " + MAX_YEAR;
    public static final String LOOKBACK_RANGE = "a whole number from " + MIN_LOOKBACK_DAYS + " to " + MAX_LOOKBACK_DAYS;

    private static final int DATE_LENGTH = "2026-10-01".length();

    private StartDates() {
    }

    /** @throws IllegalArgumentException quoting the text, for settings and headers the operator wrote */
    public static LocalDateTime parse(String text) {
        LocalDateTime parsed = parseOrNull(text);
        if (parsed == null) {
            throw new IllegalArgumentException(Quoted.of(text) + " is not a date; use " + ACCEPTED_FORMS);
        }
        if (!inRange(parsed)) {
            throw new IllegalArgumentException(Quoted.of(text) + " is outside " + YEARS);
        }
        return parsed;
    }

    /** The date, or null when the text is in none of the accepted forms (whatever its year). */
    public static LocalDateTime parseOrNull(String text) {
        String value = text.trim();
        try {
            if (value.length() <= DATE_LENGTH) {
                return LocalDate.parse(value).atStartOfDay();
            }
            boolean spaced = value.charAt(DATE_LENGTH) == ' ';
            return LocalDateTime.parse(spaced ? value.substring(0, DATE_LENGTH) + 'T' + value.substring(DATE_LENGTH + 1)
                    : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @throws IllegalArgumentException when the date is outside the bounds */
    public static LocalDateTime checked(LocalDateTime startDate) {
        if (!inRange(startDate)) {
            throw new IllegalArgumentException(startDate + " is outside " + YEARS);
        }
        return startDate;
    }

    public static boolean inRange(LocalDateTime startDate) {
        return startDate.getYear() >= MIN_YEAR && startDate.getYear() <= MAX_YEAR;
    }

    public static boolean lookbackInRange(long days) {
        return days >= MIN_LOOKBACK_DAYS && days <= MAX_LOOKBACK_DAYS;
    }

    /** @throws IllegalArgumentException quoting the text, for settings and headers the operator wrote */
    public static int parseLookbackDays(String text) {
        try {
            long days = Long.parseLong(text.trim());
            if (lookbackInRange(days)) {
                return (int) days;
            }
        } catch (NumberFormatException e) {
            // answered below with the accepted range
        }
        throw new IllegalArgumentException(Quoted.of(text) + " is not " + LOOKBACK_RANGE);
    }
}
