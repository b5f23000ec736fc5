package com.example.monitor.sql;

import com.example.monitor.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL written for Oracle, PostgreSQL and H2 into tokens.
 * Hand-written because no library tokenizes the Oracle + PostgreSQL mix (q-quotes, dollar quotes, :: casts) reliably.
 */
final class SqlTokenizer {

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    /** Start of the token being scanned; scanners return its end and leave this alone until then. */
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    /** @throws SqlSyntaxException when a literal, comment or quoted identifier is not closed */
    static List<SqlToken> tokenize(String sql) {
        return new SqlTokenizer(sql).run();
    }

    private List<SqlToken> run() {
        while (pos < sql.length()) {
            int start = pos;
            Kind kind = scan();
            tokens.add(new SqlToken(kind, sql.substring(start, pos), start));
        }
        return List.copyOf(tokens);
    }

    private Kind scan() {
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
            pos = skipWhile(pos, Character::isWhitespace);
            return Kind.WHITESPACE;
        }
        if (sql.startsWith("--", pos)) {
            pos = skipWhile(pos, ch -> ch != '\n' && ch != '\r');
            return Kind.LINE_COMMENT;
        }
        if (sql.startsWith("/*", pos)) {
            pos = endOf("*/", pos + 2, "block comment");
            return Kind.BLOCK_COMMENT;
        }
        if (c == '\'') {
            pos = endOfQuoted(pos, '\'', "string literal");
            return Kind.STRING_LITERAL;
        }
        if (c == '"') {
            pos = endOfQuoted(pos, '"', "quoted identifier");
            return Kind.QUOTED_IDENTIFIER;
        }
        if (c == '$' && dollarTagAt(pos) != null) {
            String tag = dollarTagAt(pos);
            pos = endOf(tag, pos + tag.length(), "dollar-quoted string");
            return Kind.STRING_LITERAL;
        }
        if (c == ':') {
            return scanColon();
        }
        if (c == '?' || c == ';') {
            pos++;
            return c == '?' ? Kind.QUESTION_MARK : Kind.SEMICOLON;
        }
        if (Character.isLetter(c) || c == '_') {
            return scanWordOrPrefixedLiteral();
        }
        if (isAsciiDigit(c)) {
            // numbers such as 1.5e3 or 2d stay one token so their letters are not mistaken for words
            pos = skipWhile(pos, ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '_');
            return Kind.OTHER;
        }
        pos++;
        return Kind.OTHER;
    }

    private Kind scanWordOrPrefixedLiteral() {
        char first = Character.toUpperCase(sql.charAt(pos));
        char second = Character.toUpperCase(charAt(pos + 1));
        if (first == 'Q' && second == '\'') {
            pos = endOfQQuote(pos + 2);
            return Kind.STRING_LITERAL;
        }
        if (first == 'N' && second == 'Q' && charAt(pos + 2) == '\'') {
            pos = endOfQQuote(pos + 3);
            return Kind.STRING_LITERAL;
        }
        if (first == 'N' && second == '\'') {
            pos = endOfQuoted(pos + 1, '\'', "string literal");
            return Kind.STRING_LITERAL;
        }
        if (first == 'E' && second == '\'') {
            pos = endOfEscapeString(pos + 1);
            return Kind.STRING_LITERAL;
        }
        // Oracle allows $ and # inside identifiers (v$session, col#)
        pos = skipWhile(pos, ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '#');
        return Kind.WORD;
    }

    private Kind scanColon() {
        char next = charAt(pos + 1);
        if (next == ':') {
            pos += 2;
            return Kind.DOUBLE_COLON;
        }
        if (Character.isLetter(next) && !continuesArraySlice()) {
            pos = skipWhile(pos + 1, ch -> Character.isLetterOrDigit(ch) || ch == '_');
            return Kind.BIND;
        }
        if (isAsciiDigit(next) && !continuesArraySlice()) {
            pos = skipWhile(pos + 1, SqlTokenizer::isAsciiDigit);
            return Kind.BIND;
        }
        pos++;
        return Kind.OTHER;
    }

    /** In PostgreSQL {@code arr[1:3]} and {@code arr[lo:hi]} the colon is a slice, not a bind. */
    private boolean continuesArraySlice() {
        if (tokens.isEmpty()) {
            return false;
        }
        SqlToken previous = tokens.get(tokens.size() - 1);
        boolean number = previous.kind() == Kind.OTHER && isAsciiDigit(previous.text().charAt(0));
        return previous.kind() == Kind.WORD || number || previous.isSymbol("[");
    }

    /** Ordinary quoting where the quote character is escaped by doubling it. */
    private int endOfQuoted(int openQuote, char quote, String what) {
        int i = openQuote + 1;
        while (true) {
            int close = sql.indexOf(quote, i);
            if (close < 0) {
                throw unterminated(what);
            }
            if (charAt(close + 1) != quote) {
                return close + 1;
            }
            i = close + 2;
        }
    }

    /** PostgreSQL E'...' strings, where a backslash escapes the next character. */
    private int endOfEscapeString(int openQuote) {
        int i = openQuote + 1;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\\') {
                i += 2;
            } else if (ch == '\'' && charAt(i + 1) == '\'') {
                i += 2;
            } else if (ch == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw unterminated("string literal");
    }

    /** Oracle q'Xtext X'; brackets close with their partner, any other delimiter closes with itself. */
    private int endOfQQuote(int delimiterIndex) {
        if (delimiterIndex >= sql.length()) {
            throw unterminated("q-quoted string literal");
        }
        char open = sql.charAt(delimiterIndex);
        char close = switch (open) {
            case '[' -> ']';
            case '{' -> '}';
            case '(' -> ')';
            case '<' -> '>';
            default -> open;
        };
        int end = sql.indexOf(close + "'", delimiterIndex + 1);
        if (end < 0) {
            throw unterminated("q-quoted string literal");
        }
        return end + 2;
    }

    private int endOf(String terminator, int from, String what) {
        int end = sql.indexOf(terminator, from);
        if (end < 0) {
            throw unterminated(what);
        }
        return end + terminator.length();
    }

    /** Returns {@code $$} or {@code $tag$} when a PostgreSQL dollar quote opens at {@code index}, else null. */
    private String dollarTagAt(int index) {
        int i = index + 1;
        if (charAt(i) != '$' && !(Character.isLetter(charAt(i)) || charAt(i) == '_')) {
            return null;
        }
        i = skipWhile(i, ch -> Character.isLetterOrDigit(ch) || ch == '_');
        return charAt(i) == '$' ? sql.substring(index, i + 1) : null;
    }

    private SqlSyntaxException unterminated(String what) {
        long line = 1 + sql.substring(0, pos).chars().filter(ch -> ch == '\n').count();
        return new SqlSyntaxException("unterminated " + what + " starting on line " + line);
    }

    private int skipWhile(int from, CharPredicate predicate) {
        int i = from;
        while (i < sql.length() && predicate.test(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private char charAt(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private static boolean isAsciiDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char ch);
    }
}
