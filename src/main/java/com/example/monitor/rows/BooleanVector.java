package com.example.monitor.rows;

import java.util.Arrays;

final class BooleanVector extends TypedVector {
    private boolean[] values;

    BooleanVector(int capacity) {
        super(Boolean.class, capacity);
        values = new boolean[capacity];
    }

    @Override
    boolean store(int row, Object value) {
        values[row] = (Boolean) value;
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
