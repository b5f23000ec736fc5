package com.example.monitor.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "15s,   PT15S",
            "10m,   PT10M",
            "1h,    PT1H",
            "2d,    PT48H",
            "PT15S, PT15S",
            "pt1m,  PT1M",
            "P1D,   PT24H",
    })
    void acceptsShortAndIsoForms(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @Test
    void rejectsTextThatIsNotADurationAndSaysWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("abc"));
        assertEquals("'abc' is not a duration; use e.g. 15s, 10m, 1h or ISO-8601 PT15S", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "15 sec", "1.5h", "-5s", "10w", "s", "PT", "99999999999999999999d"})
    void rejectsUnsupportedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration; use e.g. 15s, 10m, 1h or ISO-8601 PT15S", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "PT0S", "PT-5S"})
    void rejectsZeroAndNegativeDurations(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration greater than zero", e.getMessage());
    }
}
