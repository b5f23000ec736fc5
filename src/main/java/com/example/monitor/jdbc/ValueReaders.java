package com.example.monitor.jdbc;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Chooses, once per column, how to read it: exact numbers as BigDecimal, dates and times as java.time,
 * LOBs materialised while the row is current (the connection goes back to the pool right after), and
 * anything driver-specific as text, so no {@code oracle.sql.*} or {@code PGobject} leaks into results.
 */
final class ValueReaders {

    private static final int ORACLE_TIMESTAMPTZ = -101;
    private static final int ORACLE_TIMESTAMPLTZ = -102;

    private ValueReaders() {
    }

    static ValueReader forColumn(ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        String typeName = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        switch (type) {
            case Types.NUMERIC, Types.DECIMAL:
                return (rs, i) -> rs.getBigDecimal(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                return (rs, i) -> nullable(rs.getInt(i), rs.wasNull());
            case Types.BIGINT:
                return (rs, i) -> nullable(rs.getLong(i), rs.wasNull());
            case Types.REAL, Types.FLOAT, Types.DOUBLE:
                // PostgreSQL reports money as DOUBLE, but its value is locale text ("$1,234.56") that
                // getDouble refuses, failing the whole query: it is `other`, the driver's text
                return typeName.equals("money")
                        ? (rs, i) -> rs.getString(i)
                        : (rs, i) -> nullable(rs.getDouble(i), rs.wasNull());
            case Types.BOOLEAN:
                return (rs, i) -> nullable(rs.getBoolean(i), rs.wasNull());
            case Types.BIT:
                // PostgreSQL reports boolean as BIT; a real BIT(n) string stays text
                return typeName.startsWith("bool") || typeName.equals("bit")
                        ? (rs, i) -> nullable(rs.getBoolean(i), rs.wasNull())
                        : (rs, i) -> rs.getString(i);
            case Types.DATE:
                return (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIME:
                // a time with an offset is `other`, so its driver's text: as an OffsetTime, PostgreSQL's
                // timetz 24:00:00+02 was OffsetTime.MAX, 23:59:59.999999999-18:00
                return typeName.contains("tz") || typeName.contains("time zone")
                        ? (rs, i) -> rs.getString(i)
                        : timeOfDay(meta.getColumnLabel(column));
            case Types.TIME_WITH_TIMEZONE:
                return (rs, i) -> rs.getString(i);
            case Types.TIMESTAMP:
                // PostgreSQL reports timestamptz as TIMESTAMP with the type name telling the truth
                return typeName.equals("timestamptz")
                        ? (rs, i) -> rs.getObject(i, OffsetDateTime.class)
                        : (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE, ORACLE_TIMESTAMPTZ:
                return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case ORACLE_TIMESTAMPLTZ:
                return (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.CLOB, Types.NCLOB:
                return (rs, i) -> {
                    Clob clob = rs.getClob(i);
                    return clob == null ? null : clob.getSubString(1, (int) clob.length());
                };
            case Types.BLOB:
                return (rs, i) -> {
                    Blob blob = rs.getBlob(i);
                    return blob == null ? null : blob.getBytes(1, (int) blob.length());
                };
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
                return (rs, i) -> rs.getBytes(i);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR:
                return (rs, i) -> rs.getString(i);
            default:
                return ValueReaders::plainOrText;
        }
    }

    /**
     * A {@code time} column's value. PostgreSQL allows 24:00:00, the end of a day, which no LocalTime (nor
     * Parquet reader's time of day: pyarrow's, pandas's datetime.time) can hold; its driver gives it as
     * LocalTime.MAX, 23:59:59.999999999, a value PostgreSQL (microseconds) cannot have. Rather than write
     * a time that was never there, or 00:00:00 of the same day, the query fails and says how to keep it.
     */
    private static ValueReader timeOfDay(String label) {
        return (rs, i) -> {
            LocalTime time = rs.getObject(i, LocalTime.class);
            if (LocalTime.MAX.equals(time)) {
                String text = rs.getString(i);
                if (text != null && text.startsWith("24:")) {
                    throw new SQLException("column " + label + " holds the time " + text
                            + ", the end of a day, which a time of day cannot hold in the report or a Parquet file;"
                            + " select it as text (CAST(" + label + " AS text)) to keep it");
                }
            }
            return time;
        };
    }

    /**
     * Anything driver-specific: a plain String, Number or Boolean as is, else the driver's text. A byte[]
     * is text too: the binary types have their own case above, so bytes here are a driver's encoding of a
     * text type (H2's JSON gives its UTF-8), which base64 would hide.
     */
    private static Object plainOrText(java.sql.ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return rs.getString(column);
    }

    private static Object nullable(Object value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
