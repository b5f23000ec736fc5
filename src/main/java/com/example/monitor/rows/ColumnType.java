package com.example.monitor.rows;

import java.io.Serializable;
import java.util.Locale;

/**
 * What the driver said about one column of a result, reduced to a type a reader can act on
 * (see docs/report-format.md for how each database's types map to it).
 *
 * @param label        the name the driver gave; the report's column name differs when it repeats
 * @param type         the portable type
 * @param databaseType the database's own type name, as the driver reports it
 * @param precision    digits of a number column ({@code integer}, {@code decimal}), null otherwise or
 *                     when the column has none (an unconstrained NUMBER)
 * @param scale        digits after the point of a number column, null as for precision
 * @param nullable     false only when the database says the column cannot hold NULL
 */
public record ColumnType(String label, Kind type, String databaseType, Integer precision, Integer scale,
                         boolean nullable) implements Serializable {

    /** A column the driver described no further, read as text. */
    public static ColumnType unknown(String label) {
        return new ColumnType(label, Kind.OTHER, null, null, null, true);
    }

    /** The portable types; {@link #label()} is the word the report writes. */
    public enum Kind {
        /** A whole number that fits a signed 64-bit integer. */
        INTEGER,
        DECIMAL,
        DOUBLE,
        TEXT,
        BOOLEAN,
        DATE,
        /** A date and time without a zone. */
        TIMESTAMP,
        /** An instant: a date and time with a zone or offset. */
        TIMESTAMPTZ,
        TIME,
        BINARY,
        /** Anything else (intervals, XML, arrays...): the driver's text of it. */
        OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
