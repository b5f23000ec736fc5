package com.example.monitor.rows;

import java.util.Arrays;

final class BooleanVector extends TypedVector<Boolean> {
    private boolean[] values;

    BooleanVector(int capacity) {
        super(Boolean.class, capacity);
        values = new boolean[capacity];
    }

    @Override
    boolean store(int row, Boolean value) {
        values[row] = value;
        return true;
    }

    @Override
    Boolean load(int row) {
        return values[row];
    }

    @Override
    void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }
}
