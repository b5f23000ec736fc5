package com.example.monitor.rows;

import java.util.Arrays;

final class IntVector extends TypedVector<Integer> {
    private int[] values;

    IntVector(int capacity) {
        super(Integer.class, capacity);
        values = new int[capacity];
    }

    @Override
    boolean store(int row, Integer value) {
        values[row] = value;
        return true;
    }

    @Override
    Integer load(int row) {
        return values[row];
    }

    @Override
    void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }
}
