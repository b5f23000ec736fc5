package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application in a child process, started the way users start it: {@code java -jar}
 * or {@code bin/client-activity-monitor}, in a working folder, with arguments and environment.
 * Everything it prints goes to a log file the test reads. {@link #close()} kills it and any child it
 * started, whatever the test did, so use it in try-with-resources. Runs in the failsafe phase
 * ({@code *IT}, marked {@link PackagedJar}), after {@code package} built the jar.
 */
public final class MonitorProcess implements AutoCloseable {

    public static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    public static final Path JAR = PROJECT.resolve("target/client-activity-monitor.jar");
    public static final Path LAUNCHER_SCRIPT = PROJECT.resolve("bin/client-activity-monitor");
    /** Long enough for a run of the small test projects on a busy machine. */
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private static final int SIGINT = 2;

    private final Process process;
    private final Path log;

    private MonitorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java [jvm options] -jar target/client-activity-monitor.jar [arguments]}. */
    public static Builder jar() {
        return new Builder(false);
    }

    /** {@code bash bin/client-activity-monitor [arguments]}; the jar is set with {@code MONITOR_JAR}. */
    public static Builder launcherScript() {
        return new Builder(true);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far, stdout and stderr together. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log contains the text; fails at once, with the log, if the process exits first. */
    public MonitorProcess awaitLog(String text, Duration timeout) {
        await().atMost(timeout).until(() -> {
            boolean alive = process.isAlive();
            String sofar = log();
            if (sofar.contains(text)) {
                return true;
            }
            if (!alive) {
                throw new AssertionError("exited with " + process.exitValue() + " before logging '" + text
                        + "'; log:\n" + sofar);
            }
            return false;
        });
        return this;
    }

    /** Waits for the process to exit, failing with the log if it does not in time; returns the exit code. */
    public int awaitExit(Duration timeout) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the process", e);
        }
        assertThat(exited).as("exited within %s; log so far:%n%s", timeout, log()).isTrue();
        return process.exitValue();
    }

    public void sigterm() {
        process.destroy(); // SIGTERM on Linux
    }

    public void sigint() {
        signal("INT");
    }

    /** SIGHUP, as when the terminal or the session the process runs in goes away. */
    public void sighup() {
        signal("HUP");
    }

    /** Two SIGTERMs, one right after the other, as an impatient operator or a supervisor sends them. */
    public void sigtermTwice() {
        signal("TERM");
        signal("TERM");
    }

    public void sigkill() {
        process.destroyForcibly();
    }

    /** Whether the process ignores SIGINT (SigIgn in /proc), as children of some shells do. */
    public boolean ignoresSigint() {
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:")).findFirst()
                    .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(SIGINT - 1))
                    .orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process and its children if still alive, and deletes the log. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).as("kill -%s finished", name).isTrue();
            assertThat(kill.exitValue()).as("kill -%s exit code", name).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signalling", e);
        }
    }

    /** What a process that ran to its end left: its exit code and its whole log. */
    public record Result(int exit, String log) {
    }

    /** How to start one: working folder, JVM options, environment and arguments. */
    public static final class Builder {

        private final boolean launcherScript;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDir = PROJECT;
        private Path jar = JAR;

        private Builder(boolean launcherScript) {
            this.launcherScript = launcherScript;
        }

        /** The working folder; the repo root (with its shipped demo) unless set. */
        public Builder in(Path dir) {
            this.workingDir = dir;
            return this;
        }

        /** Another build of the jar, such as a patched copy; only for {@link #jar()}. */
        public Builder jarFile(Path file) {
            if (launcherScript) {
                throw new IllegalStateException("the launcher script takes the jar from MONITOR_JAR: use env()");
            }
            this.jar = file;
            return this;
        }

        /** Options before {@code -jar}, such as {@code -Xmx512m}; only for {@link #jar()}. */
        public Builder jvmOptions(String... options) {
            if (launcherScript) {
                throw new IllegalStateException("the launcher script takes JVM options from JAVA_OPTS: use env()");
            }
            jvmOptions.addAll(List.of(options));
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder args(String... arguments) {
            args.addAll(List.of(arguments));
            return this;
        }

        public MonitorProcess start() {
            List<String> command = new ArrayList<>();
            // the child's temp files stay in the tests' temp folder (target/tmp), as the test JVM's do; no
            // perf data file, which the JVM keeps in /tmp whatever java.io.tmpdir says and a kill -9 leaves
            List<String> childOptions = List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-XX:-UsePerfData");
            if (launcherScript) {
                command.addAll(List.of("bash", LAUNCHER_SCRIPT.toString()));
                environment.merge("JAVA_OPTS", String.join(" ", childOptions), (given, ours) -> ours + " " + given);
            } else {
                command.add(ProcessHandle.current().info().command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                command.addAll(childOptions);
                command.addAll(jvmOptions);
                command.addAll(List.of("-jar", jar.toString()));
            }
            command.addAll(args);
            try {
                Path log = Files.createTempFile("monitor-process", ".log");
                ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                return new MonitorProcess(builder.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts it and waits for its exit, failing if that takes longer than the timeout. */
        public Result run(Duration timeout) {
            try (MonitorProcess process = start()) {
                int exit = process.awaitExit(timeout);
                return new Result(exit, process.log());
            }
        }

        public Result run() {
            return run(RUN_TIMEOUT);
        }
    }
}
