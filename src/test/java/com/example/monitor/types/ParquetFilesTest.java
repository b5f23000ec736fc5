package com.example.monitor.types;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.entry;

import com.example.monitor.cli.ExitCodes;
import com.example.monitor.cli.MonitorLauncher;
import com.example.monitor.testing.H2Database;
import com.example.monitor.testing.ParquetFiles;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code monitor.rows-format=parquet} through the whole application, read back by DuckDB's Parquet
 * reader: every type, exact, on PostgreSQL and on H2 in Oracle mode, in memory and stream mode; plus
 * the column types of the JSON report, unique column names, file names, failures and permissions.
 */
class ParquetFilesTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final H2Database H2 = new H2Database("jdbc:h2:mem:parquet_oracle;MODE=Oracle;DB_CLOSE_DELAY=-1");

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabases() throws Exception {
        String pg = POSTGRES.server().createDatabase("parquet_pg",
                "CREATE TABLE typed (id int NOT NULL, big bigint, amount numeric(19,5), ratio double precision,"
                        + " note text, flag boolean, on_day date, at_local timestamp, at_zoned timestamptz,"
                        + " payload bytea, at_time time, loose numeric)",
                "INSERT INTO typed VALUES (1, 9223372036854775807, 99999999999999.99999, 0.1, 'naïve “quoted” 😀',"
                        + " true, '1900-01-01', '1900-01-01 00:00:00.123456', '2026-10-03 04:05:06.789+02', '\\x000102ff',"
                        + " '04:05:06.5', 12345678901234567890.123456789)",
                "INSERT INTO typed VALUES (2, -9223372036854775808, -0.00001, 'NaN', '', false, '2026-10-03',"
                        + " '2026-10-03 04:05:06', '1900-01-01 00:00:00Z', '', '23:59:59', -0.00001)",
                "INSERT INTO typed (id, ratio) VALUES (3, 'Infinity')");
        H2.execute("CREATE TABLE typed (id NUMBER(10) NOT NULL, big NUMBER(18), amount NUMBER(19,5),"
                        + " ratio BINARY_DOUBLE, note VARCHAR2(100), changed DATE, at_zoned TIMESTAMP WITH TIME ZONE,"
                        + " payload RAW(10), body CLOB, blob_data BLOB, loose NUMBER, wide NUMBER(38))",
                "INSERT INTO typed VALUES (1, 999999999999999999, 99999999999999.99999, 0.1,"
                        + " 'naïve “quoted” 😀', TO_DATE('1900-01-01 13:14:15', 'YYYY-MM-DD HH24:MI:SS'),"
                        + " TIMESTAMP '2026-10-03 04:05:06.789 +02:00', HEXTORAW('000102FF'), 'clob text', HEXTORAW('CAFE'),"
                        + " 12.5, 12345678901234567890123456789012345678)",
                "INSERT INTO typed (id, amount, note) VALUES (2, -0.00001, '')");
        project = new ProjectFiles(Files.createTempDirectory("parquet-files"))
                .database("pg", pg)
                .query("Typed", "typed.sql", "SELECT * FROM typed ORDER BY id\n")
                .query("Empty", "empty.sql", "SELECT * FROM typed WHERE id < 0\n")
                .query("Broken", "broken.sql", "SELECT * FROM no_such_table\n")
                .query("Repeated", "repeated.sql", "SELECT a.id, b.id FROM typed a JOIN typed b ON a.id = b.id ORDER BY 1\n")
                .query("Clients/2026 ü", "odd.sql", "SELECT 1 AS one\n")
                // fails on its 3,000th row, after two fetches of 1,000 went to the file
                .query("Half read", "half.sql", "SELECT g, 1 / (3000 - g) AS q FROM generate_series(1, 5000) g\n")
                .database("ora", H2.url())
                .query("Typed", "ora-typed.sql", "SELECT * FROM typed ORDER BY id\n")
                .query("Empty", "ora-empty.sql", "SELECT * FROM typed WHERE id < 0\n");
        project.write();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "stream"})
    void postgresValuesAreExactInTheParquetFileWithTheirTypes(String results) throws Exception {
        Path output = run("parquet", results);
        Path file = rowsFile(output, "pg", "Typed");

        assertThat(ParquetFiles.columnTypes(file)).containsExactly(entry("id", "BIGINT"), entry("big", "BIGINT"),
                entry("amount", "DECIMAL(19,5)"), entry("ratio", "DOUBLE"), entry("note", "VARCHAR"),
                entry("flag", "BOOLEAN"), entry("on_day", "DATE"), entry("at_local", "TIMESTAMP"),
                entry("at_zoned", "TIMESTAMP WITH TIME ZONE"), entry("payload", "BLOB"), entry("at_time", "TIME"),
                entry("loose", "VARCHAR"));
        assertThat(ParquetFiles.parquetTypes(file).get("at_local")).contains("isAdjustedToUTC=0").contains("MICROS=MicroSeconds()");
        assertThat(ParquetFiles.parquetTypes(file).get("at_zoned")).contains("isAdjustedToUTC=1").contains("MICROS=MicroSeconds()");
        assertThat(ParquetFiles.parquetTypes(file).get("note")).startsWith("BYTE_ARRAY UTF8");
        List<Map<String, Object>> rows = ParquetFiles.rows(file);
        assertThat(rows).hasSize(3);
        Map<String, Object> first = rows.get(0);
        assertThat(first).containsEntry("id", 1L).containsEntry("big", Long.MAX_VALUE)
                .containsEntry("amount", new BigDecimal("99999999999999.99999")).containsEntry("ratio", 0.1d)
                .containsEntry("note", "naïve “quoted” 😀").containsEntry("flag", true)
                .containsEntry("on_day", LocalDate.parse("1900-01-01"))
                .containsEntry("at_local", Timestamp.valueOf(LocalDateTime.parse("1900-01-01T00:00:00.123456")))
                .containsEntry("at_zoned", OffsetDateTime.parse("2026-10-03T02:05:06.789Z"))
                .containsEntry("at_time", LocalTime.parse("04:05:06.5"))
                .containsEntry("loose", "12345678901234567890.123456789");
        assertThat((byte[]) first.get("payload")).containsExactly(0, 1, 2, 0xff);
        Map<String, Object> second = rows.get(1);
        assertThat(second).containsEntry("big", Long.MIN_VALUE).containsEntry("amount", new BigDecimal("-0.00001"))
                .containsEntry("note", "").containsEntry("flag", false)
                .containsEntry("at_zoned", OffsetDateTime.parse("1900-01-01T00:00:00Z"))
                .containsEntry("loose", "-0.00001");
        assertThat((Double) second.get("ratio")).isNaN();
        assertThat((byte[]) second.get("payload")).isEmpty();
        Map<String, Object> nulls = rows.get(2);
        assertThat(nulls.get("ratio")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(nulls.entrySet()).filteredOn(e -> !List.of("id", "ratio").contains(e.getKey()))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "stream"})
    void oracleModeValuesAreExactInTheParquetFileWithTheirTypes(String results) throws Exception {
        Path output = run("parquet", results);
        Path file = rowsFile(output, "ora", "Typed");

        assertThat(ParquetFiles.columnTypes(file)).containsExactly(entry("ID", "BIGINT"), entry("BIG", "BIGINT"),
                entry("AMOUNT", "DECIMAL(19,5)"), entry("RATIO", "DOUBLE"), entry("NOTE", "VARCHAR"),
                entry("CHANGED", "TIMESTAMP"), entry("AT_ZONED", "TIMESTAMP WITH TIME ZONE"), entry("PAYLOAD", "BLOB"),
                entry("BODY", "VARCHAR"), entry("BLOB_DATA", "BLOB"), entry("LOOSE", "VARCHAR"),
                entry("WIDE", "DECIMAL(38,0)"));
        List<Map<String, Object>> rows = ParquetFiles.rows(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("ID", 1L).containsEntry("BIG", 999_999_999_999_999_999L)
                .containsEntry("AMOUNT", new BigDecimal("99999999999999.99999")).containsEntry("RATIO", 0.1d)
                .containsEntry("NOTE", "naïve “quoted” 😀")
                .containsEntry("CHANGED", Timestamp.valueOf(LocalDateTime.parse("1900-01-01T13:14:15")))
                .containsEntry("AT_ZONED", OffsetDateTime.parse("2026-10-03T02:05:06.789Z"))
                .containsEntry("BODY", "clob text").containsEntry("LOOSE", "12.5")
                .containsEntry("WIDE", new BigDecimal("12345678901234567890123456789012345678"));
        assertThat((byte[]) rows.get(0).get("PAYLOAD")).containsExactly(0, 1, 2, 0xff);
        assertThat((byte[]) rows.get(0).get("BLOB_DATA")).containsExactly(0xca, 0xfe);
        assertThat(rows.get(1)).containsEntry("AMOUNT", new BigDecimal("-0.00001")).containsEntry("NOTE", null);
    }

    @Test
    void aQueryWithoutRowsHasAFileWithItsColumnsAndAFailedQueryHasNone() throws Exception {
        Path output = run("parquet", "stream");
        JsonNode queries = onlyReport(output).at("/databases/pg/queries");

        Path empty = rowsFile(output, "pg", "Empty");
        assertThat(ParquetFiles.count(empty)).isZero();
        assertThat(ParquetFiles.columnTypes(empty)).containsEntry("amount", "DECIMAL(19,5)").hasSize(12);
        assertThat(queries.get("Broken").get("rowsFile").isNull()).isTrue();
        assertThat(queries.get("Broken").has("rows")).isFalse();
        assertThat(queries.get("Typed").has("rows")).isFalse();
        assertThat(queries.get("Half read").get("status").asText()).isEqualTo("failed");
        assertThat(queries.get("Half read").get("rowsFile").isNull()).isTrue();
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> output.relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(f.indexOf('/') + 1)))
                    .as("no temp file, no spool, nothing for the failed queries")
                    .containsExactlyInAnyOrder("pg/Typed.parquet", "pg/Empty.parquet", "pg/Repeated.parquet",
                            "pg/Clients%2F2026 %C3%BC.parquet", "ora/Typed.parquet", "ora/Empty.parquet",
                            onlyReportName(output));
        }
    }

    @Test
    void rowsFileIsRelativeToTheReportsFolderWithAFileSafeName() throws Exception {
        Path output = run("parquet", "memory");
        JsonNode report = onlyReport(output);

        String runId = report.get("runId").asText();
        assertThat(report.at("/databases/pg/queries/Clients~12026 ü/rowsFile").asText())
                .isEqualTo(runId + "/pg/Clients%2F2026 %C3%BC.parquet");
        assertThat(report.at("/databases/ora/queries/Typed/rowsFile").asText()).isEqualTo(runId + "/ora/Typed.parquet");
        assertThat(ParquetFiles.rows(rowsFile(output, "pg", "Clients/2026 ü"))).containsExactly(Map.of("one", 1L));
    }

    @Test
    void repeatedColumnNamesAreMadeUniqueInTheReportAndTheFileAndKeepTheDriversLabel() throws Exception {
        Path output = run("parquet", "memory");
        JsonNode repeated = onlyReport(output).at("/databases/pg/queries/Repeated");

        assertThat(repeated.get("columns")).extracting(JsonNode::asText).containsExactly("id", "id_2");
        assertThat(repeated.get("columnTypes")).extracting(type -> type.get("label").asText()).containsExactly("id", "id");
        assertThat(ParquetFiles.rows(rowsFile(output, "pg", "Repeated")).get(1))
                .containsExactly(entry("id", 2L), entry("id_2", 2L));

        JsonNode json = onlyReport(run("json", "memory")).at("/databases/pg/queries/Repeated");
        assertThat(json.get("columns")).extracting(JsonNode::asText).containsExactly("id", "id_2");
        assertThat(json.at("/rows/1/id").asInt()).isEqualTo(2);
        assertThat(json.at("/rows/1/id_2").asInt()).isEqualTo(2);
        assertThat(json.has("rowsFile")).isFalse();
    }

    @Test
    void filesAndTheirFoldersFollowTheReportPermissions() throws Exception {
        Path output = run("parquet", "stream", "--monitor.report-permissions=rw-r-----");
        Path file = rowsFile(output, "pg", "Typed");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void theJsonReportGivesEveryColumnsTypeAQueryWithoutRowsToo() throws Exception {
        JsonNode pg = onlyReport(run("json", "memory")).at("/databases/pg/queries");

        for (String query : List.of("Typed", "Empty")) {
            assertThat(pg.get(query).get("columnTypes")).extracting(type -> type.get("type").asText())
                    .containsExactly("integer", "integer", "decimal", "double", "text", "boolean", "date", "timestamp",
                            "timestamptz", "binary", "time", "decimal");
        }
        JsonNode amount = pg.at("/Typed/columnTypes/2");
        assertThat(amount.get("databaseType").asText()).isEqualTo("numeric");
        assertThat(amount.get("precision").asInt()).isEqualTo(19);
        assertThat(amount.get("scale").asInt()).isEqualTo(5);
        assertThat(pg.at("/Typed/columnTypes/0/nullable").asBoolean()).isFalse();
        assertThat(pg.at("/Typed/columnTypes/1/nullable").asBoolean()).isTrue();
        assertThat(pg.at("/Typed/columnTypes/11/precision").isNull()).as("unconstrained numeric").isTrue();
        assertThat(pg.at("/Typed/rows/1/ratio").asText()).isEqualTo("NaN");
        assertThat(pg.at("/Typed/rows/2/ratio").asText()).isEqualTo("Infinity");
    }

    @Test
    void oracleNumberDateAndLobsMapAsTheDocsSay() throws Exception {
        JsonNode ora = onlyReport(run("json", "memory")).at("/databases/ora/queries/Empty/columnTypes");

        assertThat(ora).extracting(type -> type.get("type").asText()).containsExactly("integer", "integer",
                "decimal", "double", "text", "timestamp", "timestamptz", "binary", "text", "binary", "decimal",
                "decimal");
        assertThat(ora.get(0).get("precision").asInt()).isEqualTo(10);
        assertThat(ora.get(11).get("precision").asInt()).as("NUMBER(38) does not fit 64 bits").isEqualTo(38);
    }

    private static Path run(String format, String results, String... more) throws Exception {
        Path output = Files.createTempDirectory(project.root(), "out-" + format + "-" + results + "-");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--monitor.databases-file=" + project.databasesFile(),
                "--monitor.output-dir=" + output, "--monitor.start-date=2026-10-01", "--monitor.results=" + results,
                "--monitor.rows-format=" + format));
        args.addAll(List.of(more));
        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run(args.toArray(String[]::new));
        assertThat(exit).as("partial: the broken queries fail " + err).isEqualTo(ExitCodes.FINISHED_WITH_FAILURES);
        return output;
    }

    private static Path rowsFile(Path output, String database, String query) throws Exception {
        JsonNode entry = onlyReport(output).get("databases").get(database).get("queries").get(query);
        assertThat(entry.get("status").asText()).isEqualTo("completed");
        return output.resolve(entry.get("rowsFile").asText());
    }

    private static String onlyReportName(Path output) throws Exception {
        return onlyReport(output).get("runId").asText() + ".json";
    }

    private static JsonNode onlyReport(Path output) throws Exception {
        List<Path> reports;
        try (Stream<Path> files = Files.list(output)) {
            reports = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(reports).hasSize(1);
        return new ObjectMapper().readTree(reports.get(0).toFile());
    }
}
