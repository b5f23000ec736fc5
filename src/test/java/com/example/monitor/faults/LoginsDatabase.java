package com.example.monitor.faults;

import com.example.monitor.testing.PostgresServer;
import com.example.monitor.testing.ProjectFiles;
import java.sql.SQLException;

/**
 * The crm database of the tests where one query meets a fault: two logins, the query that meets it, and
 * "Logins" right after on the same database, which must still complete with both rows.
 */
final class LoginsDatabase {

    private LoginsDatabase() {
    }

    /** A project of crm with the faulty query and then "Logins", with a 2 s connect timeout; not written yet. */
    static ProjectFiles afterFaultyQuery(String prefix, PostgresServer server, String name, String fileName,
            String sql, String... extraYamlLines) throws SQLException {
        return ProjectFiles.temp(prefix).on(server)
                .postgres("crm", "CREATE TABLE logins (client_id int, who text)",
                        "INSERT INTO logins VALUES (1, 'ann'), (2, 'bob')")
                .query(name, fileName, sql, extraYamlLines)
                .query("Logins", "crm/logins.sql", "SELECT client_id, who FROM logins ORDER BY client_id")
                .property("monitor.connect-timeout", "2s");
    }
}
