package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.run.AnalysisRun;
import com.example.monitor.testing.LogCapture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** Spool files hold row data: they are kept like reports, and what a killed process left is cleared. */
class SpoolsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

    @TempDir
    Path output;

    private Spools spools;

    @BeforeEach
    void startUp() {
        spools = new Spools(output, PosixFilePermissions.fromString("rw-r-----"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSpoolFileTakesTheReportPermissionsInOwnerOnlyFolders() throws Exception {
        AnalysisRun run = run("20261129T060000Z-5ca1ab1e");

        Path file = spools.newFile(run);

        assertThat(file.getParent()).isEqualTo(spools.folder(run));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output.resolve(".spool"))))
                .isEqualTo("rwx------");
        spools.delete(run);
        assertThat(output.resolve(".spool")).doesNotExist();
    }

    /** A Parquet write that failed left its DuckDB spill folder, and with it the run's spool folder, for good. */
    @Test
    void aParquetWritersSpillFolderIsRemovedWithTheRunsSpoolAndAtStartUp() throws Exception {
        AnalysisRun run = run("20261129T070000Z-5ca1ab1e");
        Path spill = Files.createDirectories(spools.lockedFolder(run).resolve("9f3c.duckdb.tmp"));
        Files.writeString(spill.resolve("duckdb_temp_block-0.block"), "spilled");
        // a link inside is removed as a link, never followed
        Path outside = Files.writeString(output.resolveSibling("keep.txt"), "not the spool's");
        Files.createSymbolicLink(spill.resolve("link"), outside);

        spools.delete(run);

        assertThat(output.resolve(".spool")).doesNotExist();
        assertThat(outside).hasContent("not the spool's");

        Path killed = Files.createDirectories(output.resolve(".spool/20261128T070000Z-0badc0de/1a2b.duckdb.tmp"));
        Files.writeString(killed.resolve("duckdb_temp_block-0.block"), "spilled");
        Files.setLastModifiedTime(killed.getParent(), FileTime.from(NOW.minus(Duration.ofHours(1))));

        assertThat(spools.removeStale()).containsExactly(killed.getParent());
        assertThat(output.resolve(".spool")).doesNotExist();
    }

    @Test
    void spoolsLeftByAKilledProcessAreRemovedAtStartUpWithALogLine() throws Exception {
        Path killed = Files.createDirectories(output.resolve(".spool/20261128T060000Z-0badc0de"));
        Files.writeString(killed.resolve("a.rows"), "{\"client\":1}");
        Process holder = holdLock(killed.resolve(".lock"));
        holder.destroyForcibly();
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // and one from before the locks, an hour old
        Path unlocked = Files.createDirectories(output.resolve(".spool/20261127T060000Z-deadbeef"));
        Files.writeString(unlocked.resolve("x.rows"), "{}");
        Files.setLastModifiedTime(unlocked, FileTime.from(NOW.minus(Duration.ofHours(1))));

        List<Path> removed;
        try (LogCapture log = LogCapture.atLevel(Level.WARN)) {
            removed = spools.removeStale();
            assertThat(log.text()).contains("removed 2 spool folder(s)").contains("20261128T060000Z-0badc0de")
                    .contains("20261127T060000Z-deadbeef").contains("killed?");
        }

        assertThat(removed).containsExactlyInAnyOrder(killed, unlocked);
        assertThat(output.resolve(".spool")).doesNotExist();
    }

    @Test
    void aSpoolAnotherLiveProcessHoldsIsKeptUntilItIsGone() throws Exception {
        Path folder = Files.createDirectories(output.resolve(".spool/20261129T055900Z-n1-5ca1ab1e"));
        Files.writeString(folder.resolve("x.rows"), "{}");
        Process holder = holdLock(folder.resolve(".lock"));
        try {
            assertThat(spools.removeStale()).isEmpty();
            assertThat(folder.resolve("x.rows")).exists();
        } finally {
            holder.destroy();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(spools.removeStale()).containsExactly(folder);
    }

    @Test
    void aSpoolAnotherContextOfThisJvmHoldsIsKeptAndStaysLocked() throws Exception {
        AnalysisRun run = run("20261129T060000Z-n1-5ca1ab1e");
        Path file = spools.newFile(run);
        Spools replica = new Spools(output, PosixFilePermissions.fromString("rw-r-----"), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(replica.removeStale()).isEmpty();

        assertThat(file).exists();
        // still locked for other processes: a probe would have dropped the lock with its channel
        Process other = holdLockOrSayBusy(spools.folder(run).resolve(".lock"));
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("busy");
        spools.delete(run);
    }

    @Test
    void aFreshFolderWithoutItsLockYetIsKept() throws Exception {
        Path starting = Files.createDirectories(output.resolve(".spool/20261129T060000Z-n2-0ddba11"));
        Files.setLastModifiedTime(starting, FileTime.from(NOW.minusSeconds(5)));

        assertThat(spools.removeStale()).isEmpty();
        assertThat(starting).isDirectory();
    }

    private static AnalysisRun run(String runId) {
        return new AnalysisRun(runId, null, "schedule", null, LocalDateTime.parse("2026-10-30T00:00:00"), NOW, List.of());
    }

    /** Another JVM that tries the lock once and says whether it was free. */
    private static Process holdLockOrSayBusy(Path lock) throws Exception {
        Path source = Files.writeString(output(lock).resolve("TryLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class TryLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                            System.out.println(channel.tryLock() == null ? "busy" : "free");
                        }
                    }
                }
                """);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", source.toString(), lock.toString()).redirectErrorStream(true).start();
    }

    private static Path output(Path lock) {
        return lock.getParent().getParent().getParent();
    }

    /** Another JVM that takes the lock as the monitor does (fcntl, through FileChannel) and keeps it. */
    private static Process holdLock(Path lock) throws Exception {
        Path source = Files.writeString(lock.getParent().getParent().getParent().resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.currentThread().join();
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", source.toString(), lock.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return process;
    }
}
