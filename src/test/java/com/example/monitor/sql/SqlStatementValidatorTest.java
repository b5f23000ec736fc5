package com.example.monitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SqlStatementValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1 FROM dual",
        "select * from t where d >= :start_date",
        "WITH x AS (SELECT 1 AS n FROM dual) SELECT n FROM x",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r",
        "WITH a AS MATERIALIZED (SELECT 1 AS n), b AS NOT MATERIALIZED (SELECT n FROM a) SELECT * FROM b",
        "WITH t(id, parent) AS (SELECT id, parent FROM nodes) SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t",
        "WITH x AS (SELECT 1 FROM dual) (SELECT * FROM x)",
        "-- report of the day\n/* author: analyst */\nSELECT 1 FROM dual",
        "(SELECT 1 FROM dual) UNION (SELECT 2 FROM dual)",
        "SELECT 1 FROM dual;",
        "SELECT 1 FROM dual;\n-- trailing comment\n",
        "SELECT 1 FROM dual\n/\n",
        "SELECT 1 FROM dual;\n/\n",
        "SELECT /*+ PARALLEL(4) */ * FROM t",
        "SELECT last_update, deleted_at, update_count, created_by, drop_reason FROM audit_log",
        "SELECT \"UPDATE\", \"DELETE\" FROM t",
        "SELECT status AS \"DELETE\" FROM t",
        "SELECT 'DELETE FROM t; INSERT INTO t VALUES (1)' FROM dual",
        "SELECT 1 FROM dual -- DROP TABLE t;\n",
        "SELECT /* UPDATE t SET x = 1; */ 1 FROM dual",
        "SELECT q'[a; b]', $$ c; d $$ FROM dual",
        "SELECT * FROM t WHERE d >= :start_date::date AND to_char(d, 'HH24:MI:SS') <> '00:00:00'",
        "SELECT * FROM t WHERE d >= :START_DATE",
        "SELECT * FROM t WHERE dept = 'R&D' AND note = q'[&var]'",
        "SELECT a && b FROM t",
        "SELECT arr[1:3] FROM t",
        "SELECT sid FROM v$session",
        "SELECT ':name', '?', \":x\" FROM dual",
        "SELECT for_update_flag, t.\"FOR\" FROM t",
        "SELECT * FROM t PIVOT (SUM(v) FOR update_kind IN ('A', 'B'))"
    })
    void singleReadOnlyQueryHasNoProblems(String sql) {
        assertEquals(List.of(), SqlStatementValidator.problems(sql));
    }

    static Stream<Arguments> rejectedStatements() {
        return Stream.of(
                Arguments.of("", "contains no SQL statement"),
                Arguments.of("  \n\t", "contains no SQL statement"),
                Arguments.of("-- nothing here\n/* really */", "contains no SQL statement"),
                Arguments.of(";", "contains no SQL statement"),
                Arguments.of("SELECT 1 FROM dual; SELECT 2 FROM dual", "contains more than one statement"),
                Arguments.of("SELECT 1 FROM dual;\nSELECT 2 FROM dual;", "contains more than one statement"),
                Arguments.of("SELECT 1 FROM dual;;", "contains more than one statement"),
                Arguments.of("SELECT 1 FROM dual\n/\nSELECT 2 FROM dual", "contains more than one statement"),
                Arguments.of("INSERT INTO t VALUES (1)", "must be a single SELECT or WITH query, found INSERT"),
                Arguments.of("update t set x = 1", "must be a single SELECT or WITH query, found UPDATE"),
                Arguments.of("-- cleanup\nDELETE FROM t", "must be a single SELECT or WITH query, found DELETE"),
                Arguments.of("(MERGE INTO t USING s ON (1 = 1))", "must be a single SELECT or WITH query, found MERGE"),
                Arguments.of("TRUNCATE TABLE t", "must be a single SELECT or WITH query, found TRUNCATE"),
                Arguments.of("CALL refresh()", "must be a single SELECT or WITH query, found CALL"),
                Arguments.of("EXPLAIN SELECT 1", "must be a single SELECT or WITH query, found EXPLAIN"),
                Arguments.of("WITH FUNCTION f RETURN NUMBER IS BEGIN RETURN 1; END; SELECT f FROM dual",
                        "uses WITH FUNCTION (inline PL/SQL), which is not supported"),
                Arguments.of("WITH PROCEDURE p IS BEGIN NULL; END; SELECT 1 FROM dual",
                        "uses WITH PROCEDURE (inline PL/SQL), which is not supported"),
                Arguments.of("WITH x AS (SELECT 1 FROM dual) DELETE FROM t WHERE id IN (SELECT * FROM x)",
                        "must be a single SELECT or WITH query, found DELETE after the WITH clause"),
                Arguments.of("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
                        "must be a single SELECT or WITH query, found INSERT after the WITH clause"),
                Arguments.of("WITH x AS (SELECT 1)", "WITH clause is not followed by a SELECT"),
                Arguments.of("SELECT * FROM t FOR UPDATE", "SELECT ... FOR UPDATE locks rows"),
                Arguments.of("SELECT * FROM t WHERE id = 1 for update nowait", "SELECT ... FOR UPDATE locks rows"),
                Arguments.of("SELECT * FROM t FOR NO KEY UPDATE", "SELECT ... FOR NO KEY UPDATE locks rows"),
                Arguments.of("SELECT * FROM t FOR SHARE", "SELECT ... FOR SHARE locks rows"),
                Arguments.of("SELECT * INTO backup FROM t", "SELECT ... INTO is not supported; it creates a table or needs PL/SQL"),
                Arguments.of("SELECT * FROM t WHERE owner = &owner", "uses SQL*Plus substitution variable &owner"),
                Arguments.of("SELECT * FROM t WHERE owner = &&owner", "uses SQL*Plus substitution variable &&owner"),
                Arguments.of("SET PAGESIZE 100\nSELECT 1 FROM dual",
                        "starts with SQL*Plus command SET, which JDBC cannot run"),
                Arguments.of("spool out.txt\nSELECT 1 FROM dual",
                        "starts with SQL*Plus command SPOOL, which JDBC cannot run"),
                Arguments.of("@other_script.sql", "starts with SQL*Plus command @, which JDBC cannot run"),
                Arguments.of("SELECT * FROM t WHERE d < :end_date",
                        "unknown bind variable :end_date (only :start_date is supported)"),
                Arguments.of("SELECT * FROM t WHERE id = :1",
                        "unknown bind variable :1 (only :start_date is supported)"),
                Arguments.of("SELECT * FROM t WHERE d >= ? AND e < ?",
                        "positional ? parameter is not supported; use :start_date"),
                Arguments.of("SELECT 'abc FROM dual", "unterminated string literal starting on line 1"),
                Arguments.of("SELECT 1\nFROM dual /* open", "unterminated block comment starting on line 2"),
                Arguments.of("SELECT \"abc FROM dual", "unterminated quoted identifier starting on line 1"));
    }

    @ParameterizedTest
    @MethodSource("rejectedStatements")
    void rejectedStatementReportsExactlyTheExpectedProblem(String sql, String expected) {
        assertEquals(List.of(expected), SqlStatementValidator.problems(sql));
    }

    @Test
    void dataModifyingCteIsRejectedEvenWhenTheMainQueryIsASelect() {
        List<String> problems = SqlStatementValidator.problems(
                "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone");

        assertEquals(List.of("WITH clause contains a data-modifying DELETE"), problems);
    }

    @Test
    void writeAfterASemicolonIsNamedAlongsideTheSecondStatement() {
        List<String> problems = SqlStatementValidator.problems("SELECT 1 FROM dual; DROP TABLE t");

        assertEquals(List.of("contains more than one statement",
                "must be a single SELECT or WITH query, found DROP"), problems);
    }

    @Test
    void plsqlBlockIsRejectedAsMoreThanOneStatementStartingWithBegin() {
        List<String> problems = SqlStatementValidator.problems("BEGIN\n  DELETE FROM t;\nEND;\n/\n");

        assertTrue(problems.contains("must be a single SELECT or WITH query, found BEGIN"), problems::toString);
        assertTrue(problems.contains("contains more than one statement"), problems::toString);
    }

    @Test
    void independentProblemsAreAllReported() {
        List<String> problems = SqlStatementValidator.problems(
                "SELECT * FROM t WHERE a = :a AND b = ? AND c = &c FOR UPDATE");

        assertEquals(List.of("SELECT ... FOR UPDATE locks rows",
                "unknown bind variable :a (only :start_date is supported)",
                "positional ? parameter is not supported; use :start_date",
                "uses SQL*Plus substitution variable &c"), problems);
    }

    @ParameterizedTest
    @MethodSource("rejectedStatements")
    void everyProblemIsASingleLine(String sql, String ignoredExpected) {
        for (String problem : SqlStatementValidator.problems(sql)) {
            assertFalse(problem.contains("\n") || problem.contains("\r"), problem);
            assertFalse(problem.isBlank());
        }
    }
}
