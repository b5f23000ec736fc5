package bench;

import bench.floor.Floor;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained per result row, measured exactly: run the query, map every row with a row mapper from the
 * app's jar, keep them all in a list (as a memory-mode result does), force full GCs, and divide the heap
 * growth by the row count. Run with the app jar on the class path; the classes are found by name, so
 * this compiles without the app.
 *
 * <ul>
 *   <li>{@code app}: the app's row mapper ({@code com.example.monitor.jdbc.CompactRowMapperFactory}):
 *       lean rows, a value array plus shared column names;</li>
 *   <li>{@code app-columnar}: the same rows fed to the app's {@code com.example.monitor.rows.ColumnarRows.Builder},
 *       keeping only the built list (typed column vectors, no object per row);</li>
 *   <li>{@code camel-default}: camel-sql's default ({@code DefaultRowMapperFactory}, Spring's
 *       ColumnMapRowMapper): one LinkedCaseInsensitiveMap per row, the "one map per row" design.</li>
 * </ul>
 *
 * <p>usage: {@code HeapPerRow <app|app-columnar|camel-default> <jdbcUrl> <sqlFile>}; prints one line
 * {@code heap-per-row mode=<m> rows=<n> retainedMB=<x> bytesPerRow=<y>}.
 */
public final class HeapPerRow {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String factoryClass = switch (mode) {
            case "app", "app-columnar" -> "com.example.monitor.jdbc.CompactRowMapperFactory";
            case "camel-default" -> "org.apache.camel.component.sql.DefaultRowMapperFactory";
            default -> throw new IllegalArgumentException("mode: app | app-columnar | camel-default");
        };
        Object factory = Class.forName(factoryClass).getConstructor().newInstance();
        Object mapper = factory.getClass().getMethod("newColumnRowMapper").invoke(factory);
        Method mapRow = Class.forName("org.springframework.jdbc.core.RowMapper")
                .getMethod("mapRow", ResultSet.class, int.class);
        String sql = Floor.jdbcSql(Files.readString(Path.of(args[2])));

        Rows sink = mode.equals("app-columnar") ? new ColumnarSink() : new ListSink();

        long before = usedAfterGc();
        try (Connection connection = DriverManager.getConnection(args[1] + "?user=postgres&password=bench")) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                int parameters = statement.getParameterMetaData().getParameterCount();
                for (int i = 1; i <= parameters; i++) {
                    statement.setObject(i, LocalDateTime.of(2000, 1, 1, 0, 0));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        sink.add(mapRow.invoke(mapper, rs, n++));
                    }
                }
            }
            connection.commit();
        }
        List<?> rows = sink.rows();
        long after = usedAfterGc();
        long retained = after - before;
        System.out.printf("heap-per-row mode=%s rows=%d retainedMB=%.1f bytesPerRow=%d rowClass=%s%n", mode,
                rows.size(), retained / 1048576.0, rows.isEmpty() ? 0 : retained / rows.size(),
                rows.isEmpty() ? "-" : rows.get(0).getClass().getName());
        // keep the rows reachable until measured
        if (rows.size() == Integer.MIN_VALUE) {
            System.out.println(rows.get(0));
        }
    }

    /** Where the mapped rows go: the list a memory-mode result holds. */
    private interface Rows {
        void add(Object row) throws Exception;

        List<?> rows() throws Exception;
    }

    private static final class ListSink implements Rows {
        private final List<Object> rows = new ArrayList<>();

        @Override
        public void add(Object row) {
            rows.add(row);
        }

        @Override
        public List<?> rows() {
            return rows;
        }
    }

    /** The app's columnar builder, found by name; only the built list stays reachable. */
    private static final class ColumnarSink implements Rows {
        private final Object builder;
        private final Method add;
        private final Method build;

        ColumnarSink() throws Exception {
            Class<?> type = Class.forName("com.example.monitor.rows.ColumnarRows$Builder");
            builder = type.getConstructor().newInstance();
            add = type.getMethod("add", Class.forName("com.example.monitor.rows.Row"));
            build = type.getMethod("build");
        }

        @Override
        public void add(Object row) throws Exception {
            add.invoke(builder, row);
        }

        @Override
        public List<?> rows() throws Exception {
            return (List<?>) build.invoke(builder);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        // a measurement, not a wait for an outcome: G1 finishes concurrent work between explicit GCs
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
