package com.example.monitor.rows;

import java.util.Arrays;

final class LongVector extends TypedVector {
    private long[] values;

    LongVector(int capacity) {
        super(Long.class, capacity);
        values = new long[capacity];
    }

    @Override
    boolean store(int row, Object value) {
        values[row] = (Long) value;
        return true;
    }

    @Override
    Object load(int row) {
        return values[row];
    }

    @Override
    void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }
}
