package com.example.monitor.report;

import com.example.monitor.rows.Row;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a query's rows, as they come from the driver, to a file holding the body of a JSON array
 * (objects separated by commas), or to another {@link RowSink} (a Parquet file). The report writer
 * later copies the JSON bytes as they are between the brackets of the query's {@code rows}, so rows
 * are encoded once, while the query runs.
 *
 * <p>A result bigger than one batch is encoded on a second thread while the caller keeps reading from
 * the driver: reading and encoding each take about half of the work, so on two cores the pair takes
 * little more than the slower half. A bounded queue keeps at most a few batches in flight, so a
 * stream-mode result never sits in memory.
 */
public final class RowSpool {

    static final int BATCH_ROWS = 512;
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final Row[] END = new Row[0];
    private static final long HAND_OVER_CHECK_MS = 200;
    private static final SerializedString ROW_SEPARATOR = new SerializedString(",");
    /**
     * Jackson hands its output on in 8 KB pieces; a large result behind a bigger buffer takes a few
     * hundred write calls instead of tens of thousands (a sixth of the encoding thread's time).
     */
    private static final int LARGE_RESULT_BUFFER = 1 << 18;
    private static final int SMALL_RESULT_BUFFER = 1 << 13;

    private final JsonFactory json = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final ExecutorService encoders;

    /** @param encoders runs the encoding of large results; one task per such query, for its duration */
    public RowSpool(ExecutorService encoders) {
        this.encoders = encoders;
    }

    /**
     * Asked between batches whether to go on reading: drivers cancel and time out a statement while
     * it executes, not while its rows are fetched afterwards, so a cancel or timeout that comes then
     * is noticed here.
     */
    @FunctionalInterface
    public interface Checkpoint {
        void check() throws SQLException;
    }

    /** What was spooled: the columns (empty when no row came), how many rows, and whether capped. */
    public record Spooled(List<String> columns, int rowCount, boolean truncated) {
    }

    /**
     * Reads {@code rows} to the end, or to {@code maxRows}, into {@code file}; each row also goes to
     * {@code keep} (memory mode holds them for the routes). {@code keep} is called on the thread that
     * encodes, in row order, so the reading thread, the busier one, does not pay for it; what it kept
     * is complete when this method returns. {@code checkpoint} is asked after every batch. On any
     * failure the file is deleted.
     */
    public Spooled write(Iterator<?> rows, Path file, Integer maxRows, Consumer<Row> keep, Checkpoint checkpoint)
            throws IOException, InterruptedException, SQLException {
        Files.createDirectories(file.getParent());
        return write(rows, large -> new JsonSink(file, large ? LARGE_RESULT_BUFFER : SMALL_RESULT_BUFFER), maxRows,
                keep, checkpoint);
    }

    /** The same, into the sink {@code opener} opens: once, before the first row is written. */
    Spooled write(Iterator<?> rows, RowSink.Opener opener, Integer maxRows, Consumer<Row> keep,
                  Checkpoint checkpoint) throws IOException, InterruptedException, SQLException {
        List<String> columns = List.of();
        int count = 0;
        boolean truncated = false;
        Row[] batch = new Row[BATCH_ROWS];
        int filled = 0;
        RowSink sink = null;
        Encoder encoder = null;
        boolean written = false;
        try {
            while (rows.hasNext()) {
                if (maxRows != null && count >= maxRows) {
                    truncated = true;
                    break;
                }
                Row row = (Row) rows.next();
                if (count == 0) {
                    columns = row.columns().names();
                }
                batch[filled++] = row;
                count++;
                if (filled == BATCH_ROWS) {
                    checkpoint.check();
                    if (encoder == null) {
                        sink = opener.open(true);
                        encoder = new Encoder(sink, keep);
                    }
                    encoder.put(batch);
                    batch = new Row[BATCH_ROWS];
                    filled = 0;
                }
            }
            Row[] rest = Arrays.copyOf(batch, filled);
            if (encoder == null) {
                // a small result: handing it to another thread would cost more than encoding it here
                sink = opener.open(false);
                for (Row row : rest) {
                    sink.write(row);
                    keep.accept(row);
                }
                sink.finish();
            } else {
                encoder.put(rest);
                encoder.finish();
            }
            written = true;
            return new Spooled(columns, count, truncated);
        } finally {
            if (!written) {
                try {
                    if (encoder != null) {
                        encoder.abandon();
                    }
                } finally {
                    if (sink != null) {
                        sink.discard();
                    }
                }
            }
        }
    }

