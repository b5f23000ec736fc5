package com.example.monitor.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text of dates and timestamps, exactly as {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} and
 * friends write it (seconds always, the fraction only when not zero and without trailing zeros), into
 * a caller's buffer. Written by hand because the general formatter is the largest cost of writing a
 * row with a timestamp (about a sixth of a 1M-row report), and rows are written millions at a time.
 * Years outside 0000-9999 take the formatter, which owns their sign and padding rules.
 */
final class IsoDateTimes {

    /** Enough for java.time's widest: "+999999999-12-31T23:59:59.999999999-17:59:59". */
    static final int MAX_LENGTH = 44;

    private IsoDateTimes() {
    }

    /** Writes the date-time into {@code buffer} from 0 and returns its length. */
    static int format(LocalDateTime value, char[] buffer) {
        if (!plainYear(value.getYear())) {
            return copy(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value), buffer);
        }
        int at = date(value.toLocalDate(), buffer, 0);
        buffer[at++] = 'T';
        return time(value.toLocalTime(), buffer, at);
    }

    static int format(OffsetDateTime value, char[] buffer) {
        if (!plainYear(value.getYear())) {
            return copy(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), buffer);
        }
        int at = format(value.toLocalDateTime(), buffer);
        // ZoneOffset's id is ISO's offset: "Z", "+01:00" or "+01:00:30"
        String offset = value.getOffset().getId();
        offset.getChars(0, offset.length(), buffer, at);
        return at + offset.length();
    }

    static int format(LocalDate value, char[] buffer) {
        if (!plainYear(value.getYear())) {
            return copy(DateTimeFormatter.ISO_LOCAL_DATE.format(value), buffer);
        }
        return date(value, buffer, 0);
    }

    private static boolean plainYear(int year) {
        return year >= 0 && year <= 9999;
    }

    private static int date(LocalDate date, char[] buffer, int at) {
        int year = date.getYear();
        buffer[at] = digit(year / 1000);
        buffer[at + 1] = digit(year / 100 % 10);
        buffer[at + 2] = digit(year / 10 % 10);
        buffer[at + 3] = digit(year % 10);
        buffer[at + 4] = '-';
        twoDigits(date.getMonthValue(), buffer, at + 5);
        buffer[at + 7] = '-';
        twoDigits(date.getDayOfMonth(), buffer, at + 8);
        return at + 10;
    }

    private static int time(LocalTime time, char[] buffer, int at) {
        twoDigits(time.getHour(), buffer, at);
        buffer[at + 2] = ':';
        twoDigits(time.getMinute(), buffer, at + 3);
        buffer[at + 5] = ':';
        twoDigits(time.getSecond(), buffer, at + 6);
        at += 8;
        int nanos = time.getNano();
        if (nanos == 0) {
            return at;
        }
        buffer[at++] = '.';
        int divisor = 100_000_000;
        while (nanos > 0) {
            buffer[at++] = digit(nanos / divisor);
            nanos %= divisor;
            divisor /= 10;
        }
        return at;
    }

    private static void twoDigits(int value, char[] buffer, int at) {
        buffer[at] = digit(value / 10);
        buffer[at + 1] = digit(value % 10);
    }

    private static char digit(int value) {
        return (char) ('0' + value);
    }

    private static int copy(String text, char[] buffer) {
        text.getChars(0, text.length(), buffer, 0);
        return text.length();
    }
}
