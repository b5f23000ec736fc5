package com.example.monitor.rows;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A held result as one typed vector per column instead of one {@link Row} per row: a million rows are a
 * few dozen arrays, not millions of small objects for the garbage collector to trace and copy.
 * {@link #get} builds a fresh {@link Row} on each call, so it reads as an ordinary immutable
 * {@code List<Row>} (equal to any list of maps with the same content). Values come back equal to, and
 * of the same class as, the ones added.
 *
 * <p>Safe to read from any thread once built: all state is reached through final fields.
 */
public final class ColumnarRows extends AbstractList<Row> implements RandomAccess {

    private final Columns columns;
    private final ColumnVector[] vectors;
    private final int size;

    private ColumnarRows(Columns columns, ColumnVector[] vectors, int size) {
        this.columns = columns;
        this.vectors = vectors;
        this.size = size;
    }

    @Override
    public Row get(int index) {
        Objects.checkIndex(index, size);
        Object[] values = new Object[vectors.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = vectors[i].get(index);
        }
        return new Row(columns, values);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Collects the rows of one result. One thread at a time adds (RowSpool adds on its encoding thread),
     * then {@link #build()} is called once, after the last add has happened-before it; the builder is
     * spent after that, so the built list can never change under its readers.
     */
    public static final class Builder {
        private Columns columns;
        private ColumnVector[] vectors = new ColumnVector[0];
        private int size;
        private boolean built;

        /** Appends a row; every row must share the {@link Columns} instance of the first. */
        public void add(Row row) {
            checkNotBuilt();
            if (columns == null) {
                columns = row.columns();
                vectors = new ColumnVector[columns.size()];
                Arrays.fill(vectors, ColumnVector.UNTYPED);
            } else if (row.columns() != columns) {
                throw new IllegalArgumentException("row has columns " + row.columns().names()
                        + ", not the result's " + columns.names());
            }
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = vectors[i].add(size, row.value(i));
            }
            size++;
        }

        /** The rows added so far, with spare capacity trimmed (doubling leaves up to half unused). */
        public ColumnarRows build() {
            checkNotBuilt();
            built = true;
            for (ColumnVector vector : vectors) {
                vector.trim(size);
            }
            return new ColumnarRows(columns, vectors, size);
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("rows already built");
            }
        }
    }
}
