package com.example.monitor.rows;

/**
 * One column of a {@link ColumnarRows}: values appended in row order (row 0, 1, 2...), read back by row.
 * A column starts with no type; its first non-null value picks a primitive vector, and a value that
 * vector cannot hold exactly (another class, out of range) turns the column into plain objects.
 * Not thread-safe while being filled; read-only afterwards.
 */
abstract class ColumnVector {

    static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /** The vector of a column with no values yet; stateless, so one serves every column. */
    static final ColumnVector UNTYPED = new UntypedVector();

    /** Stores the value of {@code row}; returns the vector to use from now on (this one or a wider one). */
    abstract ColumnVector add(int row, Object value);

    abstract Object get(int row);

    /** Gives back spare capacity once the row count is final. */
    abstract void trim(int size);

    static int grown(int capacity, int row) {
        if (row >= MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY + " rows");
        }
        return (int) Math.min(MAX_CAPACITY, Math.max(2L * capacity, row + 1L));
    }
}
