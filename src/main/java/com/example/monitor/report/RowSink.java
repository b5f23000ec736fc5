package com.example.monitor.report;

import com.example.monitor.rows.Row;
import java.io.IOException;

/**
 * Where {@link RowSpool} puts one result's rows: the JSON body of the report's {@code rows}, or a
 * Parquet file. Used by one thread at a time, but not always the one that opened it.
 */
interface RowSink {

    void write(Row row) throws IOException;

    /** Every row was written: completes the output. */
    void finish() throws IOException;

    /** The rows stopped early or the sink failed: removes whatever it wrote. */
    void discard() throws IOException;

    /** Opens the sink of one result; {@code large} when the rows will not fit one batch. */
    @FunctionalInterface
    interface Opener {
        RowSink open(boolean large) throws IOException;
    }
}
