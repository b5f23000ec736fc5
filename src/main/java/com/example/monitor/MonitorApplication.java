package com.example.monitor;

import com.example.monitor.cli.MonitorLauncher;

/** Entry point of {@code java -jar client-activity-monitor.jar}. */
public final class MonitorApplication {

    private MonitorApplication() {
    }

    public static void main(String[] args) {
        System.exit(new MonitorLauncher(System.out, System.err).run(args));
    }
}
