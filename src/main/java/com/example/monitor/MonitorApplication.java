package com.example.monitor;

import com.example.monitor.cli.ExitCodes;
import com.example.monitor.cli.MonitorLauncher;

/** Entry point of {@code java -jar client-activity-monitor.jar}. */
public final class MonitorApplication {

    private MonitorApplication() {
    }

    /**
     * Always ends in {@link System#exit}: Vert.x's threads are not daemons, so a failure that escaped
     * the launcher would leave a service that no longer runs anything still answering HTTP.
     */
    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new MonitorLauncher(System.out, System.err).run(args);
        } catch (Throwable e) {
            System.err.println("error: stopped by an unexpected failure: " + e);
            e.printStackTrace();
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(exitCode);
    }
}
