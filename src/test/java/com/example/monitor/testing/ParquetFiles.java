package com.example.monitor.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Parquet files a run wrote as another tool would: DuckDB's {@code read_parquet} for the
 * values, {@code parquet_schema} for the types written in the file (what pandas and Spark see).
 */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /** Every row, as DuckDB's JDBC driver gives the values (a BLOB as its bytes). */
    public static List<Map<String, Object>> rows(Path file) {
        return query("SELECT * FROM read_parquet(?)", file);
    }

    /** Column name to DuckDB's type of it, from the file alone: {@code BIGINT}, {@code DECIMAL(20,5)}... */
    public static Map<String, String> columnTypes(Path file) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> column : query("DESCRIBE SELECT * FROM read_parquet(?)", file)) {
            types.put((String) column.get("column_name"), (String) column.get("column_type"));
        }
        return types;
    }

    /**
     * Column name to the file's own types, physical, converted and logical, as pyarrow reads them:
     * {@code INT64 null null}, {@code BYTE_ARRAY UTF8 null}, {@code INT64 TIMESTAMP_MICROS TimestampType(...)}.
     */
    public static Map<String, String> parquetTypes(Path file) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> field : query("SELECT name, type, converted_type, logical_type FROM parquet_schema(?)"
                + " WHERE num_children IS NULL OR num_children = 0", file)) {
            types.put((String) field.get("name"), field.get("type") + " " + field.get("converted_type") + " "
                    + field.get("logical_type"));
        }
        return types;
    }

    /** How many rows the file holds. */
    public static long count(Path file) {
        return (Long) query("SELECT count(*) AS n FROM read_parquet(?)", file).get(0).get("n");
    }

    private static List<Map<String, Object>> query(String sql, Path file) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = duck.prepareStatement(sql)) {
            statement.setString(1, file.toAbsolutePath().toString());
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        // DuckDB's BLOB is its own Blob; compare bytes
                        row.put(meta.getColumnLabel(i), value instanceof java.sql.Blob blob
                                ? blob.getBytes(1, (int) blob.length()) : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
