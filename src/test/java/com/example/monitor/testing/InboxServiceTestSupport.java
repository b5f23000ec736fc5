package com.example.monitor.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A service that takes requests from an inbox, with an inbox and an output folder of each test's own
 * (PerTest), so no test sees the files another one left. The inbox is polled every 200 ms, so a
 * request is taken within a fraction of a second; a test class adds its own settings by overriding
 * {@link #monitorProperties()} over these.
 */
public abstract class InboxServiceTestSupport extends PerTestOutputTestSupport {

    protected final Inbox inbox = new Inbox(inboxDir());

    /** The inbox folder of the current test; the service is started on it before the test's fields are set. */
    protected static Path inboxDir() {
        return PerTest.folder().resolve("inbox");
    }

    /**
     * A service in UTC on one PostgreSQL database whose one query, "Start date", returns the start date
     * of the run after half a second: long enough that two runs let in together would overlap.
     */
    protected static ProjectFiles startDateProject(PostgresServer server, String database) throws SQLException {
        return ProjectFiles.temp(database + "-test").on(server)
                .postgres(database)
                .query("Start date", database + "/start_date.sql",
                        "SELECT :start_date::timestamp AS start_date FROM pg_sleep(0.5)\n")
                .property("monitor.mode", "service")
                .property("monitor.zone", "UTC")
                .write();
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.inbox-dir", inboxDir().toString(), "monitor.inbox-read-lock-interval", "200ms");
    }
}
