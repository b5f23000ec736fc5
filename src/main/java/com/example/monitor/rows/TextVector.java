package com.example.monitor.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings as bytes in a few large pages instead of a String and a byte[] per row: millions of small
 * objects are what the collector keeps copying while a big result is held. Characters up to 0xFF
 * (what compact strings store in one byte too) take one byte each; a string with a wider character,
 * or longer than a page, is kept as it is in a side array made at the first such string.
 */
final class TextVector extends TypedVector<String> {
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
    boolean store(int row, String text) {
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
    String load(int row) {
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
