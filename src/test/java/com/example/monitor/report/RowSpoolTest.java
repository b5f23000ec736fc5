package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.rows.Columns;
import com.example.monitor.rows.Row;
import com.example.monitor.testing.EncoderThreads;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Rows are encoded while they are read, on a second thread for large results, and never lost or stuck. */
class RowSpoolTest {

    private static final Columns COLUMNS = new Columns(List.of("id", "label", "amount", "at"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowSpool.Checkpoint GO_ON = () -> { };

    @RegisterExtension
    final EncoderThreads encoders = new EncoderThreads();
    private final RowSpool spool = new RowSpool(encoders.pool());

    @TempDir
    Path dir;

    @Test
    void resultsOfAnySizeAreSpooledCompleteAndInOrder() throws Exception {
        for (int count : List.of(0, 1, RowSpool.BATCH_ROWS - 1, RowSpool.BATCH_ROWS, RowSpool.BATCH_ROWS + 1, 5000)) {
            Path file = dir.resolve(count + ".rows");
            List<Row> kept = new ArrayList<>();

            RowSpool.Spooled spooled = spool.write(rows(count).iterator(), file, null, kept::add, GO_ON);

            assertThat(spooled.rowCount()).as("%d rows", count).isEqualTo(count);
            assertThat(spooled.truncated()).isFalse();
            assertThat(spooled.columns()).isEqualTo(count == 0 ? List.of() : COLUMNS.names());
            assertThat(kept).isEqualTo(rows(count));
            JsonNode parsed = parse(file);
            assertThat(parsed).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(parsed.get(i).get("id").asInt()).isEqualTo(i);
                assertThat(parsed.get(i).get("amount").decimalValue()).isEqualByComparingTo(amount(i));
                assertThat(parsed.get(i).get("at").asText())
                        .isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at(i)));
            }
        }
    }

    @Test
    void maxRowsKeepsThatManyAndSaysTheResultWasCut() throws Exception {
        Path file = dir.resolve("capped.rows");
        List<Row> kept = new ArrayList<>();

        RowSpool.Spooled capped = spool.write(rows(3000).iterator(), file, 1500, kept::add, GO_ON);
        RowSpool.Spooled exact = spool.write(rows(3000).iterator(), dir.resolve("exact.rows"), 3000, row -> { }, GO_ON);

        assertThat(capped.rowCount()).isEqualTo(1500);
        assertThat(capped.truncated()).isTrue();
        assertThat(kept).hasSize(1500);
        assertThat(parse(file)).hasSize(1500);
        assertThat(exact.rowCount()).isEqualTo(3000);
        assertThat(exact.truncated()).isFalse();
    }

    @Test
    void aDriverErrorMidResultDeletesTheSpoolAndEndsTheEncoder() {
        Path file = dir.resolve("broken.rows");
        Iterator<Row> failing = failingAfter(rows(3000).iterator(), 2000, new IllegalStateException("connection lost"));

        assertThatThrownBy(() -> spool.write(failing, file, null, row -> { }, GO_ON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("connection lost");

        assertThat(file).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> encoders.pool().getActiveCount() == 0);
    }

    @Test
    void aValueThatCannotBeEncodedFailsTheResultInsteadOfHangingIt() {
        Path file = dir.resolve("unencodable.rows");
        List<Row> rows = rows(20 * RowSpool.BATCH_ROWS);
        rows.set(RowSpool.BATCH_ROWS + 7, new Row(COLUMNS, new Object[] {1, new Unprintable(), null, null}));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> spool.write(rows.iterator(), file, null, row -> { }, GO_ON))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("no text for this value"));

        assertThat(file).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> encoders.pool().getActiveCount() == 0);
    }

    @Test
    void aCheckpointThatSaysStopEndsReadingWithinABatchAndDeletesTheSpool() {
        Path file = dir.resolve("stopped.rows");
        AtomicInteger served = new AtomicInteger();
        Iterator<Row> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Row next() {
                int i = served.getAndIncrement();
                return new Row(COLUMNS, new Object[] {i, "row " + i, amount(i), at(i)});
            }
        };
        RowSpool.Checkpoint stopAfterTenBatches = () -> {
            if (served.get() >= 10 * RowSpool.BATCH_ROWS) {
                throw new SQLTimeoutException("past the query timeout");
            }
        };

        assertThatThrownBy(() -> spool.write(endless, file, null, row -> { }, stopAfterTenBatches))
                .isInstanceOf(SQLTimeoutException.class);

        assertThat(served.get()).isEqualTo(10 * RowSpool.BATCH_ROWS);
        assertThat(file).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> encoders.pool().getActiveCount() == 0);
    }

    @Test
    void spooledBytesFitBetweenTheBracketsOfTheReportsArray() throws Exception {
        Path rows = dir.resolve("copied.rows");
        spool.write(rows(2000).iterator(), rows, null, row -> { }, GO_ON);
        Path report = dir.resolve("report.json");

        try (FileChannel channel = FileChannel.open(report, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             JsonGenerator out = new JsonFactory().createGenerator(Channels.newOutputStream(channel),
                     JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeArrayFieldStart("rows");
            RowSpool.copyInto(out, channel, rows);
            out.writeEndArray();
            out.writeStringField("after", "the rows");
            out.writeEndObject();
        }

        JsonNode parsed = JSON.readTree(report.toFile());
        assertThat(parsed.get("rows")).hasSize(2000);
        assertThat(parsed.get("rows").get(1999).get("label").asText()).isEqualTo("row 1999");
        assertThat(parsed.get("after").asText()).isEqualTo("the rows");
    }

    private static JsonNode parse(Path file) throws IOException {
        return JSON.readTree("[" + Files.readString(file) + "]");
    }

    private static List<Row> rows(int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> new Row(COLUMNS, new Object[] {i, "row " + i, amount(i), at(i)}))
                .toList());
    }

    private static BigDecimal amount(int i) {
        return BigDecimal.valueOf(i * 125L, 2);
    }

    private static LocalDateTime at(int i) {
        return LocalDateTime.of(2026, 11, 1, 0, 0).plusSeconds(i).plusNanos(i * 1000L);
    }

    private static Iterator<Row> failingAfter(Iterator<Row> rows, int good, RuntimeException failure) {
        return new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                if (served++ == good) {
                    throw failure;
                }
                return rows.next();
            }
        };
    }

    /** A driver-specific value whose text cannot be had. */
    private static final class Unprintable {
        @Override
        public String toString() {
            throw new IllegalStateException("no text for this value");
        }
    }
}
