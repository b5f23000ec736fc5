package com.example.monitor.cli;

import static com.example.monitor.testing.MonitorProcess.JAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/client-activity-monitor: the jar with an AppCDS archive, same arguments and exit codes. */
@PackagedJar
class LauncherScriptIT {

    @TempDir
    Path dir;

    @Test
    void firstRunWritesTheArchiveAndTheNextRunUsesItWithTheSameResult() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("monitor.jar"));
        Path archive = dir.resolve("monitor.jsa");

        Result first = script(jar, "--monitor.output-dir=" + dir.resolve("first"));
        assertThat(first.exit()).as(first.log()).isZero();
        assertThat(archive).isRegularFile();
        long archived = Files.getLastModifiedTime(archive).toMillis();

        Result second = script(jar, "--monitor.output-dir=" + dir.resolve("second"));
        assertThat(second.exit()).as(second.log()).isZero();
        assertThat(second.log()).contains("status=completed").doesNotContainIgnoringCase("cds");
        assertThat(Files.getLastModifiedTime(archive).toMillis()).as("archive reused, not rewritten")
                .isEqualTo(archived);
        assertThat(new ReportFiles(dir.resolve("second")).all()).hasSize(1);
    }

    @Test
    void exitCodesPassThrough() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("monitor.jar"));

        Result invalid = script(jar, "--monitor.start-date=yesterday");

        assertThat(invalid.exit()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(invalid.log()).contains("error: monitor.start-date: 'yesterday' is not a date");
    }

    /** Runs from the repo root, so the shipped demo is the project. */
    private static Result script(Path jar, String... args) {
        return MonitorProcess.launcherScript().env("MONITOR_JAR", jar.toString()).args(args).run();
    }
}
