package com.example.monitor.rows;

import java.util.Arrays;

/** Any values, as they came: the fallback and the home of byte arrays and offsets. */
final class ObjectVector extends ColumnVector {
    private Object[] values;

    ObjectVector(int capacity) {
        values = new Object[capacity];
    }

    @Override
    ColumnVector add(int row, Object value) {
        if (row >= values.length) {
            values = Arrays.copyOf(values, grown(values.length, row));
        }
        values[row] = value;
        return this;
    }

    @Override
    Object get(int row) {
        return values[row];
    }

    @Override
    void trim(int size) {
        if (values.length > size) {
            values = Arrays.copyOf(values, size);
        }
    }
}
