package com.example.monitor.rows;

import java.util.BitSet;

/**
 * Values of exactly one class in primitive arrays, nulls in a bit set made at the first null.
 * The class is compared exactly, so a subclass (of BigDecimal, say) is kept as the object it is.
 */
abstract class TypedVector<T> extends ColumnVector {
    private final Class<T> type;
    private BitSet nulls;
    /** Length of the subclass's arrays; null rows past it are not stored, so it may be below the size. */
    int capacity;

    TypedVector(Class<T> type, int capacity) {
        this.type = type;
        this.capacity = capacity;
    }

    /** Stores a value of the type, or returns false (having stored nothing) if it cannot be held exactly. */
    abstract boolean store(int row, T value);

    abstract T load(int row);

    abstract void resize(int newCapacity);

    final void nullsBefore(int row) {
        if (row > 0) {
            nulls = new BitSet(row);
            nulls.set(0, row);
        }
    }

    @Override
    final ColumnVector add(int row, Object value) {
        if (value == null) {
            if (nulls == null) {
                nulls = new BitSet();
            }
            nulls.set(row);
            return this;
        }
        if (value.getClass() == type) {
            if (row >= capacity) {
                capacity = grown(capacity, row);
                resize(capacity);
            }
            // unchecked: the class was compared just above, and Class.cast would check it again per value
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            if (store(row, typed)) {
                return this;
            }
        }
        ObjectVector objects = new ObjectVector(Math.max(capacity, row + 1));
        for (int i = 0; i < row; i++) {
            objects.add(i, get(i));
        }
        return objects.add(row, value);
    }

    @Override
    final Object get(int row) {
        return nulls != null && nulls.get(row) ? null : load(row);
    }

    @Override
    void trim(int size) {
        if (capacity > size) {
            capacity = size;
            resize(size);
        }
    }
}
