package com.example.monitor.sql;

import java.util.Objects;

/**
 * SQL ready for a JDBC {@code PreparedStatement}: every {@code :start_date} became {@code ?}.
 *
 * @param jdbcSql            the statement text without a trailing terminator
 * @param startDateBindCount how many {@code ?} parameters must be bound to the start date, in order
 */
public record PreparedSql(String jdbcSql, int startDateBindCount) {

    public PreparedSql {
        Objects.requireNonNull(jdbcSql, "jdbcSql");
        if (startDateBindCount < 0) {
            throw new IllegalArgumentException("startDateBindCount must not be negative: " + startDateBindCount);
        }
    }
}
