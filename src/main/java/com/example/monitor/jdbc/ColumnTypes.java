package com.example.monitor.jdbc;

import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.ColumnType.Kind;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a result's metadata into {@link ColumnType}s, the same way {@link ValueReaders} chooses how to
 * read each column: the table in docs/report-format.md is this switch, per database.
 */
final class ColumnTypes {

    /** NUMBER(p,0) with at most this many digits always fits a signed 64-bit integer. */
    static final int INTEGER_DIGITS = 18;
    private static final int ORACLE_BINARY_FLOAT = 100;
    private static final int ORACLE_BINARY_DOUBLE = 101;
    private static final int ORACLE_TIMESTAMPTZ = -101;
    private static final int ORACLE_TIMESTAMPLTZ = -102;

    private ColumnTypes() {
    }

    static List<ColumnType> describe(ResultSetMetaData meta) throws SQLException {
        int count = meta.getColumnCount();
        List<ColumnType> types = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            types.add(describe(meta, i));
        }
        return List.copyOf(types);
    }

    static ColumnType describe(ResultSetMetaData meta, int column) throws SQLException {
        String databaseType = meta.getColumnTypeName(column);
        Kind kind = kind(meta.getColumnType(column), String.valueOf(databaseType).toLowerCase(Locale.ROOT),
                meta.getPrecision(column), meta.getScale(column));
        Integer precision = null;
        Integer scale = null;
        if ((kind == Kind.INTEGER || kind == Kind.DECIMAL) && meta.getPrecision(column) > 0) {
            // Oracle's unconstrained NUMBER says precision 0 (scale -127): it has neither
            precision = meta.getPrecision(column);
            scale = Math.max(0, meta.getScale(column));
        }
        boolean nullable = meta.isNullable(column) != ResultSetMetaData.columnNoNulls;
        return new ColumnType(meta.getColumnLabel(column), kind, databaseType, precision, scale, nullable);
    }

    private static Kind kind(int jdbcType, String typeName, int precision, int scale) {
        return switch (jdbcType) {
            case Types.NUMERIC, Types.DECIMAL ->
                    scale == 0 && precision > 0 && precision <= INTEGER_DIGITS ? Kind.INTEGER : Kind.DECIMAL;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            // PostgreSQL reports money as DOUBLE; its value is locale text ("$1,234.56"), read as such
            case Types.REAL, Types.FLOAT, Types.DOUBLE, ORACLE_BINARY_FLOAT, ORACLE_BINARY_DOUBLE ->
                    typeName.equals("money") ? Kind.OTHER : Kind.DOUBLE;
            case Types.BOOLEAN -> Kind.BOOLEAN;
            // PostgreSQL reports boolean as BIT; a real BIT(n) string is text
            case Types.BIT -> typeName.startsWith("bool") || typeName.equals("bit") ? Kind.BOOLEAN : Kind.TEXT;
            case Types.DATE -> Kind.DATE;
            // a time with an offset has no Parquet type, and is rare: it is kept as its text
            case Types.TIME -> typeName.contains("tz") || typeName.contains("time zone") ? Kind.OTHER : Kind.TIME;
            case Types.TIME_WITH_TIMEZONE -> Kind.OTHER;
            // PostgreSQL reports timestamptz as TIMESTAMP with the type name telling the truth
            case Types.TIMESTAMP -> typeName.equals("timestamptz") ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE, ORACLE_TIMESTAMPTZ, ORACLE_TIMESTAMPLTZ -> Kind.TIMESTAMPTZ;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Kind.TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            default -> Kind.OTHER;
        };
    }
}
