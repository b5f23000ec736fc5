package com.example.monitor.sql;

import com.example.monitor.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that an analyst's SQL file is exactly one read-only SELECT or WITH query the app can run unchanged
 * on Oracle, PostgreSQL and H2. Keywords are judged by position, never by substring, so columns such as
 * {@code last_update} or a quoted {@code "DELETE"} alias are not mistaken for statements.
 */
public final class SqlStatementValidator {

    static final String NO_STATEMENT = "contains no SQL statement";
    static final String MORE_THAN_ONE_STATEMENT = "contains more than one statement";
    static final String POSITIONAL_PARAMETER = "positional ? parameter is not supported; use :start_date";

    private static final Set<String> STATE_CHANGING = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
            "COMMIT", "ROLLBACK", "CALL", "EXEC", "EXECUTE", "BEGIN", "DECLARE", "LOCK");
    private static final Set<String> SQLPLUS_COMMANDS = Set.of("SET", "SPOOL", "DEFINE", "PROMPT");
    /** PostgreSQL spells row locks four ways; Oracle and H2 only know FOR UPDATE. */
    private static final List<List<String>> LOCK_CLAUSES = List.of(
            List.of("UPDATE"), List.of("NO", "KEY", "UPDATE"), List.of("SHARE"), List.of("KEY", "SHARE"));

    private SqlStatementValidator() {
    }

    /** Returns one-line, human-readable problems; empty when the text is a single SELECT or WITH query. */
    public static List<String> problems(String sqlText) {
        SqlScript script;
        try {
            script = SqlScript.parse(sqlText);
        } catch (SqlSyntaxException e) {
            return List.of(e.getMessage());
        }
        List<SqlToken> tokens = script.statementTokens();
        if (tokens.isEmpty()) {
            return List.of(NO_STATEMENT);
        }
        String inlinePlsql = inlinePlsqlKeyword(tokens);
        if (inlinePlsql != null) {
            // the PL/SQL body contains semicolons, so any further finding would only be noise
            return List.of("uses WITH " + inlinePlsql + " (inline PL/SQL), which is not supported");
        }
        Set<String> problems = new LinkedHashSet<>();
        checkStatements(script, tokens, problems);
        checkParameters(tokens, problems);
        checkSubstitutionVariables(script.tokens(), problems);
        return List.copyOf(problems);
    }

    private static void checkStatements(SqlScript script, List<SqlToken> tokens, Set<String> problems) {
        List<List<SqlToken>> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        boolean separated = false;
        for (SqlToken token : tokens) {
            if (token.kind() == Kind.SEMICOLON || script.isSlashLine(token)) {
                separated = true;
                statements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        statements.add(current);
        statements.removeIf(List::isEmpty);
        if (separated) {
            problems.add(MORE_THAN_ONE_STATEMENT);
        }
        if (statements.isEmpty()) {
            return;
        }
        SqlToken first = tokens.get(0);
        if (isSqlPlusCommand(first)) {
            problems.add("starts with SQL*Plus command " + first.upperText() + ", which JDBC cannot run");
        } else {
            checkQuery(statements.get(0), problems);
        }
        for (List<SqlToken> later : statements.subList(1, statements.size())) {
            // only name what is dangerous: a PL/SQL block split at its semicolons would otherwise list every END
            int start = skipOpenParens(later, 0);
            if (start < later.size() && isStateChanging(later.get(start))) {
                problems.add(notAQuery(later.get(start)));
            }
        }
    }

    private static void checkQuery(List<SqlToken> tokens, Set<String> problems) {
        int start = skipOpenParens(tokens, 0);
        if (start == tokens.size()) {
            problems.add("must be a single SELECT or WITH query, found only parentheses");
            return;
        }
        boolean withClause = tokens.get(start).isWord("WITH");
        int main = withClause ? skipWithClause(tokens, start + 1, problems) : start;
        if (main < 0) {
            return;
        }
        main = skipOpenParens(tokens, main);
        if (main == tokens.size()) {
            problems.add("WITH clause is not followed by a SELECT");
            return;
        }
        if (!tokens.get(main).isWord("SELECT")) {
            problems.add(notAQuery(tokens.get(main)) + (withClause ? " after the WITH clause" : ""));
            return;
        }
        checkLocking(tokens, problems);
        checkSelectInto(tokens, problems);
    }

    /**
     * Walks {@code name [(columns)] AS [[NOT] MATERIALIZED] (query) [SEARCH ...] [CYCLE ...], ...} and returns the
     * index of the main statement, or -1 after reporting why the clause cannot be followed.
     */
    private static int skipWithClause(List<SqlToken> tokens, int from, Set<String> problems) {
        int i = from < tokens.size() && tokens.get(from).isWord("RECURSIVE") ? from + 1 : from;
        while (true) {
            i = indexOfTopLevelWord(tokens, i, "AS");
            while (i >= 0 && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("NOT") || tokens.get(i + 1).isWord("MATERIALIZED"))) {
                i++;
            }
            if (i < 0 || i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")) {
                problems.add("WITH clause has a query without AS (...)");
                return -1;
            }
            int close = matchingParen(tokens, i + 1);
            if (close < 0) {
                problems.add("WITH clause has unbalanced parentheses");
                return -1;
            }
            SqlToken bodyStart = tokens.get(i + 2);
            if (isStateChanging(bodyStart)) {
                // PostgreSQL runs data-modifying CTEs even when the main query is a SELECT
                problems.add("WITH clause contains a data-modifying " + bodyStart.upperText());
            }
            i = close + 1;
            if (i < tokens.size() && (tokens.get(i).isWord("SEARCH") || tokens.get(i).isWord("CYCLE"))) {
                i = skipSearchAndCycle(tokens, i);
            }
            if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                i++;
            } else {
                return i;
            }
        }
    }

    /** SEARCH/CYCLE clauses (Oracle, PostgreSQL 14+) end at the next CTE or where the main statement begins. */
    private static int skipSearchAndCycle(List<SqlToken> tokens, int from) {
        int i = from;
        while (i < tokens.size()) {
            SqlToken token = tokens.get(i);
            boolean statementStart = token.isWord("SELECT") || token.isWord("WITH") || token.isWord("VALUES")
                    || isStateChanging(token);
            if (token.isSymbol(",") || token.isSymbol("(") || statementStart) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static void checkLocking(List<SqlToken> tokens, Set<String> problems) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("FOR")) {
                continue;
            }
            for (List<String> clause : LOCK_CLAUSES) {
                if (wordsAt(tokens, i + 1, clause)) {
                    problems.add("SELECT ... FOR " + String.join(" ", clause) + " locks rows");
                }
            }
        }
    }

    /** PostgreSQL's SELECT ... INTO creates a table; on Oracle it only works inside PL/SQL. */
    private static void checkSelectInto(List<SqlToken> tokens, Set<String> problems) {
        for (int i = 1; i < tokens.size(); i++) {
            SqlToken previous = tokens.get(i - 1);
            boolean partOfWrite = previous.isWord("INSERT") || previous.isWord("MERGE");
            if (tokens.get(i).isWord("INTO") && !partOfWrite) {
                problems.add("SELECT ... INTO is not supported; it creates a table or needs PL/SQL");
            }
        }
    }

    private static void checkParameters(List<SqlToken> tokens, Set<String> problems) {
        for (SqlToken token : tokens) {
            if (token.kind() == Kind.BIND && !token.isStartDateBind()) {
                problems.add("unknown bind variable " + token.text() + " (only :start_date is supported)");
            } else if (token.kind() == Kind.QUESTION_MARK) {
                problems.add(POSITIONAL_PARAMETER);
            }
        }
    }

    /** SQL*Plus and SQL Developer replace {@code &name}; JDBC would send it to the database verbatim. */
    private static void checkSubstitutionVariables(List<SqlToken> allTokens, Set<String> problems) {
        for (int i = 0; i < allTokens.size(); i++) {
            if (!allTokens.get(i).isSymbol("&")) {
                continue;
            }
            int next = i + 1;
            String prefix = "&";
            if (next < allTokens.size() && allTokens.get(next).isSymbol("&")) {
                prefix = "&&";
                next++;
            }
            if (next < allTokens.size() && allTokens.get(next).kind() == Kind.WORD) {
                problems.add("uses SQL*Plus substitution variable " + prefix + allTokens.get(next).text());
            }
            i = next - 1;
        }
    }

    private static String inlinePlsqlKeyword(List<SqlToken> tokens) {
        int with = skipOpenParens(tokens, 0);
        if (with + 1 >= tokens.size() || !tokens.get(with).isWord("WITH")) {
            return null;
        }
        SqlToken next = tokens.get(with + 1);
        return next.isWord("FUNCTION") || next.isWord("PROCEDURE") ? next.upperText() : null;
    }

    private static boolean isStateChanging(SqlToken token) {
        return token.kind() == Kind.WORD && STATE_CHANGING.contains(token.upperText());
    }

    private static boolean isSqlPlusCommand(SqlToken token) {
        return token.isSymbol("@") || token.kind() == Kind.WORD && SQLPLUS_COMMANDS.contains(token.upperText());
    }

    private static String notAQuery(SqlToken found) {
        String name = found.kind() == Kind.WORD ? found.upperText() : "'" + found.text() + "'";
        return "must be a single SELECT or WITH query, found " + name;
    }

    private static int skipOpenParens(List<SqlToken> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
        }
        return i;
    }

    private static int indexOfTopLevelWord(List<SqlToken> tokens, int from, String word) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static int matchingParen(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wordsAt(List<SqlToken> tokens, int from, List<String> words) {
        if (from + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(from + k).isWord(words.get(k))) {
                return false;
            }
        }
        return true;
    }
}
