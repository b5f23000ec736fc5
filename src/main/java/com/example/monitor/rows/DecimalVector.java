package com.example.monitor.rows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Decimals as unscaled long plus scale, so 1.50 comes back as 1.50. A column usually has one scale
 * (numeric(12,2)), so per-row scales are only kept once a second scale shows up.
 */
final class DecimalVector extends TypedVector<BigDecimal> {
    private long[] unscaled;
    private final int scale;
    private byte[] scales;

    DecimalVector(int capacity, int firstScale) {
        super(BigDecimal.class, capacity);
        unscaled = new long[capacity];
        scale = firstScale;
    }

    @Override
    boolean store(int row, BigDecimal decimal) {
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
    BigDecimal load(int row) {
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
