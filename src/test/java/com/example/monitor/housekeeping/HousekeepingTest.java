package com.example.monitor.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** monitor.keep-reports on real files: what is older than the limit goes, and nothing else is touched. */
class HousekeepingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(91));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(89));

    @TempDir
    Path dir;

    @Test
    void deletesReportsAndProcessedRequestsOlderThanTheLimitAndTouchesNothingElse() throws IOException {
        Path output = dir.resolve("output");
        Path inbox = dir.resolve("inbox");
        file(output.resolve("20260801T060000Z-0123abcd.json"), OLD);
        file(output.resolve("20261001T060000Z-89abcdef.json"), RECENT);
        file(output.resolve("20260801T060000Z-0123abcd-clients.json"), OLD);
        file(output.resolve("notes.txt"), OLD);
        file(output.resolve(".20260801T060000Z-0123abcd-1.json.tmp"), OLD);
        file(output.resolve("archive/20260801T060000Z-0123abcd.json"), OLD);
        file(inbox.resolve(".done/old.json"), OLD);
        file(inbox.resolve(".done/old.json.report.txt"), OLD);
        file(inbox.resolve(".done/new.json"), RECENT);
        file(inbox.resolve(".error/bad.json"), OLD);
        file(inbox.resolve(".error/bad.json.reason.txt"), OLD);
        file(inbox.resolve(".cancelled/late.json"), OLD);
        file(inbox.resolve("waiting.json"), OLD);
        file(inbox.resolve(".done/kept/old.json"), OLD);

        List<Path> deleted = new Housekeeping(Duration.ofDays(90), output, inbox, Clock.fixed(NOW, ZoneOffset.UTC))
                .deleteOld();

        assertThat(deleted).extracting(path -> dir.relativize(path).toString()).containsExactlyInAnyOrder(
                "output/20260801T060000Z-0123abcd.json",
                "inbox/.done/old.json", "inbox/.done/old.json.report.txt",
                "inbox/.error/bad.json", "inbox/.error/bad.json.reason.txt",
                "inbox/.cancelled/late.json");
        assertThat(remaining()).containsExactly(
                "inbox/.done/kept/old.json",
                "inbox/.done/new.json",
                "inbox/waiting.json",
                "output/.20260801T060000Z-0123abcd-1.json.tmp",
                "output/20260801T060000Z-0123abcd-clients.json",
                "output/20261001T060000Z-89abcdef.json",
                "output/archive/20260801T060000Z-0123abcd.json",
                "output/notes.txt");
    }

    @Test
    void aReplicasOldReportIsDeletedLikeAnyOtherAndItsRecentOneKept() throws IOException {
        Path output = dir.resolve("output");
        file(output.resolve("20260801T060000Z-n1-0123abcd.json"), OLD);
        file(output.resolve("20260801T060000Z-monitor-7f9c.example_2-89abcdef.json"), OLD);
        file(output.resolve("20261001T060000Z-n2-89abcdef.json"), RECENT);
        file(output.resolve("20260801T060000Z-n1-0123abcd-clients.json"), OLD);

        List<Path> deleted = new Housekeeping(Duration.ofDays(90), output, null, Clock.fixed(NOW, ZoneOffset.UTC))
                .deleteOld();

        assertThat(deleted).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "20260801T060000Z-n1-0123abcd.json", "20260801T060000Z-monitor-7f9c.example_2-89abcdef.json");
        assertThat(remaining()).containsExactly(
                "output/20260801T060000Z-n1-0123abcd-clients.json", "output/20261001T060000Z-n2-89abcdef.json");
    }

    @Test
    void aLinkedArchiveFolderAndLinksInsideTheFoldersAreNeitherFollowedNorDeleted() throws IOException {
        Path output = dir.resolve("output");
        Path inbox = dir.resolve("inbox");
        Path elsewhere = dir.resolve("elsewhere");
        file(elsewhere.resolve("precious.txt"), OLD);
        file(elsewhere.resolve("20260801T060000Z-0123abcd.json"), OLD);
        file(output.resolve("20260801T060000Z-0123abcd.json"), OLD);
        Files.createDirectories(inbox.resolve(".done"));
        Files.createSymbolicLink(inbox.resolve(".error"), elsewhere);
        Files.createSymbolicLink(inbox.resolve(".done/old.json"), elsewhere.resolve("precious.txt"));
        Files.createSymbolicLink(output.resolve("20260802T060000Z-0123abcd.json"),
                elsewhere.resolve("20260801T060000Z-0123abcd.json"));

        List<Path> deleted;
        try (LogCapture log = LogCapture.atLevel(Level.WARN)) {
            deleted = new Housekeeping(Duration.ofDays(90), output, inbox, Clock.fixed(NOW, ZoneOffset.UTC)).deleteOld();
            assertThat(log.text()).contains(inbox.resolve(".error") + " is a symbolic link, not a folder");
        }

        assertThat(deleted).extracting(path -> dir.relativize(path).toString())
                .containsExactly("output/20260801T060000Z-0123abcd.json");
        assertThat(remaining()).containsExactly("elsewhere/20260801T060000Z-0123abcd.json", "elsewhere/precious.txt");
        assertThat(inbox.resolve(".done/old.json")).isSymbolicLink();
        assertThat(output.resolve("20260802T060000Z-0123abcd.json")).isSymbolicLink();
    }

    @Test
    void anOldReportTakesItsRunsParquetFolderWithItButNeverWhatALinkInItPointsTo() throws IOException {
        Path output = dir.resolve("output");
        file(output.resolve("20260801T060000Z-0123abcd.json"), OLD);
        file(output.resolve("20260801T060000Z-0123abcd/crm/Email changes.parquet"), RECENT);
        file(output.resolve("20261001T060000Z-89abcdef.json"), RECENT);
        file(output.resolve("20261001T060000Z-89abcdef/crm/Email changes.parquet"), OLD);
        file(dir.resolve("elsewhere/precious.txt"), OLD);
        Files.createSymbolicLink(output.resolve("20260801T060000Z-0123abcd/link"), dir.resolve("elsewhere"));

        List<Path> deleted = new Housekeeping(Duration.ofDays(90), output, null, Clock.fixed(NOW, ZoneOffset.UTC))
                .deleteOld();

        assertThat(deleted).extracting(path -> dir.relativize(path).toString()).containsExactlyInAnyOrder(
                "output/20260801T060000Z-0123abcd.json", "output/20260801T060000Z-0123abcd");
        assertThat(output.resolve("20260801T060000Z-0123abcd")).doesNotExist();
        assertThat(remaining()).containsExactly("elsewhere/precious.txt",
                "output/20261001T060000Z-89abcdef.json", "output/20261001T060000Z-89abcdef/crm/Email changes.parquet");
    }

    @Test
    void withoutALimitNothingIsDeleted() throws IOException {
        Path output = dir.resolve("output");
        file(output.resolve("20200101T060000Z-0123abcd.json"), OLD);

        assertThat(new Housekeeping(null, output, null, Clock.fixed(NOW, ZoneOffset.UTC)).deleteOld()).isEmpty();
        assertThat(remaining()).containsExactly("output/20200101T060000Z-0123abcd.json");
    }

    private List<String> remaining() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).map(dir::relativize).map(Path::toString).sorted().toList();
        }
    }

    private static void file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }
}
