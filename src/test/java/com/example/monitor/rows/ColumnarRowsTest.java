package com.example.monitor.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A held result kept as typed column vectors still reads, value by value and class by class, as its rows. */
class ColumnarRowsTest {

    private static final Columns ONE = new Columns(List.of("V"));

    @Test
    void everyValueTypeComesBackEqualAndOfTheSameClassWithNullsInBetween() {
        byte[] bytes = {1, 2, 3};
        Object[][] columnValues = {
            {1, null, -7, Integer.MIN_VALUE},
            {5_000_000_000L, null, -1L, Long.MAX_VALUE},
            {new BigDecimal("1.50"), null, new BigDecimal("-0.01"), new BigDecimal("12345678901.23")},
            {LocalDateTime.of(2026, 1, 1, 0, 0, 1, 250_000_000), null,
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2026, 3, 29, 2, 30)},
            {LocalDate.of(2026, 11, 2), null, LocalDate.of(1900, 1, 1), LocalDate.EPOCH},
            {LocalTime.of(23, 59, 59, 999_999_999), null, LocalTime.MIDNIGHT, LocalTime.NOON},
            {1.5, null, -0.0, Double.NaN},
            {true, null, false, Boolean.TRUE},
            {"text", null, "", "ünïcode"},
            {bytes, null, new byte[0], bytes},
            {OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)), null,
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null},
            {OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(-5)), null, null, OffsetTime.MAX},
        };
        List<Row> rows = columnsOf(columnValues);

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void aColumnWhoseFirstValuesAreNullTakesItsTypeFromTheFirstValue() {
        List<Row> rows = columnsOf(new Object[][] {
            {null, null, null, 3, null, 4},
            {null, null, null, null, null, new BigDecimal("2.5")},
            {null, null, null, null, null, null},
        });

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void aColumnThatChangesTypeMidwayKeepsEveryEarlierValue() {
        List<Row> rows = columnsOf(new Object[][] {
            {1, null, 2, 3, "four", 5, null, 6L},
            {LocalDate.of(2026, 1, 1), null, LocalDateTime.of(2026, 1, 1, 0, 0), null, null, null, null, null},
            {new BigDecimal("1.00"), new SubDecimal("2.00"), new BigDecimal("3.00"), null, null, null, null, null},
        });

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void decimalsKeepTheirScaleAndDigitsHoweverLarge() {
        BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
        List<Row> rows = singleColumn(
                new BigDecimal("1.50"), new BigDecimal("100"), new BigDecimal("1E+3"), new BigDecimal("-1.2E+5"),
                new BigDecimal("0.000"), BigDecimal.valueOf(Long.MAX_VALUE, 4), BigDecimal.valueOf(Long.MIN_VALUE),
                new BigDecimal(twoTo63, 2), new BigDecimal(twoTo63.negate().subtract(BigInteger.ONE)),
                new BigDecimal("1.5"), new BigDecimal("12345678901234567890123456789.123456789"),
                new BigDecimal(BigInteger.TEN, 300), new BigDecimal(BigInteger.TEN, -300), new BigDecimal("7.25"));

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertThat(read.get(0).value(0)).hasToString("1.50");
        assertThat(read.get(2).value(0)).hasToString("1E+3");
    }

    @Test
    void decimalsWithAnotherScaleAfterManyRowsOfOneScaleKeepTheirOwnScale() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Row(ONE, new Object[] {BigDecimal.valueOf(i, 2)}));
        }
        rows.add(new Row(ONE, new Object[] {BigDecimal.valueOf(5, -3)}));
        rows.add(new Row(ONE, new Object[] {BigDecimal.valueOf(5, 0)}));

        assertThat(new ArrayList<>(build(rows))).isEqualTo(rows);
    }

    @Test
    void timestampsAreExactToTheNanosecondInAnyYear() {
        List<Row> rows = singleColumn(
                LocalDateTime.of(2026, 1, 1, 12, 0, 0, 123_456_789), LocalDateTime.of(-5000, 2, 28, 23, 59, 59, 1),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(100_000, 6, 1, 0, 0),
                LocalDateTime.of(-100_000, 6, 1, 0, 0, 0, 1000), LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.MIN, LocalDateTime.MAX,
                LocalDateTime.of(2026, 1, 1, 0, 0, 0, 500));

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void timestampsWithSubMicrosecondNanosAfterManyWholeMicrosecondsKeepThem() {
        List<Row> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < 100; i++) {
            rows.add(new Row(ONE, new Object[] {start.plusNanos(i * 1_001_000L)}));
        }
        rows.add(new Row(ONE, new Object[] {start.plusNanos(7)}));
        rows.add(new Row(ONE, new Object[] {start.minusNanos(1)}));

        assertThat(new ArrayList<>(build(rows))).isEqualTo(rows);
    }

    @Test
    void datesOutsideTheIntRangeOfEpochDaysStillComeBack() {
        List<Row> rows = singleColumn(LocalDate.of(2026, 1, 1), LocalDate.MIN, LocalDate.MAX, LocalDate.of(-5000, 1, 1));

        assertThat(new ArrayList<>(build(rows))).isEqualTo(rows);
    }

    @Test
    void latin1TextWithAccentsAndControlCharsComesBackEqual() {
        StringBuilder allLatin1 = new StringBuilder();
        for (char c = 0; c <= 0xFF; c++) {
            allLatin1.append(c);
        }
        List<Row> rows = singleColumn("café", "Straße", "ÿ", "\u0000", "tab\tnew\nline\r", "\u007f\u0080\u009f\u00a0",
                allLatin1.toString(), "plain", "é", "ß");

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void textBeyondLatin1ComesBackExactlyBeforeAndAfterLatin1TextInOneColumn() {
        List<Row> rows = new ArrayList<>(columnsOf(new Object[][] {
            {"Łódź", "plain", "日本", "😀 emoji", "\ud800", "a\udc00b", "ÿĀ", "é", "\uffff", "after"},
            {"plain", "é", "Łódź", "ÿ", "ÿĀ", "\ud83d\ude00", "ß", "日本語", "", "last"},
        }));
        Columns columns = rows.get(0).columns();
        for (int i = 0; i < ColumnVector.INITIAL_CAPACITY * 3; i++) {
            Object first = i % 3 == 0 ? "Ω" + i : "row " + i;
            rows.add(new Row(columns, new Object[] {first, i % 5 == 0 ? "Ж" + i : "é" + i}));
        }

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void emptyStringsAndNullsComeBackFirstInBetweenAndLast() {
        List<Row> rows = columnsOf(new Object[][] {
            {null, null, "", "a", null, "", "", "b", null},
            {"", "", null, "", "Ł", null, "", "", ""},
            {"", "", "", "", "", "", "", "", ""},
        });

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void textFillingPagesExactlyAndCrossingPageBoundariesComesBack() {
        int quarter = TextVector.PAGE_SIZE / 4;
        assertThat(quarter * 4).isEqualTo(TextVector.PAGE_SIZE);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            values.add(latin1Text(quarter, i));
        }
        values.add(latin1Text(TextVector.PAGE_SIZE, 8));
        for (int i = 0; i < 40; i++) {
            values.add(i % 7 == 0 ? null : latin1Text(100_003 + i, 9 + i));
        }
        values.add("");
        List<Row> rows = singleColumn(values.toArray());

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
    }

    @Test
    void aStringLongerThanAPageComesBack() {
        String longer = latin1Text(TextVector.PAGE_SIZE + 1, 1);
        List<Row> rows = singleColumn("before", longer, "after", latin1Text(TextVector.PAGE_SIZE * 2, 2));

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
    }

    @Test
    void aTextColumnThatLaterGetsAnIntegerBecomesObjectsAndKeepsEveryEarlierValue() {
        List<Row> rows = singleColumn(null, "é", "", "Łódź", null, "plain", 7, "after", null, 8L);

        List<Row> read = new ArrayList<>(build(rows));

        assertThat(read).isEqualTo(rows);
        assertSameClasses(read, rows);
    }

    @Test
    void aStringColumnIsHeldAsTextUntilANonStringValue() {
        ColumnVector vector = ColumnVector.UNTYPED.add(0, null).add(1, "a").add(2, "Ł");

        assertThat(vector).isInstanceOf(TextVector.class);
        assertThat(vector.add(3, 1)).isInstanceOf(ObjectVector.class);
    }

    @Test
    void anEmptyResultIsAnEmptyList() {
        ColumnarRows empty = new ColumnarRows.Builder().build();

        assertThat(empty).isEmpty();
        assertThat(empty).isEqualTo(List.of());
        assertThat(empty.hashCode()).isEqualTo(List.of().hashCode());
        assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalsAndHashesLikeTheOriginalRowsAndLikePlainMaps() {
        Columns columns = new Columns(List.of("CLIENT_ID", "NEW_EMAIL", "CHANGED_AT"));
        List<Row> rows = List.of(
                new Row(columns, new Object[] {1, "a@b.c", LocalDateTime.of(2026, 11, 2, 10, 0)}),
                new Row(columns, new Object[] {2, null, null}));
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Row row : rows) {
            maps.add(new LinkedHashMap<>(row));
        }

        ColumnarRows columnar = build(rows);

        assertThat(columnar).isEqualTo(new ArrayList<>(rows)).isEqualTo(maps);
        assertThat(new ArrayList<>(rows)).isEqualTo(columnar);
        assertThat(maps).isEqualTo(columnar);
        assertThat(columnar.hashCode()).isEqualTo(rows.hashCode()).isEqualTo(maps.hashCode());
        assertThat(columnar).isNotEqualTo(rows.subList(0, 1));
        maps.get(1).put("NEW_EMAIL", "changed");
        assertThat(columnar).isNotEqualTo(maps);
    }

    @Test
    void readsLikeAListOfMapsByIndexNameSubListAndStream() {
        Columns columns = new Columns(List.of("client_id", "amount"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Row(columns, new Object[] {i, BigDecimal.valueOf(i * 150L, 2)}));
        }

        ColumnarRows columnar = build(rows);

        assertThat(columnar.get(3).get("CLIENT_ID")).isEqualTo(3);
        assertThat(columnar.get(3).get("amount")).isEqualTo(new BigDecimal("4.50"));
        assertThat(columnar.subList(1, 3)).isEqualTo(rows.subList(1, 3));
        assertThat(columnar.stream().map(row -> row.get("client_id")).collect(Collectors.toList()))
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(columnar.get(0).columns()).isSameAs(columns);
    }

    @Test
    void getOutsideTheRowsThrowsIndexOutOfBounds() {
        ColumnarRows columnar = build(singleColumn(1, 2));

        assertThatThrownBy(() -> columnar.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> columnar.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void neitherTheListNorItsRowsCanBeChanged() {
        Row row = new Row(ONE, new Object[] {1});
        ColumnarRows columnar = build(List.of(row));

        assertThatThrownBy(() -> columnar.add(row)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columnar.set(0, row)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columnar.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(columnar::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columnar.get(0).put("V", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(columnar).containsExactly(row);
    }

    @Test
    void aBuiltBuilderTakesNoMoreRowsAndBuildsOnlyOnce() {
        ColumnarRows.Builder builder = new ColumnarRows.Builder();
        Row row = new Row(ONE, new Object[] {1});
        builder.add(row);
        ColumnarRows columnar = builder.build();

        assertThatThrownBy(() -> builder.add(new Row(ONE, new Object[] {2})))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        // what it built is not changed by the refused add
        assertThat(columnar).containsExactly(row);
    }

    @Test
    void rowsWithOtherColumnsAreRejected() {
        ColumnarRows.Builder builder = new ColumnarRows.Builder();
        builder.add(new Row(ONE, new Object[] {1}));

        assertThatThrownBy(() -> builder.add(new Row(new Columns(List.of("V")), new Object[] {2})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.build()).containsExactly(new Row(ONE, new Object[] {1}));
    }

    @Test
    void aResultMuchBiggerThanTheInitialCapacityKeepsEveryRow() {
        Columns columns = new Columns(List.of("ID", "NAME", "AMOUNT", "AT", "NOTE"));
        List<Row> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        int count = ColumnVector.INITIAL_CAPACITY * 100 + 3;
        for (int i = 0; i < count; i++) {
            rows.add(new Row(columns, new Object[] {
                i, "name " + i, BigDecimal.valueOf(i * 137L, 2), start.plusNanos(i * 1_250_000_000L),
                i % 10 == 0 ? null : "note " + i}));
        }

        ColumnarRows columnar = build(rows);

        assertThat(columnar).hasSize(count);
        assertThat(new ArrayList<>(columnar)).isEqualTo(rows);
    }

    private static ColumnarRows build(List<Row> rows) {
        ColumnarRows.Builder builder = new ColumnarRows.Builder();
        rows.forEach(builder::add);
        return builder.build();
    }

    /** Rows from values given column by column (each inner array is one column, top to bottom). */
    private static List<Row> columnsOf(Object[][] columnValues) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columnValues.length; c++) {
            names.add("C" + c);
        }
        Columns columns = new Columns(names);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < columnValues[0].length; r++) {
            Object[] values = new Object[columnValues.length];
            for (int c = 0; c < values.length; c++) {
                values[c] = columnValues[c][r];
            }
            rows.add(new Row(columns, values));
        }
        return rows;
    }

    /** Latin-1 text of the given length whose chars depend on the seed, so misplaced bytes show. */
    private static String latin1Text(int length, int seed) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (0x20 + (seed * 31 + i) % 0xE0);
        }
        return new String(chars);
    }

    private static List<Row> singleColumn(Object... values) {
        return Arrays.stream(values).map(value -> new Row(ONE, new Object[] {value})).collect(Collectors.toList());
    }

    private static void assertSameClasses(List<Row> read, List<Row> expected) {
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object value = expected.get(r).value(c);
                Object actual = read.get(r).value(c);
                assertThat(actual == null ? null : actual.getClass()).as("row %d column %d", r, c)
                        .isEqualTo(value == null ? null : value.getClass());
            }
        }
    }

    /** A subclass must not come back as a plain BigDecimal. */
    private static final class SubDecimal extends BigDecimal {
        SubDecimal(String value) {
            super(value);
        }
    }
}
