package com.example.monitor.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An analyst's SQL text that passed the checks, with the statement made from that same text: what the
 * driver prepares can never differ from what was checked.
 *
 * @param source    the text as read, byte for byte
 * @param statement the source with each {@code :start_date} as {@code ?} and the terminator dropped
 */
public record CheckedSql(String source, PreparedSql statement) {

    public CheckedSql {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statement, "statement");
    }

    /** Reports each problem of the text (one line each) and returns empty, or returns the checked SQL. */
    public static Optional<CheckedSql> check(String source, Consumer<String> onProblem) {
        List<String> problems = SqlStatementValidator.problems(source);
        if (!problems.isEmpty()) {
            problems.forEach(onProblem);
            return Optional.empty();
        }
        return Optional.of(new CheckedSql(source, StartDateTranslator.translate(source)));
    }
}
