package com.example.monitor.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.cli.ExitCodes;
import com.example.monitor.cli.MonitorLauncher;
import com.example.monitor.testing.H2Database;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ParquetFiles;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The driver-specific types a client-activity database may well hold, which the report calls {@code other}:
 * on PostgreSQL uuid, interval, json, jsonb, arrays, timetz, inet, xml and money, on H2 JSON, INTERVAL,
 * ARRAY, TIME WITH TIME ZONE and ENUM. Each value is the driver's text (what psql or H2's getString shows)
 * in the JSON report, and the same text in a UTF-8 column of the Parquet file. Also: H2's UUID, which its
 * driver calls BINARY, and PostgreSQL's time 24:00:00, which no time of day can hold.
 * The project, and the two runs of the Parquet test, are under target/tmp, so that
 * tools/parquet-pyarrow-check.sh can be pointed at them.
 */
class OtherColumnTypesTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final H2Database H2 = new H2Database("jdbc:h2:mem:other_column_types_test;DB_CLOSE_DELAY=-1");

    /** The `other` columns of each database's table. */
    private static final List<String> PG_OTHER = List.of("uid", "span", "doc", "docb", "ints", "tags", "at_tz",
            "addr", "page");
    private static final List<String> H2_OTHER = List.of("DOC", "SPAN", "INTS", "AT_TZ", "MOOD", "YM");

    @Override
    protected ProjectFiles classProject() throws Exception {
        String pg = POSTGRES.server().createDatabase("other_pg",
                "CREATE TABLE odd (id int, uid uuid, span interval, doc json, docb jsonb, ints int[], tags text[],"
                        + " at_tz timetz, addr inet, page xml)",
                // json keeps its text as written, jsonb is the server's normal form of it
                "INSERT INTO odd VALUES (1, '123e4567-e89b-12d3-a456-426614174000', '1 year 2 mons 3 days 04:05:06.5',"
                        + " '{\"a\": 1,  \"b\":[1,2]}', '{\"a\": 1,  \"b\":[1,2]}', '{1,2,NULL}', '{\"a b\",c,\"x,y\",NULL}',"
                        + " '04:05:06.5+02', '192.168.0.1/24', '<a>x &amp; y</a>')",
                // JSON's null is a value, not SQL NULL; timetz allows the end of a day, 24:00:00
                "INSERT INTO odd VALUES (2, '00000000-0000-0000-0000-000000000000', '-00:00:01', 'null', '\"ü\"',"
                        + " '{}', '{}', '24:00:00+02', '::1', '<b/>')",
                "INSERT INTO odd (id) VALUES (3)",
                "CREATE TABLE prices (id int, price money)",
                "INSERT INTO prices VALUES (1, 1234.56), (2, -0.01), (3, NULL)",
                "CREATE TABLE day_end (id int, ends time)",
                "INSERT INTO day_end VALUES (1, '24:00:00'), (2, '23:59:59.999999'), (3, NULL)");
        H2.execute("CREATE TABLE odd (id INT, doc JSON, span INTERVAL DAY TO SECOND, ints INTEGER ARRAY,"
                        + " uid UUID, at_tz TIME WITH TIME ZONE, mood ENUM('low', 'high'), ym INTERVAL YEAR TO MONTH)",
                "INSERT INTO odd VALUES (1, JSON '{\"a\":\"ü\"}', INTERVAL '1 02:03:04.5' DAY TO SECOND, ARRAY[1, 2, NULL],"
                        + " '123e4567-e89b-12d3-a456-426614174000', TIME WITH TIME ZONE '04:05:06+02:00', 'high',"
                        + " INTERVAL '1-2' YEAR TO MONTH)",
                "INSERT INTO odd VALUES (2, JSON 'null', INTERVAL '-0 00:00:01' DAY TO SECOND, ARRAY[],"
                        + " '00000000-0000-0000-0000-000000000000', TIME WITH TIME ZONE '00:00:00Z', 'low',"
                        + " INTERVAL '-1-0' YEAR TO MONTH)",
                "INSERT INTO odd (id) VALUES (3)");
        // under target/tmp, not /tmp: the runs are kept for tools/parquet-pyarrow-check.sh
        Path tmp = Files.createDirectories(Path.of("target", "tmp").toAbsolutePath());
        return new ProjectFiles(Files.createTempDirectory(tmp, "other-column-types-"))
                .database("pg", pg)
                .query("Odd", "odd.sql", "SELECT * FROM odd ORDER BY id\n")
                .query("Prices", "prices.sql", "SELECT * FROM prices ORDER BY id\n")
                .query("Day end", "day_end.sql", "SELECT * FROM day_end ORDER BY id\n")
                .query("Day end as text", "day_end_text.sql",
                        "SELECT id, CAST(ends AS text) AS ends FROM day_end ORDER BY id\n")
                .query("Before the end", "before_end.sql", "SELECT * FROM day_end WHERE id <> 1 ORDER BY id\n")
                .database("h2", H2.url())
                .query("Odd", "odd.sql", "SELECT * FROM odd ORDER BY id\n")
                .write();
    }

    @Test
    void postgresOtherValuesAreTheDriversTextInTheJsonReport() throws Exception {
        String report = reportText(runAnalysis("2026-10-29"));

        assertThat(report).contains("\"rows\":[{\"id\":1,\"uid\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"span\":\"1 year 2 mons 3 days 04:05:06.5\",\"doc\":\"{\\\"a\\\": 1,  \\\"b\\\":[1,2]}\","
                + "\"docb\":\"{\\\"a\\\": 1, \\\"b\\\": [1, 2]}\",\"ints\":\"{1,2,NULL}\","
                + "\"tags\":\"{\\\"a b\\\",c,\\\"x,y\\\",NULL}\",\"at_tz\":\"04:05:06.5+02\","
                + "\"addr\":\"192.168.0.1/24\",\"page\":\"<a>x &amp; y</a>\"},"
                + "{\"id\":2,\"uid\":\"00000000-0000-0000-0000-000000000000\",\"span\":\"-00:00:01\",\"doc\":\"null\","
                + "\"docb\":\"\\\"ü\\\"\",\"ints\":\"{}\",\"tags\":\"{}\",\"at_tz\":\"24:00:00+02\",\"addr\":\"::1\","
                + "\"page\":\"<b/>\"},"
                + "{\"id\":3,\"uid\":null,\"span\":null,\"doc\":null,\"docb\":null,\"ints\":null,\"tags\":null,"
                + "\"at_tz\":null,\"addr\":null,\"page\":null}]");
    }

    @Test
    void postgresOtherColumnsAreDeclaredOtherWithTheDriversTypeName() throws Exception {
        JsonNode types = reportJson(runAnalysis("2026-10-29")).at("/databases/pg/queries/Odd/columnTypes");

        assertThat(types).extracting(type -> type.get("label").asText() + " " + type.get("type").asText() + " "
                        + type.get("databaseType").asText())
                .containsExactly("id integer int4", "uid other uuid", "span other interval", "doc other json",
                        "docb other jsonb", "ints other _int4", "tags other _text", "at_tz other timetz",
                        "addr other inet", "page other xml");
    }

    @Test
    void postgresMoneyIsItsTextNotADoubleTheDriverCannotRead() throws Exception {
        // the driver says DOUBLE, yet getDouble refuses "1,234.56": the whole query once failed
        JsonNode prices = reportJson(runAnalysis("2026-10-29")).at("/databases/pg/queries/Prices");

        assertThat(prices.get("status").asText()).isEqualTo("completed");
        assertThat(prices.at("/columnTypes/1/type").asText()).isEqualTo("other");
        assertThat(prices.at("/columnTypes/1/databaseType").asText()).isEqualTo("money");
        assertThat(prices.get("rows").toString())
                .isEqualTo("[{\"id\":1,\"price\":\"$1,234.56\"},{\"id\":2,\"price\":\"-$0.01\"},"
                        + "{\"id\":3,\"price\":null}]");
    }

    @Test
    void postgresTimeAtTheEndOfTheDayFailsTheQueryRatherThanBecomeAnotherTime() throws Exception {
        // the driver gives 24:00:00 as 23:59:59.999999999, a time PostgreSQL cannot even hold
        JsonNode queries = reportJson(runAnalysis("2026-10-29")).at("/databases/pg/queries");

        JsonNode dayEnd = queries.get("Day end");
        assertThat(dayEnd.get("status").asText()).isEqualTo("failed");
        assertThat(dayEnd.get("error").asText()).contains("column ends holds the time 24:00:00")
                .contains("CAST(ends AS text)");
        assertThat(queries.at("/Day end as text/rows").toString())
                .as("the way out the error names keeps the value")
                .isEqualTo("[{\"id\":1,\"ends\":\"24:00:00\"},{\"id\":2,\"ends\":\"23:59:59.999999\"},"
                        + "{\"id\":3,\"ends\":null}]");
        assertThat(queries.at("/Before the end/rows").toString())
                .as("the last microsecond of a day is a time like any other")
                .isEqualTo("[{\"id\":2,\"ends\":\"23:59:59.999999\"},{\"id\":3,\"ends\":null}]");
        assertThat(queries.at("/Before the end/columnTypes/1/type").asText()).isEqualTo("time");
    }

    @Test
    void h2OtherValuesAreTheDriversTextInTheJsonReport() throws Exception {
        String report = reportText(runAnalysis("2026-10-29"));

        assertThat(report).contains("\"rows\":[{\"ID\":1,\"DOC\":\"{\\\"a\\\":\\\"ü\\\"}\","
                + "\"SPAN\":\"INTERVAL '1 02:03:04.5' DAY TO SECOND\",\"INTS\":\"[1, 2, null]\","
                + "\"UID\":\"Ej5FZ+ibEtOkVkJmFBdAAA==\",\"AT_TZ\":\"04:05:06+02\",\"MOOD\":\"high\","
                + "\"YM\":\"INTERVAL '1-2' YEAR TO MONTH\"},"
                + "{\"ID\":2,\"DOC\":\"null\",\"SPAN\":\"INTERVAL '-0 00:00:01' DAY TO SECOND\",\"INTS\":\"[]\","
                + "\"UID\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"AT_TZ\":\"00:00:00+00\",\"MOOD\":\"low\","
                + "\"YM\":\"INTERVAL '-1-0' YEAR TO MONTH\"},"
                + "{\"ID\":3,\"DOC\":null,\"SPAN\":null,\"INTS\":null,\"UID\":null,\"AT_TZ\":null,\"MOOD\":null,"
                + "\"YM\":null}]");
    }

    @Test
    void h2OtherColumnsAreDeclaredOtherAndItsUuidBinaryAsItsDriverSays() throws Exception {
        JsonNode types = reportJson(runAnalysis("2026-10-29")).at("/databases/h2/queries/Odd/columnTypes");

        assertThat(types).extracting(type -> type.get("label").asText() + " " + type.get("type").asText() + " "
                        + type.get("databaseType").asText())
                .containsExactly("ID integer INTEGER", "DOC other JSON", "SPAN other INTERVAL DAY TO SECOND",
                        "INTS other INTEGER ARRAY", "UID binary UUID", "AT_TZ other TIME WITH TIME ZONE",
                        "MOOD other ENUM('low', 'high')", "YM other INTERVAL YEAR TO MONTH");
    }

    @Test
    void teamRoutesGetOtherValuesAsStrings() {
        // the nested map is what team routes get: no PGobject, PgArray, byte[] or OffsetTime for an `other`
        Map<String, Map<String, List<Map<String, Object>>>> results = results(runAnalysis("2026-10-29"));

        for (Map<String, Object> row : results.get("pg").get("Odd").subList(0, 2)) {
            for (String column : PG_OTHER) {
                assertThat(row.get(column)).as("pg %s", column).isInstanceOf(String.class);
            }
        }
        for (Map<String, Object> row : results.get("h2").get("Odd").subList(0, 2)) {
            for (String column : H2_OTHER) {
                assertThat(row.get(column)).as("h2 %s", column).isInstanceOf(String.class);
            }
        }
    }

    @Test
    void otherValuesAreUtf8StringsInTheParquetFileWithTheJsonReportsText() throws Exception {
        // one JSON run and one Parquet run of the same project, kept for tools/parquet-pyarrow-check.sh
        JsonNode json = onlyReport(launch("json"));
        Path parquetRun = launch("parquet");
        JsonNode parquet = onlyReport(parquetRun);

        for (String database : List.of("pg", "h2")) {
            List<String> others = database.equals("pg") ? PG_OTHER : H2_OTHER;
            Path file = parquetRun.resolve(parquet.at("/databases/" + database + "/queries/Odd/rowsFile").asText());
            Map<String, String> duckTypes = ParquetFiles.columnTypes(file);
            Map<String, String> fileTypes = ParquetFiles.parquetTypes(file);
            List<Map<String, Object>> rows = ParquetFiles.rows(file);
            JsonNode jsonRows = json.at("/databases/" + database + "/queries/Odd/rows");
            assertThat(rows).hasSize(3);
            for (String column : others) {
                assertThat(duckTypes.get(column)).as("%s.%s", database, column).isEqualTo("VARCHAR");
                assertThat(fileTypes.get(column)).as("%s.%s", database, column).startsWith("BYTE_ARRAY UTF8");
                for (int r = 0; r < 3; r++) {
                    JsonNode value = jsonRows.get(r).get(column);
                    assertThat(rows.get(r).get(column)).as("%s.%s row %d", database, column, r)
                            .isEqualTo(value.isNull() ? null : value.textValue());
                }
            }
            if (database.equals("h2")) {
                // the same text as the JSON is not enough: both once held the JSON's bytes as base64
                assertThat(rows.get(0).get("DOC")).isEqualTo("{\"a\":\"ü\"}");
                assertThat(duckTypes.get("UID")).as("binary, as the report says").isEqualTo("BLOB");
            } else {
                // both once held OffsetTime.MAX's text, 23:59:59.999999999-18:00
                assertThat(rows.get(1).get("at_tz")).isEqualTo("24:00:00+02");
            }
        }
        Path prices = parquetRun.resolve(parquet.at("/databases/pg/queries/Prices/rowsFile").asText());
        assertThat(ParquetFiles.columnTypes(prices)).containsEntry("price", "VARCHAR");
        assertThat(ParquetFiles.rows(prices)).extracting(row -> row.get("price"))
                .containsExactly("$1,234.56", "-$0.01", null);
        assertThat(parquet.at("/databases/pg/queries/Day end/status").asText()).isEqualTo("failed");
        assertThat(parquet.at("/databases/pg/queries/Day end/rowsFile").isNull()).isTrue();
    }

    /** The launcher, as a user runs it, on this class's project, into a new folder under the project. */
    private Path launch(String format) throws Exception {
        Path output = Files.createTempDirectory(project().root(), format + "-run-");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--monitor.databases-file=" + project().databasesFile(),
                "--monitor.output-dir=" + output, "--monitor.start-date=2026-10-01", "--monitor.rows-format=" + format));
        int exit = new MonitorLauncher(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run(args.toArray(String[]::new));
        assertThat(exit).as("partial: Day end fails " + err).isEqualTo(ExitCodes.FINISHED_WITH_FAILURES);
        return output;
    }

    private static JsonNode onlyReport(Path output) throws Exception {
        List<Path> reports;
        try (Stream<Path> files = Files.list(output)) {
            reports = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(reports).hasSize(1);
        return JSON.readTree(reports.get(0).toFile());
    }

    private static String reportText(Exchange done) throws Exception {
        return Files.readString(Path.of(report(done).reportFile()));
    }
}
