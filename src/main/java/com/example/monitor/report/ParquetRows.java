package com.example.monitor.report;

import com.example.monitor.files.Folder;
import com.example.monitor.rows.ColumnNames;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Writes a query's rows, as they come from the driver, to a typed Parquet file. The rows are appended
 * to a table of an in-memory DuckDB that spills to the spool folder beyond a small memory limit, so a
 * stream-mode result is never held, neither in the heap nor in native memory; DuckDB then writes the
 * table as Parquet under a temp name, which is renamed into place with the report permissions.
 *
 * <p>DuckDB (its classes and its native library) is loaded the first time a query's rows go to
 * Parquet, never in a process that writes JSON.
 */
public final class ParquetRows {

    /** The folder in the run's spool folder where one writer's DuckDB spills; Spools removes what is left. */
    static final String SPILL_SUFFIX = ".duckdb.tmp";
    /** DuckDB's own buffers; beyond this it spills to the spool folder. */
    private static final String MEMORY_LIMIT = "128MB";
    /** The largest decimal Parquet (and DuckDB) holds exactly; a wider one is written as its digits. */
    private static final int MAX_DECIMAL_DIGITS = 38;

    private final RowSpool spool;
    private final Set<PosixFilePermission> permissions;

    /** @param spool reads the rows, and hands large results to a second thread, as for JSON */
    public ParquetRows(RowSpool spool, Set<PosixFilePermission> permissions) {
        this.spool = spool;
        this.permissions = Set.copyOf(permissions);
    }

    /**
     * Reads {@code rows} to the end, or to {@code maxRows}, into the Parquet file {@code target}, with
     * one column per type in {@code types}; each row also goes to {@code keep}. {@code checkpoint} is
     * asked between batches. On any failure no file is left, neither the target nor a temp one.
     */
    public RowSpool.Spooled write(Iterator<?> rows, List<ColumnType> types, Path spoolDir, Path target,
                                  Integer maxRows, Consumer<Row> keep, RowSpool.Checkpoint checkpoint)
            throws IOException, InterruptedException, SQLException {
        return spool.write(rows, large -> new ParquetSink(types, spoolDir, target), maxRows, keep, checkpoint);
    }

    /** One result's table, and the file it becomes. */
    private final class ParquetSink implements RowSink {
        private final List<Column> columns;
        private final Path target;
        private final Path temp;
        private final Path spill;
        private final Folder folder;
        private final DuckDBConnection duck;
        private final DuckDBAppender appender;

        ParquetSink(List<ColumnType> types, Path spoolDir, Path target) throws IOException {
            List<String> names = ColumnNames.unique(types.stream().map(ColumnType::label).toList());
            this.columns = types.stream().map(Column::of).toList();
            this.target = target;
            folder = Folder.openForReaders(target.getParent(), permissions);
            temp = target.resolveSibling("." + target.getFileName() + "-" + UUID.randomUUID() + ".tmp");
            spill = spoolDir.resolve(UUID.randomUUID() + SPILL_SUFFIX);
            Files.createDirectories(spill);
            DuckDBConnection opened = null;
            try {
                opened = open(spill);
                try (Statement sql = opened.createStatement()) {
                    sql.execute(createTable(names, columns));
                }
                // one transaction for the whole table: the appender flushes every 2,048 rows, and
                // with auto-commit each flush would be a commit of its own (1M rows: 2.2 s of appends, 1.2 s without)
                opened.setAutoCommit(false);
                appender = opened.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "result");
                duck = opened;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(opened);
                deleteTree(spill);
                throw new IOException("cannot open the Parquet writer: " + e.getMessage(), e);
            }
        }

