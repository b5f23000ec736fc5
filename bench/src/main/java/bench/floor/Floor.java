package bench.floor;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plain-JDBC floor: what the app does, with nothing but pgjdbc and Jackson's streaming generator.
 * Same SQL file ({@code :start_date} bound as a timestamp parameter), same fetch size, autocommit off so
 * PostgreSQL streams with a cursor, read-only connection, and the same JSON shape as the app's report
 * (columns once, rows as objects, ISO-8601 timestamps, exact decimals, written to a temp file and renamed).
 *
 * <p>One database: rows go straight from the ResultSet into the JSON file; nothing is held. Several
 * databases: each runs on its own thread (at most {@code --parallel}, 0 = all), holds its (small) rows,
 * and the report is written when all are done.
 *
 * <p>usage: {@code Floor --out=FILE --sql=FILE --start-date=2000-01-01T00:00:00 [--fetch-size=1000]
 * [--parallel=0] [--query-name=NAME] name=jdbcUrl ...}. Connects as postgres/bench.
 */
public final class Floor {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private record Target(String name, String url) {
    }

    private record Result(String name, long elapsedMs, String error, List<String> columns, List<Object[]> rows) {
    }

    public static void main(String[] args) throws Exception {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Path out = null;
        Path sqlFile = null;
        String queryName = "query";
        LocalDateTime startDate = LocalDateTime.of(2000, 1, 1, 0, 0);
        int fetchSize = 1000;
        int parallel = 0;
        List<Target> targets = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else if (arg.startsWith("--sql=")) {
                sqlFile = Path.of(arg.substring(6));
            } else if (arg.startsWith("--query-name=")) {
                queryName = arg.substring(13);
            } else if (arg.startsWith("--start-date=")) {
                startDate = LocalDateTime.parse(arg.substring(13));
            } else if (arg.startsWith("--fetch-size=")) {
                fetchSize = Integer.parseInt(arg.substring(13));
            } else if (arg.startsWith("--parallel=")) {
                parallel = Integer.parseInt(arg.substring(11));
            } else {
                int eq = arg.indexOf('=');
                targets.add(new Target(arg.substring(0, eq), arg.substring(eq + 1)));
            }
        }
        String sql = jdbcSql(Files.readString(sqlFile));

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".floor-", ".json.tmp");
        long rowCount = 0;
        try (JsonGenerator json = JSON.createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("runId", "floor");
            json.writeStringField("trigger", "floor");
            json.writeStringField("startDate", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(startDate));
            json.writeStringField("startedAt", startedAt.toString());
            json.writeStringField("status", "completed");
            json.writeObjectFieldStart("databases");
            if (targets.size() == 1) {
                rowCount = streamOne(json, targets.get(0), queryName, sql, startDate, fetchSize);
            } else {
                rowCount = runMany(json, targets, queryName, sql, startDate, fetchSize, parallel);
            }
            json.writeEndObject();
            json.writeStringField("finishedAt", Instant.now().toString());
            json.writeNumberField("elapsedMs", (System.nanoTime() - t0) / 1_000_000);
            json.writeEndObject();
        }
        Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("floor: " + targets.size() + " database(s), " + rowCount + " rows in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms; report: " + out);
    }

    /** One database: rows straight from the driver into the file. */
    private static long streamOne(JsonGenerator json, Target target, String queryName, String sql,
                                  LocalDateTime startDate, int fetchSize) throws SQLException, IOException {
        long t0 = System.nanoTime();
        long rows = 0;
        json.writeObjectFieldStart(target.name());
        json.writeStringField("status", "completed");
        json.writeNullField("error");
        json.writeObjectFieldStart("queries");
        json.writeObjectFieldStart(queryName);
        json.writeStringField("status", "completed");
        json.writeNullField("error");
        try (Connection connection = connect(target.url());
             PreparedStatement statement = prepare(connection, sql, startDate, fetchSize);
             ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            int count = meta.getColumnCount();
            String[] names = new String[count];
            Reader[] readers = new Reader[count];
            json.writeArrayFieldStart("columns");
            for (int i = 0; i < count; i++) {
                names[i] = meta.getColumnLabel(i + 1);
                readers[i] = reader(meta, i + 1);
                json.writeString(names[i]);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            while (rs.next()) {
                json.writeStartObject();
                for (int i = 0; i < count; i++) {
                    json.writeFieldName(names[i]);
                    write(json, readers[i].read(rs, i + 1));
                }
                json.writeEndObject();
                rows++;
            }
            json.writeEndArray();
            connection.commit();
        }
        // known only now: written after the rows (the app writes them before; same content)
        json.writeNumberField("rowCount", rows);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        json.writeNumberField("elapsedMs", elapsedMs);
        json.writeEndObject();
        json.writeEndObject();
        json.writeNumberField("elapsedMs", elapsedMs);
        json.writeEndObject();
        return rows;
    }

    /** Several databases, each on its own thread; small results are held, then written in order. */
    private static long runMany(JsonGenerator json, List<Target> targets, String queryName, String sql,
                                LocalDateTime startDate, int fetchSize, int parallel) throws Exception {
        int threads = parallel <= 0 ? targets.size() : Math.min(parallel, targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Result>> futures = new ArrayList<>();
        for (Target target : targets) {
            futures.add(pool.submit(() -> fetch(target, sql, startDate, fetchSize)));
        }
        long rows = 0;
        try {
            for (Future<Result> future : futures) {
                Result result = future.get();
                json.writeObjectFieldStart(result.name());
                json.writeStringField("status", result.error() == null ? "completed" : "failed");
                json.writeStringField("error", result.error());
                json.writeNumberField("elapsedMs", result.elapsedMs());
                json.writeObjectFieldStart("queries");
                json.writeObjectFieldStart(queryName);
                json.writeStringField("status", result.error() == null ? "completed" : "failed");
                if (result.error() == null) {
                    json.writeNumberField("rowCount", result.rows().size());
                } else {
                    json.writeNullField("rowCount");
                }
                json.writeNumberField("elapsedMs", result.elapsedMs());
                json.writeStringField("error", result.error());
                json.writeArrayFieldStart("columns");
                for (String column : result.columns()) {
                    json.writeString(column);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("rows");
                for (Object[] row : result.rows()) {
                    json.writeStartObject();
                    for (int i = 0; i < row.length; i++) {
                        json.writeFieldName(result.columns().get(i));
                        write(json, row[i]);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                rows += result.rows().size();
            }
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    private static Result fetch(Target target, String sql, LocalDateTime startDate, int fetchSize) {
        long t0 = System.nanoTime();
        List<String> columns = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = connect(target.url());
             PreparedStatement statement = prepare(connection, sql, startDate, fetchSize);
             ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            int count = meta.getColumnCount();
            Reader[] readers = new Reader[count];
            for (int i = 0; i < count; i++) {
                columns.add(meta.getColumnLabel(i + 1));
                readers[i] = reader(meta, i + 1);
            }
            while (rs.next()) {
                Object[] row = new Object[count];
                for (int i = 0; i < count; i++) {
                    row[i] = readers[i].read(rs, i + 1);
                }
                rows.add(row);
            }
            connection.commit();
            return new Result(target.name(), (System.nanoTime() - t0) / 1_000_000, null, columns, rows);
        } catch (SQLException e) {
            return new Result(target.name(), (System.nanoTime() - t0) / 1_000_000, String.valueOf(e.getMessage()),
                    List.of(), List.of());
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "bench");
        properties.setProperty("ApplicationName", "bench-floor");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setReadOnly(true);
        connection.setAutoCommit(false); // PostgreSQL streams with a cursor only outside autocommit
        return connection;
    }

    private static PreparedStatement prepare(Connection connection, String sql, LocalDateTime startDate,
                                             int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        int parameters = statement.getParameterMetaData().getParameterCount();
        for (int i = 1; i <= parameters; i++) {
            statement.setObject(i, startDate);
        }
        return statement;
    }

    /** The bench's SQL files are simple: drop comment lines and a trailing ';', bind :start_date as '?'. */
    public static String jdbcSql(String text) {
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--") && !line.isBlank()) {
                sql.append(line).append('\n');
            }
        }
        String s = sql.toString().strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replace(":start_date", "?");
    }

    @FunctionalInterface
    private interface Reader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /** The same value mapping as the app for the types the bench uses; anything else as text. */
    private static Reader reader(ResultSetMetaData meta, int column) throws SQLException {
        switch (meta.getColumnType(column)) {
            case Types.NUMERIC, Types.DECIMAL:
                return ResultSet::getBigDecimal;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                return (rs, i) -> {
                    int v = rs.getInt(i);
                    return rs.wasNull() ? null : v;
                };
            case Types.BIGINT:
                return (rs, i) -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v;
                };
            case Types.DATE:
                return (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIMESTAMP:
                return "timestamptz".equalsIgnoreCase(meta.getColumnTypeName(column))
                        ? (rs, i) -> rs.getObject(i, OffsetDateTime.class)
                        : (rs, i) -> rs.getObject(i, LocalDateTime.class);
            default:
                return ResultSet::getString;
        }
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof LocalDateTime dateTime) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
        } else if (value instanceof LocalDate date) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        } else if (value instanceof OffsetDateTime dateTime) {
            json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
        } else {
            json.writeString(value.toString());
        }
    }
}
