package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

    @Test
    void aValueUpToTheCapIsQuotedWhole() {
        String hundred = "x".repeat(Quoted.MAX_CODE_POINTS);

        assertThat(Quoted.of("yesterday")).isEqualTo("'yesterday'");
        assertThat(Quoted.of(hundred)).isEqualTo("'" + hundred + "'");
    }

    @Test
    void aLongerValueIsCutWithItsLengthInCodePointsAndNoHalfCharacter() {
        String emoji = "\uD83D\uDE00";
        String value = "a".repeat(Quoted.MAX_CODE_POINTS - 1) + emoji + emoji;

        assertThat(Quoted.of(value)).isEqualTo("'" + "a".repeat(Quoted.MAX_CODE_POINTS - 1) + emoji + "\u2026' ("
                + (Quoted.MAX_CODE_POINTS + 1) + " characters)");
    }
}
