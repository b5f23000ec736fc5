package com.example.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One replica: the packaged jar in a child process, in service mode, with a file-lock cluster service
 * whose id is the replica's name. Its console goes to a log file per start, read by the tests.
 */
final class Replica implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().resolve("target/client-activity-monitor.jar");
    /** The file lock's heartbeat; the same on every replica, as the lock requires. */
    static final int LOCK_INTERVAL_SECONDS = 1;
    /** Heartbeats a standby waits for before it calls the leader dead (Camel's default is 5). */
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 3;

    private final String id;
    private final Path home;
    private final List<String> arguments;
    private Process process;
    private Path log;
    private int starts;

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

    Replica start() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(arguments);
        command.add("--camel.beans.cluster.id=" + id);
        try {
            Files.createDirectories(home);
            log = home.resolve("console-" + (++starts) + ".log");
            process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The console of the current (latest) start. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean leads() {
        return log().contains("replica " + id + " is now the leader");
    }

    boolean isStandby() {
        return log().contains("replica " + id + " is standby in");
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no unlock, no report; as when its host dies. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("%s killed", id).isTrue();
    }

    /** SIGTERM, and the exit code once it is gone. */
    int terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("%s exited after SIGTERM; log:%n%s", id, log()).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
