package com.example.monitor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.testing.SpecialFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way the product writes, moves, deletes and reads in its folders, on real links and FIFOs. */
class FolderTest {

    private static final Set<PosixFilePermission> REPORT =
            PosixFilePermissions.fromString("rw-r-----");

    @TempDir
    Path dir;

    @Test
    void aWriteReplacesALinkPlantedUnderItsNameAndNeverWritesThroughIt() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
        Folder folder = Folder.open(dir.resolve("out"), REPORT);
        SpecialFiles.symlink(folder.path().resolve("a.reason.txt"), victim);

        Path written = folder.writeText("a.reason.txt", "why");

        assertThat(Files.readString(victim)).isEqualTo("untouched");
        assertThat(FileKind.of(written)).isEqualTo(FileKind.REGULAR);
        assertThat(Files.readString(written)).isEqualTo("why");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-r-----");
        assertThat(folder.list()).containsExactly(written);
    }

    @Test
    void aFolderThatIsALinkIsRefusedAndNothingIsWrittenWhereItLeads() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = SpecialFiles.symlink(dir.resolve(".done"), elsewhere);

        assertThat(Folder.problemWith(link)).isEqualTo(link + " is a symbolic link, not a folder");
        assertThatThrownBy(() -> Folder.open(link, REPORT)).isInstanceOf(RefusedFileException.class)
                .hasMessage(link + " is a symbolic link, not a folder");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMoveNeverReplacesAFileAlreadyThere() throws Exception {
        Folder folder = Folder.open(dir.resolve("done"), REPORT);
        Path kept = folder.writeText("a.json", "first");
        Path second = Files.writeString(dir.resolve("a.json"), "second");

        assertThatThrownBy(() -> folder.moveIn(second, "a.json")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(kept)).isEqualTo("first");
        assertThat(second).exists();
    }

    @Test
    void aDeleteTakesOnlyARegularFileDirectlyInTheFolder() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.json"), "x");
        Folder folder = Folder.open(dir.resolve("out"), REPORT);
        Path link = SpecialFiles.symlink(folder.path().resolve("link.json"), outside);
        Path inside = folder.writeText("inside.json", "x");

        assertThat(folder.delete(outside)).isFalse();
        assertThat(folder.delete(folder.path().resolve("../outside.json"))).isFalse();
        assertThat(folder.delete(link)).isFalse();
        assertThat(folder.delete(inside)).isTrue();
        assertThat(outside).exists();
        assertThat(link).isSymbolicLink();
    }

    @Test
    void aWriteToANameLeadingOutOfTheFolderIsRefused() throws Exception {
        Folder folder = Folder.open(dir.resolve("out"), REPORT);

        assertThatThrownBy(() -> folder.writeText("../escape.txt", "x")).isInstanceOf(RefusedFileException.class);
        assertThat(dir.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void aReadTakesARegularFileUnderTheLimit() throws Exception {
        Path regular = Files.writeString(dir.resolve("r.json"), "{}");

        assertThat(Folder.readRegular(regular, 2048)).isEqualTo("{}".getBytes());
    }

    @Test
    void aReadRefusesAFifoWithoutWaitingForAWriter() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("f.json"));

        // opening a FIFO would block until something writes to it: the refusal must come first
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> Folder.readRegular(fifo, 2048))
                .hasMessage("not a regular file (a FIFO, socket or device)"));
    }

    @Test
    void aReadRefusesALinkEvenToARegularFile() throws Exception {
        Path regular = Files.writeString(dir.resolve("r.json"), "{}");
        Path link = SpecialFiles.symlink(dir.resolve("l.json"), regular);

        assertThatThrownBy(() -> Folder.readRegular(link, 2048)).hasMessage("a symbolic link");
    }

    @Test
    void aReadRefusesAFileOverTheLimitAndSaysItsSize() throws Exception {
        Path big = Files.writeString(dir.resolve("b.json"), "x".repeat(2049));

        assertThatThrownBy(() -> Folder.readRegular(big, 2048)).hasMessage("larger than 2 KB (2049 bytes)");
    }

    @Test
    void aReadOfAMissingFileSaysThereIsNone() {
        assertThatThrownBy(() -> Folder.readRegular(dir.resolve("none.json"), 2048)).hasMessage("no such file");
    }
}
