package com.example.monitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.monitor.sql.SqlToken.Kind;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SqlTokenizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT /*+ FULL(t) */ a, 'x''y' FROM t -- end\nWHERE d >= :start_date::date;",
        "SELECT q'[it's]', $tag$ $$ $tag$, E'a\\'b', \"q\"\"id\" FROM v$session#x",
        "  \r\n\t"
    })
    void tokensConcatenateBackToTheOriginalTextWithCorrectOffsets(String sql) {
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql);

        assertEquals(sql, tokens.stream().map(SqlToken::text).collect(Collectors.joining()));
        for (SqlToken token : tokens) {
            assertEquals(token.text(), sql.substring(token.start(), token.start() + token.text().length()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'it''s'", "q'[it's]'", "q'{a}b}'", "q'(a)'", "Q'<a>'", "q'!a'b!'", "nq'[x]'", "N'x'",
        "E'it\\'s'", "e'a\\\\'", "$$it's$$", "$body$ $$ ; $body$"
    })
    void eachLiteralFormIsOneStringToken(String literal) {
        assertEquals(List.of(new SqlToken(Kind.STRING_LITERAL, literal, 0)), SqlTokenizer.tokenize(literal));
    }

    @Test
    void quotedIdentifierKeepsDoubledQuotes() {
        assertEquals(List.of(new SqlToken(Kind.QUOTED_IDENTIFIER, "\"a\"\"b\"", 0)),
                SqlTokenizer.tokenize("\"a\"\"b\""));
    }

    @Test
    void startDateFollowedByCastIsBindThenDoubleColon() {
        assertEquals(List.of(Kind.BIND, Kind.DOUBLE_COLON, Kind.WORD), kinds(":start_date::date"));
    }

    @Test
    void castAfterIdentifierIsNeverABind() {
        assertEquals(List.of(Kind.WORD, Kind.DOUBLE_COLON, Kind.WORD), kinds("x::date"));
    }

    @Test
    void positionalColonNumberIsABind() {
        assertEquals(List.of(Kind.WORD, Kind.WHITESPACE, Kind.BIND), kinds("x :1"));
    }

    @Test
    void colonInsidePostgresArraySliceIsNotABind() {
        assertEquals(List.of(Kind.WORD, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER),
                kinds("arr[1:3]"));
    }

    @Test
    void questionMarkSemicolonAndCommentsHaveTheirOwnKinds() {
        assertEquals(List.of(Kind.QUESTION_MARK, Kind.SEMICOLON, Kind.LINE_COMMENT, Kind.WHITESPACE,
                Kind.BLOCK_COMMENT), kinds("?;-- c\n/*+ hint */"));
    }

    @Test
    void oracleIdentifierWithDollarAndHashIsOneWord() {
        assertEquals(List.of(new SqlToken(Kind.WORD, "v$session#1", 0)), SqlTokenizer.tokenize("v$session#1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT 'abc                | unterminated string literal starting on line 1",
        "SELECT 1\\n/* never closed | unterminated block comment starting on line 2",
        "\\n\\nSELECT \"x            | unterminated quoted identifier starting on line 3",
        "SELECT q'[abc]             | unterminated q-quoted string literal starting on line 1",
        "SELECT $$abc               | unterminated dollar-quoted string starting on line 1",
        "SELECT E'abc\\'            | unterminated string literal starting on line 1"
    })
    void unterminatedConstructIsReportedWithItsLine(String sql, String message) {
        SqlSyntaxException error = assertThrows(SqlSyntaxException.class,
                () -> SqlTokenizer.tokenize(sql.replace("\\n", "\n")));
        assertEquals(message, error.getMessage());
    }

    private static List<Kind> kinds(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(SqlToken::kind).toList();
    }
}
