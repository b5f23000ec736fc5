package com.example.monitor.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.H2Database;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every column type the report supports, on PostgreSQL and on H2, through the whole app: the exact JSON text
 * of the report (every digit, the date formats, base64) and the plain Java types of the nested result map.
 * Large objects are read inside the row loop, so a 1 MB CLOB and a BLOB come back whole.
 */
class ColumnTypesTest extends MonitorTestSupport {

    /** 28 integer digits and 10 decimals: the whole of numeric(38,10). */
    private static final String BIG = "1234567890123456789012345678.0123456789";
    private static final String TINY = "-0.0000000001";
    private static final byte[] PAYLOAD = {0, 1, 2, (byte) 0xff};
    /** 1 MiB of text with characters outside ASCII, so a byte/char mix-up would show. */
    private static final String MEGABYTE_TEXT = "0123456789abcdéf".repeat(65536);
    private static final byte[] BLOB = blob(300_000);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final H2Database H2 = new H2Database("jdbc:h2:mem:column_types_test;DB_CLOSE_DELAY=-1");

    @Override
    protected ProjectFiles classProject() throws Exception {
        String pg = POSTGRES.server().createDatabase("types_pg",
                "CREATE TABLE typed (id int, amount numeric(38,10), tiny numeric(38,10), count_int integer,"
                        + " big bigint, flag boolean, note text, code varchar(20), on_day date, at_local timestamp(3),"
                        + " at_zoned timestamptz, payload bytea, ratio double precision)",
                "INSERT INTO typed VALUES (1, " + BIG + ", " + TINY + ", 2147483647, 9223372036854775807, true,"
                        + " 'naïve “quoted”', 'AB-12', '2026-10-03', '2026-10-03 04:05:06.789',"
                        + " '2026-10-03 04:05:06.789+02', '\\x000102ff', 0.1)",
                "INSERT INTO typed (id) VALUES (2)",
                "CREATE TABLE lobs (id int, big_text text, big_blob bytea)");
        insertLobs(DriverManager.getConnection(pg, "postgres", "postgres"));

        H2.execute("CREATE TABLE typed (id INT, amount NUMERIC(38,10), tiny NUMERIC(38,10),"
                        + " count_int INTEGER, big BIGINT, flag BOOLEAN, note VARCHAR(100), code VARCHAR(20), on_day DATE,"
                        + " at_local TIMESTAMP(3), at_zoned TIMESTAMP(3) WITH TIME ZONE, payload VARBINARY(10),"
                        + " ratio DOUBLE PRECISION)",
                "INSERT INTO typed VALUES (1, " + BIG + ", " + TINY + ", 2147483647,"
                        + " 9223372036854775807, TRUE, 'naïve “quoted”', 'AB-12', DATE '2026-10-03',"
                        + " TIMESTAMP '2026-10-03 04:05:06.789', TIMESTAMP WITH TIME ZONE '2026-10-03 04:05:06.789+02:00',"
                        + " X'000102ff', 0.1)",
                "INSERT INTO typed (id) VALUES (2)",
                "CREATE TABLE lobs (id INT, big_text CLOB, big_blob BLOB)");
        insertLobs(H2.connect());

        return new ProjectFiles(Files.createTempDirectory("column-types"))
                .database("pg", pg)
                .query("Typed", "typed.sql", "SELECT * FROM typed ORDER BY id\n")
                .query("Lobs", "lobs.sql", "SELECT id, big_text, big_blob FROM lobs\n")
                .database("h2", H2.url())
                .query("Typed", "typed.sql", "SELECT * FROM typed ORDER BY id\n")
                .query("Lobs", "lobs.sql", "SELECT id, big_text, big_blob FROM lobs\n")
                .write();
    }

    @Test
    void postgresValuesAreExactInTheJsonReport() throws Exception {
        String report = reportText(runAnalysis("2026-10-29"));

        assertThat(report).contains("\"rows\":[{\"id\":1,\"amount\":" + BIG + ",\"tiny\":" + TINY
                + ",\"count_int\":2147483647,\"big\":9223372036854775807,\"flag\":true,"
                + "\"note\":\"naïve “quoted”\",\"code\":\"AB-12\",\"on_day\":\"2026-10-03\","
                + "\"at_local\":\"2026-10-03T04:05:06.789\",\"at_zoned\":\"2026-10-03T02:05:06.789Z\","
                + "\"payload\":\"AAEC/w==\",\"ratio\":0.1},"
                + "{\"id\":2,\"amount\":null,\"tiny\":null,\"count_int\":null,\"big\":null,\"flag\":null,"
                + "\"note\":null,\"code\":null,\"on_day\":null,\"at_local\":null,\"at_zoned\":null,\"payload\":null,"
                + "\"ratio\":null}]");
    }