    /**
     * Copies a spool into a report at the position of an array the generator has just opened: the
     * generator is flushed, then the kernel moves the bytes file to file (no parse, no copy in Java).
     */
    static void copyInto(JsonGenerator report, WritableByteChannel target, Path spool) throws IOException {
        report.flush();
        try (FileChannel source = FileChannel.open(spool, StandardOpenOption.READ)) {
            long size = source.size();
            for (long done = 0; done < size; ) {
                done += source.transferTo(done, size - done, target);
            }
        }
    }

    /** Rows as JSON objects separated by commas: the body of the report's {@code rows} array. */
    private final class JsonSink implements RowSink {
        private final Path file;
        private final JsonGenerator out;
        private final JsonRowWriter writer;

        JsonSink(Path file, int bufferBytes) throws IOException {
            this.file = file;
            out = json.createGenerator(
                    new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                            bufferBytes), JsonEncoding.UTF8);
            // rows are top-level values here; a comma between them makes the file an array's body
            out.setRootValueSeparator(ROW_SEPARATOR);
            writer = new JsonRowWriter(out);
        }

        @Override
        public void write(Row row) throws IOException {
            writer.write(row);
        }

        @Override
        public void finish() throws IOException {
            out.close();
        }

        @Override
        public void discard() throws IOException {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The second thread of a large result: takes batches off a bounded queue and encodes them. */
    private final class Encoder {
        private final BlockingQueue<Row[]> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private final Future<?> done;
        private volatile Exception failure;
        private volatile boolean abandoned;

        Encoder(RowSink sink, Consumer<Row> keep) {
            done = encoders.submit(() -> run(sink, keep));
        }

        private Void run(RowSink sink, Consumer<Row> keep) throws IOException, InterruptedException {
            // after a failure, keep taking batches so the reader is never stuck on a full queue
            for (Row[] batch = queue.take(); batch != END; batch = queue.take()) {
                if (failure == null && !abandoned) {
                    try {
                        for (Row row : batch) {
                            sink.write(row);
                            keep.accept(row);
                        }
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
            }
            Exception failed = failure;
            if (failed != null) {
                throw failed instanceof IOException io ? io : new IOException(failed.getMessage(), failed);
            }
            if (!abandoned) {
                sink.finish();
            }
            return null;
        }

        void put(Row[] batch) throws IOException, InterruptedException {
            Exception failed = failure;
            if (failed != null) {
                throw new IOException("cannot encode the rows: " + failed.getMessage(), failed);
            }
            if (!hand(batch)) {
                throw new IOException("the row encoder stopped before the end of the rows");
            }
        }

        void finish() throws IOException, InterruptedException {
            hand(END);
            try {
                done.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IOException io ? io : new IOException(cause);
            } catch (CancellationException e) {
                throw new IOException("the row encoder stopped before the end of the rows", e);
            }
        }

        /** The reader stopped early (a cancel, a driver error): the encoder drops what is queued and ends. */
        void abandon() throws InterruptedException {
            abandoned = true;
            try {
                hand(END);
                done.get();
            } catch (InterruptedException e) {
                done.cancel(true);
                throw e;
            } catch (ExecutionException | CancellationException e) {
                // the reader's own failure is the one worth reporting
            }
        }

        /**
         * Queues a batch, waiting while the queue is full; false if the encoder has ended meanwhile
         * (its pool was shut down while Camel stops), so the reader is never left waiting for nobody.
         */
        private boolean hand(Row[] batch) throws InterruptedException {
            while (!queue.offer(batch, HAND_OVER_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    return false;
                }
            }
            return true;
        }
    }
}
