package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.Columns;
import com.example.monitor.rows.Row;
import com.example.monitor.testing.EncoderThreads;
import com.example.monitor.testing.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet file appears whole, under its name, only once every row is in; a failure leaves nothing. */
class ParquetRowsTest {

    private static final List<ColumnType> TYPES = List.of(
            new ColumnType("id", ColumnType.Kind.INTEGER, "int8", 19, 0, false),
            new ColumnType("amount", ColumnType.Kind.DECIMAL, "numeric", 12, 2, true));
    private static final Columns COLUMNS = new Columns(List.of("id", "amount"));
    private static final int ROWS = 5_000;

    @RegisterExtension
    final EncoderThreads encoders = new EncoderThreads();
    private final ParquetRows parquet = new ParquetRows(new RowSpool(encoders.pool()),
            PosixFilePermissions.fromString("rw-------"));

    @TempDir
    Path dir;

    @Test
    void noReaderSeesTheFileBeforeItsLastRowIsIn() throws Exception {
        Path target = dir.resolve("run/crm/Q.parquet");
        Iterator<Row> rows = rows(ROWS, () -> assertThat(target).doesNotExist());

        RowSpool.Spooled spooled = parquet.write(rows, TYPES, dir.resolve(".spool"), target, null, row -> { }, () -> { });

        assertThat(spooled.rowCount()).isEqualTo(ROWS);
        assertThat(ParquetFiles.count(target)).isEqualTo(ROWS);
        assertThat(ParquetFiles.rows(target).get(ROWS - 1))
                .containsEntry("id", (long) ROWS - 1).containsEntry("amount", new BigDecimal("49.99"));
        assertThat(filesUnder(dir)).containsExactly(target);
    }

    @Test
    void aValueTheColumnCannotHoldFailsTheQueryAndLeavesNoFile() {
        Path target = dir.resolve("run/crm/Q.parquet");
        Iterator<Row> rows = List.of(new Row(COLUMNS, new Object[] {1L, new BigDecimal("1.005")})).iterator();

        assertThatThrownBy(() -> parquet.write(rows, TYPES, dir.resolve(".spool"), target, null, row -> { }, () -> { }))
                .hasMessageContaining("Rounding necessary");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void anOtherValueIsTheSameTextAsInTheJsonReport() throws Exception {
        // H2's JSON column comes from the driver as byte[], TIME WITH TIME ZONE as an OffsetTime: once the
        // Java object's toString, "[B@1b6d3586" (the bytes lost) and "00:00Z" (the JSON has "00:00:00Z")
        List<ColumnType> types = List.of(new ColumnType("doc", ColumnType.Kind.OTHER, "JSON", null, null, true),
                new ColumnType("at", ColumnType.Kind.OTHER, "TIME WITH TIME ZONE", null, null, true));
        Columns columns = new Columns(List.of("doc", "at"));
        Path target = dir.resolve("run/crm/Q.parquet");
        Iterator<Row> rows = List.of(
                new Row(columns, new Object[] {"{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8),
                        OffsetTime.parse("00:00Z")}),
                new Row(columns, new Object[] {new byte[] {0, (byte) 0xff}, OffsetTime.parse("04:05:06.5+02:00")}),
                new Row(columns, new Object[] {null, null})).iterator();

        parquet.write(rows, types, dir.resolve(".spool"), target, null, row -> { }, () -> { });

        assertThat(ParquetFiles.parquetTypes(target).get("doc")).startsWith("BYTE_ARRAY UTF8");
        assertThat(ParquetFiles.rows(target)).containsExactly(
                Map.of("doc", "eyJhIjpbMSwyXX0=", "at", "00:00:00Z"),
                Map.of("doc", "AP8=", "at", "04:05:06.5+02:00"),
                nulls("doc", "at"));
    }

    private static Map<String, Object> nulls(String... names) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String name : names) {
            row.put(name, null);
        }
        return row;
    }

    private static Iterator<Row> rows(int count, Runnable onEachRow) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Row next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                onEachRow.run();
                int id = next++;
                return new Row(COLUMNS, new Object[] {(long) id, BigDecimal.valueOf(id % 5000, 2)});
            }
        };
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