        @Override
        public void write(Row row) throws IOException {
            try {
                appender.beginRow();
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).append(appender, row.value(i));
                }
                appender.endRow();
            } catch (SQLException e) {
                throw new IOException("cannot write a row to Parquet: " + e.getMessage(), e);
            }
        }

        @Override
        public void finish() throws IOException {
            try (DuckDBConnection connection = duck; Statement sql = connection.createStatement()) {
                appender.close();
                sql.execute("COPY result TO '" + temp.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            } catch (SQLException e) {
                discard();
                throw new IOException("cannot write the Parquet file: " + e.getMessage(), e);
            }
            try {
                folder.publish(temp, target.getFileName().toString());
            } finally {
                Files.deleteIfExists(temp);
                deleteTree(spill);
            }
        }

        @Override
        public void discard() throws IOException {
            closeQuietly(duck);
            Files.deleteIfExists(temp);
            deleteTree(spill);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            // closes its appender too; the in-memory table, and what it spilled, go with it
            connection.close();
        } catch (SQLException e) {
            // the file is being discarded: the reason it was is the one worth reporting
        }
    }

    private static DuckDBConnection open(Path spill) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", MEMORY_LIMIT);
        properties.setProperty("temp_directory", spill.toAbsolutePath().toString());
        properties.setProperty("threads", "1");
        // no extension may be fetched or loaded: the process writes files, it needs nothing else
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        return new DuckDBDriver().connect("jdbc:duckdb:", properties).unwrap(DuckDBConnection.class);
    }

    private static String createTable(List<String> names, List<Column> columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE result (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(names.get(i).replace("\"", "\"\"")).append("\" ")
                    .append(columns.get(i).duckType());
        }
        return sql.append(')').toString();
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One column of the file: its DuckDB type, which decides the Parquet type, and how a value goes in. */
    private record Column(ColumnType.Kind kind, String duckType, int scale) {

        static Column of(ColumnType type) {
            return switch (type.type()) {
                case INTEGER -> new Column(type.type(), "BIGINT", 0);
                case DECIMAL -> exactDecimal(type)
                        ? new Column(type.type(), "DECIMAL(" + type.precision() + "," + type.scale() + ")",
                                type.scale())
                        : new Column(ColumnType.Kind.TEXT, "VARCHAR", 0);
                case DOUBLE -> new Column(type.type(), "DOUBLE", 0);
                case TEXT, OTHER -> new Column(type.type(), "VARCHAR", 0);
                case BOOLEAN -> new Column(type.type(), "BOOLEAN", 0);
                case DATE -> new Column(type.type(), "DATE", 0);
                case TIMESTAMP -> new Column(type.type(), "TIMESTAMP", 0);
                case TIMESTAMPTZ -> new Column(type.type(), "TIMESTAMPTZ", 0);
                case TIME -> new Column(type.type(), "TIME", 0);
                case BINARY -> new Column(type.type(), "BLOB", 0);
            };
        }

        /** Microseconds since 1970, the fraction below a microsecond dropped (Parquet's unit here). */
        private static long micros(long epochSecond, int nano) {
            return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nano / 1000);
        }

        private static boolean exactDecimal(ColumnType type) {
            return type.precision() != null && type.scale() != null && type.precision() <= MAX_DECIMAL_DIGITS
                    && type.scale() <= type.precision();
        }

        void append(DuckDBAppender appender, Object value) throws SQLException {
            if (value == null) {
                appender.appendNull();
                return;
            }
            switch (kind) {
                case INTEGER -> appender.append(value instanceof BigDecimal decimal ? decimal.longValueExact()
                        : ((Number) value).longValue());
                // setScale refuses to round: a value the column cannot hold fails the query, it is not cut
                case DECIMAL -> appender.append(((BigDecimal) value).setScale(scale, RoundingMode.UNNECESSARY));
                case DOUBLE -> appender.append(((Number) value).doubleValue());
                case BOOLEAN -> appender.append((boolean) (Boolean) value);
                // epoch numbers, not the appender's java.time overloads, which convert with ChronoUnit.until
                case DATE -> appender.appendEpochDays(Math.toIntExact(((LocalDate) value).toEpochDay()));
                case TIMESTAMP -> {
                    LocalDateTime local = (LocalDateTime) value;
                    appender.appendEpochMicros(micros(local.toEpochSecond(ZoneOffset.UTC), local.getNano()));
                }
                case TIMESTAMPTZ -> {
                    OffsetDateTime instant = value instanceof LocalDateTime local
                            // Oracle's TIMESTAMP WITH LOCAL TIME ZONE comes in the session's zone, the JVM's
                            ? local.atZone(ZoneId.systemDefault()).toOffsetDateTime() : (OffsetDateTime) value;
                    appender.appendEpochMicros(micros(instant.toEpochSecond(), instant.getNano()));
                }
                case TIME -> appender.append((LocalTime) value);
                case BINARY -> appender.append((byte[]) value);
                default -> appender.append(text(value));
            }
        }

        /** A text column's value as the JSON report writes it, so both formats give the same string. */
        private static String text(Object value) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof byte[] bytes) {
                // the JDBC reader gives an `other` as text now (H2's JSON once came as bytes); a byte[] that
                // still comes is base64, as the JSON writes it, not "[B@1b6d3586"
                return Base64.getEncoder().encodeToString(bytes);
            }
            if (value instanceof OffsetTime time) {
                // not from the JDBC reader (a time with an offset is its driver's text), but as the JSON
                // writes one: OffsetTime.toString drops zero seconds ("00:00Z"); the JSON has "00:00:00Z"
                return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
            }
            return value.toString();
        }
    }
}
