package com.example.monitor.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** A column with only nulls so far: nothing to store. */
final class UntypedVector extends ColumnVector {
    @Override
    ColumnVector add(int row, Object value) {
        return value == null ? this : vectorFor(value, Math.max(INITIAL_CAPACITY, row + 1), row).add(row, value);
    }

    @Override
    Object get(int row) {
        return null;
    }

    @Override
    void trim(int size) {
    }

    private static ColumnVector vectorFor(Object first, int capacity, int nullRows) {
        Class<?> type = first.getClass();
        TypedVector<?> typed;
        if (type == Integer.class) {
            typed = new IntVector(capacity);
        } else if (type == Long.class) {
            typed = new LongVector(capacity);
        } else if (type == BigDecimal.class) {
            typed = new DecimalVector(capacity, ((BigDecimal) first).scale());
        } else if (type == LocalDateTime.class) {
            typed = new DateTimeVector(capacity);
        } else if (type == LocalDate.class) {
            typed = new DateVector(capacity);
        } else if (type == LocalTime.class) {
            typed = new TimeVector(capacity);
        } else if (type == Double.class) {
            typed = new DoubleVector(capacity);
        } else if (type == Boolean.class) {
            typed = new BooleanVector(capacity);
        } else if (type == String.class) {
            typed = new TextVector(capacity);
        } else {
            return new ObjectVector(capacity);
        }
        typed.nullsBefore(nullRows);
        return typed;
    }
}
