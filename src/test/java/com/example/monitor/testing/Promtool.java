package com.example.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker, {@code promtool}, from Debian's {@code prometheus} package. Without it,
 * tests are skipped outside CI and fail under {@code CI=true}, like the browser tests.
 */
public final class Promtool {

    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final String MISSING = "no promtool: install the Debian package prometheus"
            + " (apt-get install -y prometheus) for the alert rule tests";

    private Promtool() {
    }

    public static void requireInstalled() {
        boolean installed = Files.isExecutable(PROMTOOL);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        Assumptions.assumeTrue(installed, MISSING);
    }

    /** Runs {@code promtool <arguments>} in the folder, with the text on its standard input; fails on a non-zero exit, with what it printed. */
    public static String run(Path workDir, String stdin, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return Commands.run(Map.of(), workDir, stdin, command);
    }
}
