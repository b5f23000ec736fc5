package com.example.monitor.jdbc;

import com.example.monitor.rows.ColumnType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The column types of the last result opened on this thread. camel-sql's row mapper only sees
 * metadata through a row, so a query with zero rows would report no columns; the statement proxy
 * records them here when the result opens, and the step that completes the query (same thread,
 * camel-sql is synchronous) takes them.
 */
public final class ResultColumns {

    private static final ThreadLocal<List<ColumnType>> LAST = new ThreadLocal<>();

    private ResultColumns() {
    }

    static void record(ResultSet resultSet) {
        try {
            LAST.set(ColumnTypes.describe(resultSet.getMetaData()));
        } catch (SQLException | RuntimeException e) {
            LAST.remove();
        }
    }

    /** Clears it before a query, so a failed query never reports the previous one's columns. */
    public static void forget() {
        LAST.remove();
    }

    /** The recorded types, in column order, then forgotten; empty when nothing was recorded. */
    public static List<ColumnType> take() {
        List<ColumnType> types = LAST.get();
        LAST.remove();
        return types == null ? List.of() : types;
    }
}
