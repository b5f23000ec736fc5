package com.example.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of run requests, for HTTP bodies and inbox files: its limits, and what it never quotes. */
class RunRequestReaderTest {

    private final RunRequestReader reader = new RunRequestReader();

    @Test
    void aValidRequestBecomesOneTypedValue() {
        assertThat(read("{\"startDate\": \"2026-10-01 06:30:00\"}").startDate()).isEqualTo(LocalDateTime.of(2026, 10, 1, 6, 30));
        assertThat(read("{\"lookbackDays\": 7}").lookbackDays()).isEqualTo(7);
        RunRequest empty = read(" {} ");
        assertThat(empty).isEqualTo(new RunRequest(null, null, "http", null, null));
    }

    @Test
    void problemsNameTheirLineAndColumnAndNeverQuoteTheRequest() {
        List<String> problems = problems("{\n  \"colour<script>\": \"red\",\n  \"startDate\": \"2026-13-45<b>\"\n}");
        assertThat(problems).containsExactly(
                "unknown key at line 2, column 3; a request may have startDate and lookbackDays",
                "startDate at line 3, column 16 is not a date; use 2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00");
        assertThat(String.join(" ", problems)).doesNotContain("colour", "script", "2026-13-45", "<b>");
        assertThat(problems("{\"startDate\": \"x\"'garbage'")).singleElement().asString()
                .startsWith("malformed JSON at line 1, column").doesNotContain("garbage");
        assertThat(problems("{\"startDate\": \"2026-10-01\"")).singleElement().asString()
                .startsWith("malformed JSON: the request ends early");
        assertThat(problems("[]")).singleElement().asString().contains("JSON object");
        assertThat(problems("{} {}")).singleElement().asString().startsWith("malformed JSON: more after the request's object");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(problems("{\"lookbackDays\": 1, \"lookbackDays\": 2}"))
                .containsExactly("duplicate key at line 1, column 21; give each key once");
    }

    @Test
    void boundsAreTheSettingsOwn() {
        assertThat(problems("{\"lookbackDays\": 2147483647}")).singleElement().asString()
                .isEqualTo("lookbackDays at line 1, column 18 is not a whole number from 0 to 36500");
        assertThat(problems("{\"lookbackDays\": -1}")).singleElement().asString().contains("from 0 to 36500");
        assertThat(problems("{\"lookbackDays\": 7.5}")).singleElement().asString().contains("from 0 to 36500");
        assertThat(problems("{\"lookbackDays\": \"7\"}")).singleElement().asString().contains("from 0 to 36500");
        assertThat(read("{\"lookbackDays\": 36500}").lookbackDays()).isEqualTo(36500);
        assertThat(problems("{\"startDate\": \"1899-12-31\"}")).singleElement().asString()
                .isEqualTo("startDate at line 1, column 15 is outside the years 1900 to 9999");
        assertThat(problems("{\"startDate\": \"+10000-01-01\"}")).singleElement().asString().contains("startDate");
        assertThat(problems("{\"startDate\": 20261001}")).singleElement().asString().contains("is not a string");
        assertThat(problems("{\"startDate\": \"2026-10-01\", \"lookbackDays\": 3}")).containsExactly("give startDate or lookbackDays, not both");
    }

    @Test
    void parserLimitsAndInvalidUtf8AreNamedProblems() {
        assertThat(problems("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}")).singleElement().asString()
                .startsWith("nested deeper than 16 levels (the parser's limit) at line 1, column");
        assertThat(problems("{\"startDate\": \"" + "x".repeat(5000) + "\"}")).singleElement().asString()
                .startsWith("a string longer than 1000 characters (the parser's limit) at line 1");
        assertThat(problems("{\"lookbackDays\": " + "9".repeat(100) + "}")).singleElement().asString()
                .startsWith("a number longer than 20 digits (the parser's limit) at line 1");
        byte[] latin1 = "{\"startDate\": \"2026-10-01\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(latin1, "http")).isInstanceOfSatisfying(InvalidRunRequestException.class,
                e -> assertThat(e.problems()).containsExactly("not UTF-8: an invalid byte at line 1, column 26"));
    }

    private RunRequest read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "http");
    }

    private List<String> problems(String json) {
        try {
            read(json);
        } catch (InvalidRunRequestException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + json);
    }
}
