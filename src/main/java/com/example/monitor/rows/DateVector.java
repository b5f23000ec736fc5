package com.example.monitor.rows;

import java.time.LocalDate;
import java.util.Arrays;

/** Dates as epoch days; years beyond about +-5.8 million do not fit an int and turn the column into objects. */
final class DateVector extends TypedVector<LocalDate> {
    private int[] epochDays;

    DateVector(int capacity) {
        super(LocalDate.class, capacity);
        epochDays = new int[capacity];
    }

    @Override
    boolean store(int row, LocalDate date) {
        long day = date.toEpochDay();
        if (day != (int) day) {
            return false;
        }
        epochDays[row] = (int) day;
        return true;
    }

    @Override
    LocalDate load(int row) {
        return LocalDate.ofEpochDay(epochDays[row]);
    }

    @Override
    void resize(int newCapacity) {
        epochDays = Arrays.copyOf(epochDays, newCapacity);
    }
}
