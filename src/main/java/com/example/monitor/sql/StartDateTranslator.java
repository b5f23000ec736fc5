package com.example.monitor.sql;

import java.util.List;

/** Turns an analyst's SQL file into JDBC SQL: {@code :start_date} becomes {@code ?}, the terminator goes. */
public final class StartDateTranslator {

    private StartDateTranslator() {
    }

    /**
     * Replaces every {@code :start_date} bind (any case) with {@code ?} and drops the trailing {@code ;} and/or
     * SQL*Plus {@code /} line. Everything else, comments and optimizer hints included, is kept byte for byte.
     *
     * @throws IllegalArgumentException when a literal, comment or quoted identifier is not closed
     */
    public static PreparedSql translate(String sqlText) {
        SqlScript script = SqlScript.parse(sqlText);
        List<SqlToken> tokens = script.tokens();
        StringBuilder jdbcSql = new StringBuilder(sqlText.length());
        int binds = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (script.isTerminator(i)) {
                continue;
            }
            if (token.isStartDateBind()) {
                jdbcSql.append('?');
                binds++;
            } else {
                jdbcSql.append(token.text());
            }
        }
        return new PreparedSql(jdbcSql.toString(), binds);
    }
}
