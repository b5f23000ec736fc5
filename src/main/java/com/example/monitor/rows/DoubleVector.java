package com.example.monitor.rows;

import java.util.Arrays;

final class DoubleVector extends TypedVector<Double> {
    private double[] values;

    DoubleVector(int capacity) {
        super(Double.class, capacity);
        values = new double[capacity];
    }

    @Override
    boolean store(int row, Double value) {
        values[row] = value;
        return true;
    }

    @Override
    Double load(int row) {
        return values[row];
    }

    @Override
    void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }
}
