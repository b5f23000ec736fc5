package com.example.monitor.rows;

import java.time.LocalTime;
import java.util.Arrays;

final class TimeVector extends TypedVector<LocalTime> {
    private long[] nanoOfDay;

    TimeVector(int capacity) {
        super(LocalTime.class, capacity);
        nanoOfDay = new long[capacity];
    }

    @Override
    boolean store(int row, LocalTime time) {
        nanoOfDay[row] = time.toNanoOfDay();
        return true;
    }

    @Override
    LocalTime load(int row) {
        return LocalTime.ofNanoOfDay(nanoOfDay[row]);
    }

    @Override
    void resize(int newCapacity) {
        nanoOfDay = Arrays.copyOf(nanoOfDay, newCapacity);
    }
}