    @Test
    void h2ValuesAreExactInTheJsonReport() throws Exception {
        String report = reportText(runAnalysis("2026-10-29"));

        assertThat(report).contains("\"rows\":[{\"ID\":1,\"AMOUNT\":" + BIG + ",\"TINY\":" + TINY
                + ",\"COUNT_INT\":2147483647,\"BIG\":9223372036854775807,\"FLAG\":true,"
                + "\"NOTE\":\"naïve “quoted”\",\"CODE\":\"AB-12\",\"ON_DAY\":\"2026-10-03\","
                + "\"AT_LOCAL\":\"2026-10-03T04:05:06.789\",\"AT_ZONED\":\"2026-10-03T04:05:06.789+02:00\","
                + "\"PAYLOAD\":\"AAEC/w==\",\"RATIO\":0.1},"
                + "{\"ID\":2,\"AMOUNT\":null,\"TINY\":null,\"COUNT_INT\":null,\"BIG\":null,\"FLAG\":null,"
                + "\"NOTE\":null,\"CODE\":null,\"ON_DAY\":null,\"AT_LOCAL\":null,\"AT_ZONED\":null,\"PAYLOAD\":null,"
                + "\"RATIO\":null}]");
    }

    @Test
    void postgresAndH2GiveTheSameJavaTypesInTheNestedMap() {
        Map<String, Map<String, List<Map<String, Object>>>> results = results(runAnalysis("2026-10-29"));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1);
        expected.put("amount", new BigDecimal(BIG));
        expected.put("tiny", new BigDecimal(TINY));
        expected.put("count_int", Integer.MAX_VALUE);
        expected.put("big", Long.MAX_VALUE);
        expected.put("flag", Boolean.TRUE);
        expected.put("note", "naïve “quoted”");
        expected.put("code", "AB-12");
        expected.put("on_day", LocalDate.of(2026, 10, 3));
        expected.put("at_local", LocalDateTime.parse("2026-10-03T04:05:06.789"));
        expected.put("ratio", 0.1d);
        for (String database : List.of("pg", "h2")) {
            List<Map<String, Object>> rows = results.get(database).get("Typed");
            Map<String, Object> first = rows.get(0);
            expected.forEach((column, value) -> {
                assertThat(first.get(column)).as("%s.%s", database, column).isEqualTo(value)
                        .hasSameClassAs(value);
            });
            assertThat(first.get("at_zoned")).isInstanceOf(OffsetDateTime.class)
                    .satisfies(value -> assertThat(((OffsetDateTime) value).toInstant())
                            .isEqualTo(OffsetDateTime.of(2026, 10, 3, 4, 5, 6, 789_000_000, ZoneOffset.ofHours(2))
                                    .toInstant()));
            assertThat(first.get("payload")).isInstanceOf(byte[].class).isEqualTo(PAYLOAD);
            assertThat(first.values()).doesNotHaveAnyElementsOfTypes(org.postgresql.util.PGobject.class,
                    java.sql.Timestamp.class, java.sql.Date.class, java.sql.Blob.class, java.sql.Clob.class);
            Map<String, Object> nulls = rows.get(1);
            assertThat(nulls).hasSize(13);
            assertThat(nulls.entrySet()).filteredOn(entry -> !entry.getKey().equalsIgnoreCase("id"))
                    .allSatisfy(entry -> assertThat(entry.getValue()).as(entry.getKey()).isNull());
        }
    }

    @Test
    void aMegabyteClobComesBackAsTheWholeStringAndABlobRoundTrips() throws Exception {
        Exchange done = runAnalysis("2026-10-29");

        JsonNode report = reportJson(done);
        for (String database : List.of("pg", "h2")) {
            Map<String, Object> row = results(done).get(database).get("Lobs").get(0);
            assertThat(row.get("big_text")).isInstanceOf(String.class);
            assertThat((String) row.get("big_text")).hasSize(1 << 20).isEqualTo(MEGABYTE_TEXT);
            assertThat(row.get("big_blob")).isInstanceOf(byte[].class).isEqualTo(BLOB);
            JsonNode json = report.at("/databases/" + database + "/queries/Lobs/rows/0");
            String text = json.has("BIG_TEXT") ? "BIG_TEXT" : "big_text";
            String blob = json.has("BIG_BLOB") ? "BIG_BLOB" : "big_blob";
            assertThat(json.get(text).textValue()).isEqualTo(MEGABYTE_TEXT);
            assertThat(Base64.getDecoder().decode(json.get(blob).textValue())).isEqualTo(BLOB);
        }
        assertThat(pools().activeConnections()).isZero();
    }

    private static String reportText(Exchange done) throws Exception {
        return Files.readString(Path.of(report(done).reportFile()));
    }

    private static void insertLobs(Connection connection) throws SQLException {
        try (connection; PreparedStatement insert = connection.prepareStatement("INSERT INTO lobs VALUES (1, ?, ?)")) {
            insert.setString(1, MEGABYTE_TEXT);
            insert.setBytes(2, BLOB);
            insert.executeUpdate();
        }
    }

    private static byte[] blob(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }
}
