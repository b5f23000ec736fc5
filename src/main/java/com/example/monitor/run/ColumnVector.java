package com.example.monitor.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;

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
    static final ColumnVector UNTYPED = new Untyped();

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

    /** Only nulls so far: nothing to store. */
    private static final class Untyped extends ColumnVector {
        @Override
        ColumnVector add(int row, Object value) {
            return value == null ? this : vectorFor(value, Math.max(INITIAL_CAPACITY, row + 1), row).add(row, value);
        }

        @Override
        Object get(int row) {
            return null;
        }

        @Override
        void trim(int size) {
        }

        private static ColumnVector vectorFor(Object first, int capacity, int nullRows) {
            Class<?> type = first.getClass();
            Typed typed;
            if (type == Integer.class) {
                typed = new IntVector(capacity);
            } else if (type == Long.class) {
                typed = new LongVector(capacity);
            } else if (type == BigDecimal.class) {
                typed = new DecimalVector(capacity, ((BigDecimal) first).scale());
            } else if (type == LocalDateTime.class) {
                typed = new DateTimeVector(capacity);
            } else if (type == LocalDate.class) {
                typed = new DateVector(capacity);
            } else if (type == LocalTime.class) {
                typed = new TimeVector(capacity);
            } else if (type == Double.class) {
                typed = new DoubleVector(capacity);
            } else if (type == Boolean.class) {
                typed = new BooleanVector(capacity);
            } else if (type == String.class) {
                typed = new TextVector(capacity);
            } else {
                return new ObjectVector(capacity);
            }
            typed.nullsBefore(nullRows);
            return typed;
        }
    }

    /** Any values, as they came: the fallback and the home of byte arrays and offsets. */
    static final class ObjectVector extends ColumnVector {
        private Object[] values;

        ObjectVector(int capacity) {
            values = new Object[capacity];
        }

        @Override
        ColumnVector add(int row, Object value) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, grown(values.length, row));
            }
            values[row] = value;
            return this;
        }

        @Override
        Object get(int row) {
            return values[row];
        }

        @Override
        void trim(int size) {
            if (values.length > size) {
                values = Arrays.copyOf(values, size);
            }
        }
    }

    /**
     * Values of exactly one class in primitive arrays, nulls in a bit set made at the first null.
     * The class is compared exactly, so a subclass (of BigDecimal, say) is kept as the object it is.
     */
    abstract static class Typed extends ColumnVector {
        private final Class<?> type;
        private BitSet nulls;
        /** Length of the subclass's arrays; null rows past it are not stored, so it may be below the size. */
        int capacity;

        Typed(Class<?> type, int capacity) {
            this.type = type;
            this.capacity = capacity;
        }

        /** Stores a value of the type, or returns false (having stored nothing) if it cannot be held exactly. */
        abstract boolean store(int row, Object value);

        abstract Object load(int row);

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
                if (store(row, value)) {
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

    static final class IntVector extends Typed {
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

    static final class LongVector extends Typed {
        private long[] values;

        LongVector(int capacity) {
            super(Long.class, capacity);
            values = new long[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            values[row] = (Long) value;
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

    static final class DoubleVector extends Typed {
        private double[] values;

        DoubleVector(int capacity) {
            super(Double.class, capacity);
            values = new double[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            values[row] = (Double) value;
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

    static final class BooleanVector extends Typed {
        private boolean[] values;

        BooleanVector(int capacity) {
            super(Boolean.class, capacity);
            values = new boolean[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            values[row] = (Boolean) value;
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

    /**
     * Decimals as unscaled long plus scale, so 1.50 comes back as 1.50. A column usually has one scale
     * (numeric(12,2)), so per-row scales are only kept once a second scale shows up.
     */
    static final class DecimalVector extends Typed {
        private long[] unscaled;
        private final int scale;
        private byte[] scales;

        DecimalVector(int capacity, int firstScale) {
            super(BigDecimal.class, capacity);
            unscaled = new long[capacity];
            scale = firstScale;
        }

        @Override
        boolean store(int row, Object value) {
            BigDecimal decimal = (BigDecimal) value;
            BigInteger digits = decimal.unscaledValue();
            int rowScale = decimal.scale();
            if (digits.bitLength() >= 64) {
                return false;
            }
            if (scales == null && rowScale != scale) {
                if (!fitsByte(scale) || !fitsByte(rowScale)) {
                    return false;
                }
                scales = new byte[capacity];
                Arrays.fill(scales, 0, row, (byte) scale);
            }
            if (scales != null) {
                if (!fitsByte(rowScale)) {
                    return false;
                }
                scales[row] = (byte) rowScale;
            }
            unscaled[row] = digits.longValue();
            return true;
        }

        @Override
        Object load(int row) {
            return BigDecimal.valueOf(unscaled[row], scales == null ? scale : scales[row]);
        }

        @Override
        void resize(int newCapacity) {
            unscaled = Arrays.copyOf(unscaled, newCapacity);
            if (scales != null) {
                scales = Arrays.copyOf(scales, newCapacity);
            }
        }

        private static boolean fitsByte(int value) {
            return value == (byte) value;
        }
    }

    /**
     * Timestamps as microseconds since 1970-01-01T00:00 (what databases store), with the nanoseconds
     * below a microsecond kept apart once a value has some. Years beyond about +-292,000 do not fit a
     * long of microseconds and turn the column into objects.
     */
    static final class DateTimeVector extends Typed {
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
        boolean store(int row, Object value) {
            LocalDateTime time = (LocalDateTime) value;
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
        Object load(int row) {
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

    /** Dates as epoch days; years beyond about +-5.8 million do not fit an int and turn the column into objects. */
    static final class DateVector extends Typed {
        private int[] epochDays;

        DateVector(int capacity) {
            super(LocalDate.class, capacity);
            epochDays = new int[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            long day = ((LocalDate) value).toEpochDay();
            if (day != (int) day) {
                return false;
            }
            epochDays[row] = (int) day;
            return true;
        }

        @Override
        Object load(int row) {
            return LocalDate.ofEpochDay(epochDays[row]);
        }

        @Override
        void resize(int newCapacity) {
            epochDays = Arrays.copyOf(epochDays, newCapacity);
        }
    }

    static final class TimeVector extends Typed {
        private long[] nanoOfDay;

        TimeVector(int capacity) {
            super(LocalTime.class, capacity);
            nanoOfDay = new long[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            nanoOfDay[row] = ((LocalTime) value).toNanoOfDay();
            return true;
        }

        @Override
        Object load(int row) {
            return LocalTime.ofNanoOfDay(nanoOfDay[row]);
        }

        @Override
        void resize(int newCapacity) {
            nanoOfDay = Arrays.copyOf(nanoOfDay, newCapacity);
        }
    }

    /**
     * Strings as bytes in a few large pages instead of a String and a byte[] per row: millions of small
     * objects are what the collector keeps copying while a big result is held. Characters up to 0xFF
     * (what compact strings store in one byte too) take one byte each; a string with a wider character,
     * or longer than a page, is kept as it is in a side array made at the first such string.
     */
    static final class TextVector extends Typed {
        /**
         * A page plus its array header fills one 1 MiB G1 region (the region size of heaps below 4 GB):
         * above half a region, so G1 allocates it humongous and never copies it, and an exact 1 MiB would
         * spill 16 bytes into a second region whose rest stays unused.
         */
        static final int PAGE_SIZE = (1 << 20) - 64;
        private static final int FIRST_PAGE_SIZE = 256;
        /** Bits for an offset in a page, and for a length (at most a page); the page index takes the rest. */
        private static final int BITS = 20;
        private static final long MASK = (1L << BITS) - 1;
        private static final int MAX_PAGES = 1 << (63 - 2 * BITS);

        /** Per row: page index, offset in the page and length, packed as page:offset:length. */
        private long[] spans;
        /** Strings kept as they are (a char above 0xFF, or longer than a page); made at the first one. */
        private String[] wide;
        private byte[][] pages = new byte[0][];
        private int pageCount;
        /** Bytes taken in the last page. */
        private int used;

        TextVector(int capacity) {
            super(String.class, capacity);
            spans = new long[capacity];
        }

        @Override
        boolean store(int row, Object value) {
            String text = (String) value;
            int length = text.length();
            byte[] page = length <= PAGE_SIZE ? pageWithRoom(length) : null;
            if (page != null && copyLatin1(text, page, used)) {
                spans[row] = ((long) (pageCount - 1) << BITS | used) << BITS | length;
                used += length;
            } else {
                if (wide == null) {
                    wide = new String[capacity];
                }
                wide[row] = text;
            }
            return true;
        }

        /** Copies one byte per char; false at the first char above 0xFF, having written bytes nobody counts as used. */
        private static boolean copyLatin1(String text, byte[] page, int offset) {
            for (int i = 0, length = text.length(); i < length; i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    return false;
                }
                page[offset + i] = (byte) c;
            }
            return true;
        }

        /**
         * The last page if it has {@code length} bytes free, else a new one. The first page starts small and
         * doubles up to a full page, so a result of a few rows does not take a whole page per text column.
         */
        private byte[] pageWithRoom(int length) {
            byte[] page = pageCount == 0 ? null : pages[pageCount - 1];
            if (page != null && used + length <= page.length) {
                return page;
            }
            if (page != null && page.length < PAGE_SIZE && used + length <= PAGE_SIZE) {
                page = Arrays.copyOf(page, (int) Math.min(PAGE_SIZE, Math.max(2L * page.length, used + length)));
                pages[pageCount - 1] = page;
                return page;
            }
            if (pageCount == MAX_PAGES) {
                return null;
            }
            page = new byte[pageCount == 0 ? Math.max(FIRST_PAGE_SIZE, length) : PAGE_SIZE];
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, Math.max(4, 2 * pageCount));
            }
            pages[pageCount++] = page;
            used = 0;
            return page;
        }

        @Override
        Object load(int row) {
            if (wide != null && wide[row] != null) {
                return wide[row];
            }
            long span = spans[row];
            int page = (int) (span >>> 2 * BITS);
            return new String(pages[page], (int) (span >>> BITS & MASK), (int) (span & MASK),
                    StandardCharsets.ISO_8859_1);
        }

        @Override
        void resize(int newCapacity) {
            spans = Arrays.copyOf(spans, newCapacity);
            if (wide != null) {
                wide = Arrays.copyOf(wide, newCapacity);
            }
        }

        @Override
        void trim(int size) {
            super.trim(size);
            if (pageCount > 0 && pages[pageCount - 1].length > used) {
                pages[pageCount - 1] = Arrays.copyOf(pages[pageCount - 1], used);
            }
            pages = Arrays.copyOf(pages, pageCount);
        }
    }
}
