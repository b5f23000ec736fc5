package com.example.monitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class StartDateTranslatorTest {

    @Test
    void startDateBindBecomesQuestionMark() {
        PreparedSql prepared = StartDateTranslator.translate("SELECT * FROM t WHERE d >= :start_date");

        assertEquals(new PreparedSql("SELECT * FROM t WHERE d >= ?", 1), prepared);
    }

    @Test
    void everyStartDateOccurrenceIsCounted() {
        PreparedSql prepared = StartDateTranslator.translate(
                "SELECT * FROM a WHERE d >= :start_date AND e >= :start_date OR f < :start_date + 1");

        assertEquals("SELECT * FROM a WHERE d >= ? AND e >= ? OR f < ? + 1", prepared.jdbcSql());
        assertEquals(3, prepared.startDateBindCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {":START_DATE", ":Start_Date", ":start_DATE"})
    void bindNameIsCaseInsensitive(String bind) {
        assertEquals(new PreparedSql("SELECT ? FROM dual", 1),
                StartDateTranslator.translate("SELECT " + bind + " FROM dual"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ':start_date' FROM dual",
        "SELECT TO_CHAR(d, 'HH24:MI:SS') FROM t",
        "SELECT 1 FROM dual -- :start_date\n",
        "SELECT /* :start_date */ 1 FROM dual",
        "SELECT 1 AS \":start_date\" FROM dual",
        "SELECT q'[:start_date]', q'{:start_date}', q'(:start_date)', q'<:start_date>', Q'!:start_date!' FROM dual",
        "SELECT nq'[:start_date]', N':start_date', E'\\':start_date' FROM dual",
        "SELECT $$:start_date$$, $tag$ :start_date $tag$",
        "SELECT x::date, 'a'::text FROM t",
        "SELECT col# FROM t# WHERE a # b = 1 AND n = '#'",
        "SELECT arr[1:3], arr[lo:hi] FROM t",
        "SELECT * FROM t WHERE d >= :end_date"
    })
    void textWithoutAStartDateBindIsLeftUntouched(String sql) {
        assertEquals(new PreparedSql(sql, 0), StartDateTranslator.translate(sql));
    }

    @Test
    void bindInsideStringLiteralIsLeftUntouchedNextToARealBind() {
        assertEquals(new PreparedSql("SELECT ':start_date', ? FROM dual", 1),
                StartDateTranslator.translate("SELECT ':start_date', :start_date FROM dual"));
    }

    @Test
    void startDateFollowedByPostgresCastKeepsTheCast() {
        assertEquals(new PreparedSql("SELECT * FROM t WHERE d >= ?::date", 1),
                StartDateTranslator.translate("SELECT * FROM t WHERE d >= :start_date::date"));
    }

    @Test
    void optimizerHintSurvives() {
        assertEquals(new PreparedSql("SELECT /*+ INDEX(t t_idx) */ * FROM t WHERE d > ?", 1),
                StartDateTranslator.translate("SELECT /*+ INDEX(t t_idx) */ * FROM t WHERE d > :start_date;"));
    }

    static Stream<Arguments> terminatedStatements() {
        return Stream.of(
                Arguments.of("SELECT 1 FROM dual;", "SELECT 1 FROM dual"),
                Arguments.of("SELECT 1 FROM dual;  \n", "SELECT 1 FROM dual  \n"),
                Arguments.of("SELECT 1 FROM dual; -- done\n", "SELECT 1 FROM dual -- done\n"),
                Arguments.of("SELECT 1 FROM dual\n/\n", "SELECT 1 FROM dual\n\n"),
                Arguments.of("SELECT 1 FROM dual\r\n  /  \r\n", "SELECT 1 FROM dual\r\n    \r\n"),
                Arguments.of("SELECT 1 FROM dual;\n/", "SELECT 1 FROM dual\n"));
    }

    @ParameterizedTest
    @MethodSource("terminatedStatements")
    void trailingTerminatorIsRemovedBecauseJdbcRejectsIt(String sql, String expected) {
        assertEquals(expected, StartDateTranslator.translate(sql).jdbcSql());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ';' FROM dual", "SELECT 10 / 2 FROM dual", "SELECT a /\n b FROM t"})
    void semicolonInLiteralAndDivisionAreNotTerminators(String sql) {
        assertEquals(sql, StartDateTranslator.translate(sql).jdbcSql());
    }

    @Test
    void unterminatedLiteralIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StartDateTranslator.translate("SELECT 'oops FROM dual"));
        assertTrue(error.getMessage().contains("unterminated string literal"), error.getMessage());
    }
}
