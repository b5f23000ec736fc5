package com.example.monitor.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which team route files in ./routes Camel could not load: each is named, none is skipped silently. */
class RouteLocationsTest {

    @TempDir
    Path dir;

    @Test
    void aRouteFileThatIsAFifoALinkToNothingOrAFolderIsAProblemNamingItInsteadOfBeingSkipped() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path fifo = SpecialFiles.fifo(routes.resolve("team-a.camel.yaml"));
        Path dangling = SpecialFiles.symlink(routes.resolve("team-b.camel.yaml"), dir.resolve("gone.yaml"));
        Path folder = Files.createDirectories(routes.resolve("team-c.camel.yaml"));

        assertThat(RouteLocations.routeFileProblems(routes)).containsExactly(
                "cannot load the route file " + fifo + " (not a regular file (a FIFO, socket or device))",
                "cannot load the route file " + dangling + " (no such file)",
                "cannot load the route file " + folder + " (a folder)");
    }

    @Test
    void regularRouteFilesALinkToOneAndOtherFilesAreNoProblem() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("team-a.camel.yaml"), "- route: {}\n");
        Path elsewhere = Files.writeString(dir.resolve("team-b.yaml"), "- route: {}\n");
        SpecialFiles.symlink(routes.resolve("team-b.camel.yaml"), elsewhere);
        SpecialFiles.fifo(routes.resolve("notes.fifo"));

        assertThat(RouteLocations.routeFileProblems(routes)).isEmpty();
        assertThat(RouteLocations.routeFileProblems(dir.resolve("no-routes-here"))).isEmpty();
    }

    /** Found before Camel reads the files, so that it comes with the settings' problems, in Camel's own words. */
    @Test
    void aRouteFileThatIsNotValidYamlIsAProblemWithItsLineAndColumnAndNotItsText() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("team-a.camel.yaml"), "- route:\n    id: team-a\n    from: [unclosed secret\n");
        Files.writeString(routes.resolve("team-b.camel.yaml"), "- route: {}\n");

        assertThat(RouteLocations.routeFileProblems(routes)).singleElement().asString()
                .isEqualTo("cannot load the route file file:" + routes.resolve("team-a.camel.yaml") + ", line 4, column 1:"
                        + " while parsing a flow sequence: expected ',' or ']', but got <stream end>")
                .doesNotContain("secret");
    }

    /**
     * Camel skips a hidden route file (measured: its route never ran), so an editor's lock file, a link to
     * nothing, must not stop the start, and a hidden route is named as not loaded.
     */
    @Test
    void aHiddenRouteFileIsNoProblemButIsListedAsNotLoaded() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path lock = SpecialFiles.symlink(routes.resolve(".#team-a.camel.yaml"), Path.of("user@host.1234:1"));
        Path hidden = Files.writeString(routes.resolve(".team-b.camel.yaml"), "- route: {}\n");
        Files.writeString(routes.resolve("team-c.camel.yaml"), "- route: {}\n");

        assertThat(RouteLocations.routeFileProblems(routes)).isEmpty();
        assertThat(RouteLocations.hiddenRouteFiles(routes)).containsExactly(lock, hidden);
        assertThat(RouteLocations.hiddenRouteFiles(dir.resolve("no-routes-here"))).isEmpty();
    }

    /** Camel read such a file whole (1.4 GB of heap for 327 MB) before its parser refused it: exit 1. */
    @Test
    void aRouteFileLargerThanCamelsYamlParserTakesIsAProblemNamingItsSize() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path huge = SpecialFiles.sparse(routes.resolve("team-a.camel.yaml"), 3L << 30);
        Path atTheLimit = SpecialFiles.sparse(routes.resolve("team-b.camel.yaml"), 3L << 20);

        // the one at the limit is read, and refused for what it holds (NULs), not for its size
        assertThat(RouteLocations.routeFileProblems(routes)).containsExactly("cannot load the route file " + huge
                + " (3221225472 bytes; a route file may hold at most 3145728 bytes, the size Camel's YAML parser is"
                + " sure to take)", "cannot load the route file file:" + atTheLimit + ", character 1: U+0000, a character"
                + " YAML does not allow");
    }

    /** Camel read the byte 0xFF as U+FFFD: the id team-\xff became team-\ufffd without a word. */
    @Test
    void aRouteFileThatIsNotUtf8IsAProblemNamingIt() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path latin1 = Files.write(routes.resolve("team-a.camel.yaml"),
                "- route:\n    id: team-\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(routes.resolve("team-b.camel.yaml"), "- route:\n    id: team-\u00e9\n");

        assertThat(RouteLocations.routeFileProblems(routes))
                .containsExactly("cannot load the route file " + latin1 + " (not valid UTF-8 text)");
    }
}
