package com.example.monitor.sql;

import com.example.monitor.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tokenized SQL file with its trailing terminator identified: a {@code ;}, a SQL*Plus {@code /} line,
 * or {@code ;} followed by a {@code /} line. JDBC drivers reject both, so callers drop these tokens.
 */
final class SqlScript {

    private final String text;
    private final List<SqlToken> tokens;
    private final Set<Integer> terminatorIndexes;

    private SqlScript(String text, List<SqlToken> tokens, Set<Integer> terminatorIndexes) {
        this.text = text;
        this.tokens = tokens;
        this.terminatorIndexes = terminatorIndexes;
    }

    /** @throws SqlSyntaxException when a literal, comment or quoted identifier is not closed */
    static SqlScript parse(String text) {
        Objects.requireNonNull(text, "sqlText");
        List<SqlToken> tokens = SqlTokenizer.tokenize(text);
        return new SqlScript(text, tokens, findTerminators(text, tokens));
    }

    private static Set<Integer> findTerminators(String text, List<SqlToken> tokens) {
        List<Integer> significant = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSignificant()) {
                significant.add(i);
            }
        }
        Set<Integer> found = new HashSet<>();
        int last = significant.size() - 1;
        if (last >= 0 && isSlashLine(text, tokens.get(significant.get(last)))) {
            found.add(significant.get(last--));
        }
        if (last >= 0 && tokens.get(significant.get(last)).kind() == Kind.SEMICOLON) {
            found.add(significant.get(last));
        }
        return Set.copyOf(found);
    }

    List<SqlToken> tokens() {
        return tokens;
    }

    boolean isTerminator(int tokenIndex) {
        return terminatorIndexes.contains(tokenIndex);
    }

    /** Significant tokens (no whitespace or comments) without the trailing terminator. */
    List<SqlToken> statementTokens() {
        List<SqlToken> result = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSignificant() && !isTerminator(i)) {
                result.add(tokens.get(i));
            }
        }
        return result;
    }

    /** A {@code /} alone on its line is SQL*Plus "run the buffer", not division. */
    boolean isSlashLine(SqlToken token) {
        return isSlashLine(text, token);
    }

    private static boolean isSlashLine(String text, SqlToken token) {
        if (!token.isSymbol("/")) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', token.start() - 1) + 1;
        int lineEnd = text.indexOf('\n', token.start());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return line.strip().equals("/");
    }
}
