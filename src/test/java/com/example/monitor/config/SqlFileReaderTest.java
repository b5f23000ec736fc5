package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.example.monitor.sql.CheckedSql;
import com.example.monitor.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up and every run read a query's file the same way; a run sends only text that passed the check. */
class SqlFileReaderTest {

    @TempDir
    Path dir;

    private Path file;
    private QueryConfig query;

    @BeforeEach
    void readAtStartUp() throws Exception {
        file = dir.resolve("changes.sql");
        Files.writeString(file, "SELECT 'a\n\n-- b' AS x FROM dual WHERE d >= :start_date;\n");
        List<String> problems = new ArrayList<>();
        CheckedSql startUp = SqlFileReader.read(file, problems::add).orElseThrow();
        assertThat(problems).isEmpty();
        query = new QueryConfig("Changes", file, null, null, null, startUp);
    }

    @Test
    void startUpKeepsTheTextAsReadAndMakesTheStatementFromIt() {
        assertThat(query.sql().source()).isEqualTo("SELECT 'a\n\n-- b' AS x FROM dual WHERE d >= :start_date;\n");
        assertThat(query.sql().statement().jdbcSql()).isEqualTo("SELECT 'a\n\n-- b' AS x FROM dual WHERE d >= ?\n");
        assertThat(query.sql().statement().startDateBindCount()).isEqualTo(1);
    }

    @Test
    void anUnchangedFileRunsTheStatementCheckedAtStartUp() {
        assertThat(SqlFileReader.current(query)).isSameAs(query.sql());
    }

    @Test
    void anEditTakesEffectAtTheNextRunOnceItPassesTheCheck() throws Exception {
        Files.writeString(file, "SELECT 2 AS y FROM dual\n/\n");

        CheckedSql edited = SqlFileReader.current(query);

        assertThat(edited.source()).isEqualTo("SELECT 2 AS y FROM dual\n/\n");
        assertThat(edited.statement().jdbcSql()).isEqualTo("SELECT 2 AS y FROM dual\n\n");
    }

    @Test
    void anEditThatIsNoLongerOneQueryIsRefusedNamingTheFileAndTheProblem() throws Exception {
        Files.writeString(file, "DELETE FROM clients");

        assertThatThrownBy(() -> SqlFileReader.current(query))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("edited since start-up")
                .hasMessageContaining("DELETE");
    }

    @Test
    void aFileRemovedSinceStartUpIsSaidPlainly() throws Exception {
        Files.delete(file);

        assertThatThrownBy(() -> SqlFileReader.current(query))
                .hasMessage("cannot read " + file + " (no such file)");
    }

    @Test
    void startUpReportsEveryProblemOnALineNamingTheFile() throws Exception {
        Path bad = dir.resolve("bad.sql");
        Files.writeString(bad, "SELECT 1 FROM dual; SELECT ? FROM dual");
        List<String> problems = new ArrayList<>();

        assertThat(SqlFileReader.read(bad, problems::add)).isEmpty();

        assertThat(problems).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> assertThat(p).startsWith(bad + ": "));
    }

    @Test
    void aFifoInPlaceOfTheSqlFileFailsTheNextRunAtOnceWithoutBeingOpened() throws Exception {
        Files.delete(file);
        SpecialFiles.fifo(file);

        // opening the FIFO would block this thread until someone wrote to it
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> SqlFileReader.current(query))
                .hasMessage("cannot read " + file + " (not a regular file (a FIFO, socket or device))"));
    }

    @Test
    void aFifoAsTheSqlFileAtStartUpIsAProblemNamingIt() {
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo.sql"));
        List<String> problems = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(SqlFileReader.read(fifo, problems::add)).isEmpty());

        assertThat(problems).containsExactly("cannot read " + fifo + " (not a regular file (a FIFO, socket or device))");
    }

    /** Sparse files: the test reads no gigabytes; the reader must refuse them without trying either. */
    @Test
    void aFileTooLargeToReadWholeIsAProblemNamingItsSizeAtStartUpAndAtARun() throws Exception {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.sql"), 3L << 30);
        List<String> problems = new ArrayList<>();

        assertThat(SqlFileReader.read(huge, problems::add)).isEmpty();

        assertThat(problems).containsExactly("cannot read " + huge + " (3221225472 bytes; a configuration or SQL file"
                + " is read whole and may hold at most " + FileReading.MAX_BYTES + " bytes)");

        SpecialFiles.sparse(file, FileReading.MAX_BYTES + 1L);
        assertThatThrownBy(() -> SqlFileReader.current(query))
                .hasMessageContaining("cannot read " + file + " (" + (FileReading.MAX_BYTES + 1L) + " bytes;");
    }

    @Test
    void aFileOfTheLargestSizeIsRead() throws Exception {
        String select = "SELECT 1 AS x FROM dual\n";
        Files.writeString(file, select + " ".repeat(FileReading.MAX_BYTES - select.length()));

        assertThat(SqlFileReader.current(query).statement().jdbcSql()).startsWith("SELECT 1 AS x FROM dual");
    }

    @Test
    void aLinkToARegularSqlFileIsRead() throws Exception {
        Path link = SpecialFiles.symlink(dir.resolve("link.sql"), file);
        List<String> problems = new ArrayList<>();

        assertThat(SqlFileReader.read(link, problems::add)).isPresent();
        assertThat(problems).isEmpty();
    }
}
