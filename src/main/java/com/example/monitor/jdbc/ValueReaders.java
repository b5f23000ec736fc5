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
import java.time.OffsetTime;
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
                return (rs, i) -> nullable(rs.getDouble(i), rs.wasNull());
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
                return typeName.contains("tz") || typeName.contains("time zone")
                        ? (rs, i) -> rs.getObject(i, OffsetTime.class)
                        : (rs, i) -> rs.getObject(i, LocalTime.class);
            case Types.TIME_WITH_TIMEZONE:
                return (rs, i) -> rs.getObject(i, OffsetTime.class);
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

    private static Object plainOrText(java.sql.ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof byte[]) {
            return value;
        }
        return rs.getString(column);
    }

    private static Object nullable(Object value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
