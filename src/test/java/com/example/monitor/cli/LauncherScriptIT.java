package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/client-activity-monitor: the jar with an AppCDS archive, same arguments and exit codes. */
class LauncherScriptIT {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path SCRIPT = PROJECT.resolve("bin/client-activity-monitor");
    private static final Path JAR = PROJECT.resolve("target/client-activity-monitor.jar");

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        assumeTrue(Files.isRegularFile(JAR), "run 'mvn package' first: " + JAR + " is missing");
    }

    @Test
    void firstRunWritesTheArchiveAndTheNextRunUsesItWithTheSameResult() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("monitor.jar"));
        Path archive = dir.resolve("monitor.jsa");

        Result first = script(jar, "--monitor.output-dir=" + dir.resolve("first"));
        assertThat(first.exit).as(first.log).isZero();
        assertThat(archive).isRegularFile();
        long archived = Files.getLastModifiedTime(archive).toMillis();

        Result second = script(jar, "--monitor.output-dir=" + dir.resolve("second"));
        assertThat(second.exit).as(second.log).isZero();
        assertThat(second.log).contains("status=completed").doesNotContainIgnoringCase("cds");
        assertThat(Files.getLastModifiedTime(archive).toMillis()).as("archive reused, not rewritten")
                .isEqualTo(archived);
        try (Stream<Path> reports = Files.list(dir.resolve("second"))) {
            assertThat(reports.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
        }
    }

    @Test
    void exitCodesPassThrough() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("monitor.jar"));

        Result invalid = script(jar, "--monitor.start-date=yesterday");

        assertThat(invalid.exit).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(invalid.log).contains("error: monitor.start-date: 'yesterday' is not a date");
    }

    /** Runs from the repo root, so the shipped demo is the project. */
    private Result script(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "script", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MONITOR_JAR", jar.toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished within 120 s").isTrue();
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exit, String log) {
    }
}
