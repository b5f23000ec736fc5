package com.example.monitor.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration forms users write in databases.yaml: {@code 500ms, 15s, 10m, 1h, 2d} or ISO-8601. */
public final class Durations {
    /** What a timer counting milliseconds can hold, about 292 million years. */
    private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the accepted forms when {@code text} is not a positive duration */
    public static Duration parse(String text) {
        return parse(text, text);
    }

    /** {@code shownAs} replaces the text in messages, so values taken from the environment are never echoed. */
    static Duration parse(String text, String shownAs) {
        Duration duration = parseOrNull(text == null ? "" : text.strip());
        if (duration == null) {
            throw new IllegalArgumentException(Quoted.of(shownAs)
                    + " is not a duration; use e.g. 15s, 10m, 1h or ISO-8601 PT15S");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(Quoted.of(shownAs) + " is not a duration greater than zero");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(Quoted.of(shownAs) + " is too long to count in milliseconds, as the"
                    + " timers do");
        }
        return duration;
    }

    /**
     * A setting's parser that also refuses what is shorter than {@code least} or longer than {@code most},
     * both written as the user would write them ({@code "1s"}, {@code "1h"}), which is how messages give them.
     */
    public static Function<String, Duration> between(String least, String most) {
        Duration shortest = parse(least);
        Duration longest = parse(most);
        return text -> {
            Duration duration = parse(text);
            if (duration.compareTo(shortest) < 0 || duration.compareTo(longest) > 0) {
                throw new IllegalArgumentException(Quoted.of(text) + " is not between " + least + " and " + most);
            }
            return duration;
        };
    }

    /**
     * A query timeout: JDBC's {@code Statement.setQueryTimeout} counts whole seconds, so {@code 500ms}
     * or {@code 1500ms} could not be kept as written; the driver would time the query out at another moment.
     *
     * @throws IllegalArgumentException as {@link #parse}, or naming the whole seconds to write instead
     */
    public static Duration wholeSeconds(String text) {
        return wholeSeconds(text, text);
    }

    static Duration wholeSeconds(String text, String shownAs) {
        Duration duration = parse(text, shownAs);
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException(Quoted.of(shownAs) + " is not whole seconds: JDBC drivers time a query"
                    + " out in whole seconds; write " + (duration.getSeconds() + 1) + "s"
                    + (duration.getSeconds() > 0 ? " or " + duration.getSeconds() + "s" : ""));
        }
        return duration;
    }

    private static Duration parseOrNull(String text) {
        Matcher shortForm = SHORT_FORM.matcher(text.toLowerCase(Locale.ROOT));
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return text.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(text) : null;
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException tooLargeOrMalformed) {
            return null;
        }
    }
}
