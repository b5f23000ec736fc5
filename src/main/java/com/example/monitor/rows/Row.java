package com.example.monitor.rows;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result row: a value array plus a reference to the shared {@link Columns}. It reads as an
 * immutable {@code Map<String,Object>} in column order, so {@code ${body[db][query][0][COLUMN]}} works,
 * without paying for a hash map per row.
 */
public final class Row extends AbstractMap<String, Object> {

    private final Columns columns;
    private final Object[] values;

    public Row(Columns columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.values = values;
    }

    public Object value(int index) {
        return values[index];
    }

    public Columns columns() {
        return columns;
    }

    @Override
    public Object get(Object key) {
        int index = columns.indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.name(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
