package com.example.monitor.cli;

import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.jdbc.DataSourceFactory;

/**
 * Work every start needs later, begun on one background thread while Camel starts: databases.yaml's
 * parser and schema, then DBCP's connection class with the MBean server it starts. On the main thread
 * they came one after the other, before Camel (0.2 s) and before the first connection (0.1 to 0.3 s).
 */
final class StartupPreload {

    private StartupPreload() {
    }

    static void start() {
        Thread thread = new Thread(StartupPreload::prepare, "start-up-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare() {
        try {
            DatabasesFileLoader.prepare();
            DataSourceFactory.prepare();
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it needs the class, and reports it there
        }
    }
}
