package com.example.monitor.rows;

import java.util.Arrays;

final class LongVector extends TypedVector<Long> {
    private long[] values;

    LongVector(int capacity) {
        super(Long.class, capacity);
        values = new long[capacity];
    }

    @Override
    boolean store(int row, Long value) {
        values[row] = value;
        return true;
    }

    @Override
    Long load(int row) {
        return values[row];
    }

    @Override
    void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }
}
