package com.example.monitor.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application with an output folder of each test's own (PerTest), for a service whose runs a test
 * waits for: no test sees the reports another one left. {@link #reports} reads that folder.
 */
@ExtendWith(PerTest.class)
public abstract class PerTestOutputTestSupport extends MonitorTestSupport {

    protected final ReportFiles reports = new ReportFiles(outputDir());

    @Override
    protected Path outputDir() {
        return PerTest.folder().resolve("output");
    }
}
