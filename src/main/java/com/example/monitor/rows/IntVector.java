package com.example.monitor.rows;

import java.util.Arrays;

final class IntVector extends TypedVector {
    private int[] values;

    IntVector(int capacity) {
        super(Integer.class, capacity);
        values = new int[capacity];
    }

    @Override
    boolean store(int row, Object value) {
        values[row] = (Integer) value;
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
