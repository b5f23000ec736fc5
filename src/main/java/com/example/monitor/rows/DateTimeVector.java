package com.example.monitor.rows;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Timestamps as microseconds since 1970-01-01T00:00 (what databases store), with the nanoseconds
 * below a microsecond kept apart once a value has some. Years beyond about +-292,000 do not fit a
 * long of microseconds and turn the column into objects.
 */
final class DateTimeVector extends TypedVector<LocalDateTime> {
    private static final long MICROS = 1_000_000L;
    private static final long MIN_SECOND = Long.MIN_VALUE / MICROS + 1;
    private static final long MAX_SECOND = Long.MAX_VALUE / MICROS - 1;

    private long[] micros;
    private short[] subMicroNanos;

    DateTimeVector(int capacity) {
        super(LocalDateTime.class, capacity);
        micros = new long[capacity];
    }

    @Override
    boolean store(int row, LocalDateTime time) {
        long second = time.toEpochSecond(ZoneOffset.UTC);
        if (second < MIN_SECOND || second > MAX_SECOND) {
            return false;
        }
        int nano = time.getNano();
        micros[row] = second * MICROS + nano / 1000;
        if (nano % 1000 != 0 && subMicroNanos == null) {
            subMicroNanos = new short[capacity];
        }
        if (subMicroNanos != null) {
            subMicroNanos[row] = (short) (nano % 1000);
        }
        return true;
    }

    @Override
    LocalDateTime load(int row) {
        long value = micros[row];
        int nano = (int) Math.floorMod(value, MICROS) * 1000 + (subMicroNanos == null ? 0 : subMicroNanos[row]);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(value, MICROS), nano, ZoneOffset.UTC);
    }

    @Override
    void resize(int newCapacity) {
        micros = Arrays.copyOf(micros, newCapacity);
        if (subMicroNanos != null) {
            subMicroNanos = Arrays.copyOf(subMicroNanos, newCapacity);
        }
    }
}
