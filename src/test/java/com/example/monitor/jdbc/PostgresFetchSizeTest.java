package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fetch size takes effect on PostgreSQL, so large results stream in batches instead of loading at once.
 *
 * <p>The observable: pgjdbc fetches in batches only by binding the query to a <em>named</em> portal
 * ({@code C_n}) and executing it {@code fetchSize} rows at a time; without a fetch size, or with autocommit on,
 * it uses the unnamed portal and takes every row in one go. The server lists protocol-level portals in
 * {@code pg_cursors}, and a query can read that view while it runs, so the query itself reports which portal
 * it runs in. A plain pgjdbc connection with autocommit on is the control that shows the signal tells the two
 * apart.
 */
class PostgresFetchSizeTest extends MonitorTestSupport {

    private static final String OWN_PORTAL = "SELECT name FROM pg_cursors WHERE statement LIKE '%portal probe%'";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static String url;

    @BeforeAll
    static void createDatabase() throws Exception {
        url = POSTGRES.server().createDatabase("fetch_size");
    }

    @Override
    protected ProjectFiles classProject() throws Exception {
        return new ProjectFiles(Files.createTempDirectory("fetch-size"))
                .database("pg", url)
                .query("Portal", "portal.sql", "-- portal probe\n" + OWN_PORTAL + " /* portal probe */\n")
                .query("Portal with own fetch size", "portal_own.sql", OWN_PORTAL + " /* portal probe */\n",
                        "fetch_size: 10")
                .query("Many rows", "many.sql", "SELECT g, 'row ' || g AS label FROM generate_series(1, 300000) g\n")
                .write();
    }

    @Test
    void queriesRunInANamedPortalFetchedInBatches() {
        Exchange done = runAnalysis("2026-10-29");

        Map<String, List<Map<String, Object>>> pg = results(done).get("pg");
        assertThat(pg.get("Portal")).singleElement()
                .satisfies(row -> assertThat((String) row.get("name")).matches("C_\\d+"));
        assertThat(pg.get("Portal with own fetch size")).singleElement()
                .satisfies(row -> assertThat((String) row.get("name")).matches("C_\\d+"));
    }

    @Test
    void theSignalTellsBatchedFromAllAtOnceOnAPlainConnection() throws Exception {
        assertThat(portalsSeenByTheQuery(true, 1000)).containsExactly("");
        assertThat(portalsSeenByTheQuery(false, 0)).containsExactly("");
        assertThat(portalsSeenByTheQuery(false, 1000)).singleElement().asString().matches("C_\\d+");
    }

    @Test
    void poolsHandOutConnectionsWithAutocommitOffAndReadOnly() throws Exception {
        TrackedDataSource pool = pools().pool("pg");

        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(connection.isReadOnly()).isTrue();
        }
        assertThat(pool.getDefaultAutoCommit()).isFalse();
    }

    private static List<String> portalsSeenByTheQuery(boolean autoCommit, int fetchSize) throws Exception {
        List<String> portals = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(OWN_PORTAL + " /* portal probe */")) {
            connection.setAutoCommit(autoCommit);
            statement.setFetchSize(fetchSize);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    portals.add(rs.getString(1));
                }
            }
        }
        return portals;
    }

    @Test
    void threeHundredThousandRowsStreamToTheEnd() throws Exception {
        Exchange done = runAnalysis("2026-10-29");

        List<Map<String, Object>> rows = results(done).get("pg").get("Many rows");
        assertThat(rows).hasSize(300_000);
        assertThat(rows.get(299_999)).containsEntry("g", 300_000).containsEntry("label", "row 300000");
        assertThat(report(done).databases().get(0).queries().get(2).status()).isEqualTo("completed");
        assertThat(pools().activeConnections()).isZero();
    }
}
