package com.example.monitor.run;

import com.example.monitor.config.FileReading;
import com.example.monitor.config.StartDates;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of a run request's JSON, for an HTTP body and an inbox file alike: {@code {}},
 * {@code {"startDate": "2026-10-01"}} or {@code {"lookbackDays": 7}}, in UTF-8. It reads the tokens
 * itself, so every problem names its line and column and none quotes the request: a request is
 * input from anyone who can reach the API or the inbox, and its text must not reach a log, a reason
 * file or an answer.
 */
public final class RunRequestReader {

    /** A request is one flat object; these leave room for a mistake while bounding a hostile one. */
    public static final int MAX_DEPTH = 16;
    public static final int MAX_STRING_LENGTH = 1000;
    public static final int MAX_NUMBER_LENGTH = 20;
    static final String START_DATE = "startDate";
    static final String LOOKBACK_DAYS = "lookbackDays";
    private static final String SHAPE = "a request must be a JSON object such as {} or {\"startDate\": \"2026-10-01\"}";

    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH).maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build();

    /**
     * @param trigger what the run is recorded as started by: {@code http}, {@code file}
     * @throws InvalidRunRequestException with every problem found, each naming its line and column
     */
    public RunRequest read(byte[] content, String trigger) {
        List<String> problems = new ArrayList<>();
        String text = FileReading.strictUtf8(content == null ? new byte[0] : content, problems::add).orElse(null);
        if (text == null) {
            throw new InvalidRunRequestException(problems);
        }
        Fields fields = new Fields();
        try (JsonParser parser = json.createParser(text)) {
            try {
                readObject(parser, fields, problems);
                if (fields.startDate != null && fields.lookbackDays != null) {
                    problems.add("give startDate or lookbackDays, not both");
                }
            } catch (StreamConstraintsException e) {
                // a request that does not parse has only that problem: what was read of it before is moot
                problems.clear();
                problems.add(limit(e) + " at " + where(e.getLocation() != null ? e.getLocation() : parser.currentLocation()));
            } catch (JsonEOFException e) {
                problems.clear();
                problems.add("malformed JSON: the request ends early, at " + where(e.getLocation()));
            } catch (JsonProcessingException e) {
                problems.clear();
                problems.add("malformed JSON at " + where(e.getLocation() != null ? e.getLocation() : parser.currentLocation()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRunRequestException(problems);
        }
        return new RunRequest(fields.startDate, fields.lookbackDays, trigger, null, null);
    }

    private static final class Fields {
        LocalDateTime startDate;
        Integer lookbackDays;
    }

    private static void readObject(JsonParser parser, Fields fields, List<String> problems) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problems.add(SHAPE);
            return;
        }
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String at = where(parser.currentTokenLocation());
            JsonToken value = parser.nextToken();
            if (!seen.add(key)) {
                problems.add("duplicate key at " + at + "; give each key once");
            } else if (key.equals(START_DATE)) {
                fields.startDate = startDate(parser, value, problems);
            } else if (key.equals(LOOKBACK_DAYS)) {
                fields.lookbackDays = lookbackDays(parser, value, problems);
            } else {
                problems.add("unknown key at " + at + "; a request may have " + START_DATE + " and " + LOOKBACK_DAYS);
            }
            parser.skipChildren();
        }
        if (parser.nextToken() != null) {
            problems.add("malformed JSON: more after the request's object, at " + where(parser.currentTokenLocation()));
        }
    }

    private static LocalDateTime startDate(JsonParser parser, JsonToken value, List<String> problems) throws IOException {
        String at = where(parser.currentTokenLocation());
        if (value != JsonToken.VALUE_STRING) {
            problems.add(START_DATE + " at " + at + " is not a string; use " + StartDates.ACCEPTED_FORMS);
            return null;
        }
        LocalDateTime parsed = StartDates.parseOrNull(parser.getText());
        if (parsed == null) {
            problems.add(START_DATE + " at " + at + " is not a date; use " + StartDates.ACCEPTED_FORMS);
            return null;
        }
        if (!StartDates.inRange(parsed)) {
            problems.add(START_DATE + " at " + at + " is outside " + StartDates.YEARS);
            return null;
        }
        return parsed;
    }

    private static Integer lookbackDays(JsonParser parser, JsonToken value, List<String> problems) throws IOException {
        String at = where(parser.currentTokenLocation());
        if (value == JsonToken.VALUE_NUMBER_INT) {
            BigInteger days = parser.getBigIntegerValue();
            if (days.bitLength() < Long.SIZE && StartDates.lookbackInRange(days.longValue())) {
                return days.intValue();
            }
        }
        problems.add(LOOKBACK_DAYS + " at " + at + " is not " + StartDates.LOOKBACK_RANGE);
        return null;
    }

    /** Which of the parser's limits was passed; Jackson's own message quotes nothing, but is not ours to promise. */
    private static String limit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels (the parser's limit)";
        }
        if (message.contains("String value length")) {
            return "a string longer than " + MAX_STRING_LENGTH + " characters (the parser's limit)";
        }
        if (message.contains("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " digits (the parser's limit)";
        }
        return "beyond the parser's limits";
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
