package com.example.monitor.testing;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service that takes requests from an inbox, with an inbox and an output folder of each test's own
 * (PerTest), so no test sees the files another one left. The inbox is polled every 200 ms, so a
 * request is taken within a fraction of a second; a test class adds its own settings by overriding
 * {@link #monitorProperties()} over these.
 */
@ExtendWith(PerTest.class)
public abstract class InboxServiceTestSupport extends MonitorTestSupport {

    protected final Inbox inbox = new Inbox(inboxDir());
    protected final ReportFiles reports = new ReportFiles(outputDir());

    /** The inbox folder of the current test; the service is started on it before the test's fields are set. */
    protected static Path inboxDir() {
        return PerTest.folder().resolve("inbox");
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.inbox-dir", inboxDir().toString(), "monitor.inbox-read-lock-interval", "200ms");
    }

    @Override
    protected Path outputDir() {
        return PerTest.folder().resolve("output");
    }
}
