package com.example.monitor.cluster;

import com.example.monitor.testing.MonitorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica: the packaged jar in a child process ({@link MonitorProcess}), in service mode, with a
 * file-lock cluster service whose id is the replica's name. It can be killed and started again.
 */
final class Replica implements AutoCloseable {

    /** The file lock's heartbeat; the same on every replica, as the lock requires. */
    static final int LOCK_INTERVAL_SECONDS = 1;
    /** Heartbeats a standby waits for before it calls the leader dead (Camel's default is 5). */
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 3;
    private static final Duration EXIT = Duration.ofSeconds(15);

    private final String id;
    private final Path home;
    private final List<String> arguments;
    private MonitorProcess process;

    /** {@code home}: the replica's own working folder; {@code arguments}: the settings all replicas share. */
    Replica(String id, Path home, List<String> arguments) {
        this.id = id;
        this.home = home;
        this.arguments = List.copyOf(arguments);
    }

    /** The settings of replicas that share a lock folder, a databases.yaml and an output folder. */
    static List<String> sharedArguments(Path clusterRoot, Path databasesFile, Path outputDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--monitor.mode=service",
                "--monitor.databases-file=" + databasesFile,
                "--monitor.output-dir=" + outputDir,
                "--camel.beans.cluster=#class:org.apache.camel.component.file.cluster.FileLockClusterService",
                "--camel.beans.cluster.root=" + clusterRoot,
                "--camel.beans.cluster.acquireLockInterval=" + LOCK_INTERVAL_SECONDS,
                "--camel.beans.cluster.heartbeatTimeoutMultiplier=" + HEARTBEAT_TIMEOUT_MULTIPLIER));
        arguments.addAll(List.of(more));
        return arguments;
    }

    String id() {
        return id;
    }

    /** Starts it, or starts it again after it was killed or stopped. */
    Replica start() {
        close();
        home.toFile().mkdirs();
        process = MonitorProcess.jar().in(home).args(arguments.toArray(String[]::new))
                .args("--camel.beans.cluster.id=" + id).start();
        return this;
    }

    /** The console of the current (latest) start. */
    String log() {
        return process.log();
    }

    boolean leads() {
        return log().contains("replica " + id + " is now the leader");
    }

    /** Joined the election; a replica is a standby until it takes the lead. */
    boolean isStandby() {
        return log().contains("replica " + id + " is standby in");
    }

    boolean isServing() {
        return isStandby() && log().contains("service started");
    }

    /** SIGKILL: no shutdown hook, no unlock, no report; as when its host dies. */
    void kill9() {
        process.sigkill();
        process.awaitExit(EXIT);
    }

    /** SIGTERM, and the exit code once it is gone. */
    int terminate() {
        process.sigterm();
        return process.awaitExit(EXIT);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
