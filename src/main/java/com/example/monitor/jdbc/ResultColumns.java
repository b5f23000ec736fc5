package com.example.monitor.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The column names of the last result opened on this thread. camel-sql's row mapper only sees
 * metadata through a row, so a query with zero rows would report no columns; the statement proxy
 * records them here when the result opens, and the step that completes the query (same thread,
 * camel-sql is synchronous) takes them.
 */
public final class ResultColumns {

    private static final ThreadLocal<List<String>> LAST = new ThreadLocal<>();

    private ResultColumns() {
    }

    static void record(ResultSet resultSet) {
        try {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<String> names = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            LAST.set(List.copyOf(names));
        } catch (SQLException | RuntimeException e) {
            LAST.remove();
        }
    }

    /** Clears it before a query, so a failed query never reports the previous one's columns. */
    public static void forget() {
        LAST.remove();
    }

    /** The recorded names, then forgotten; empty when nothing was recorded. */
    public static List<String> take() {
        List<String> names = LAST.get();
        LAST.remove();
        return names == null ? List.of() : names;
    }
}
