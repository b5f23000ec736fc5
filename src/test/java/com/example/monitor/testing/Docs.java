package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's documentation as shipped, for tests that check it against the code: README.md, the
 * front page, and the pages under docs/, each named by its file so a failure says which page to fix.
 */
public final class Docs {

    public static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();

    private Docs() {
    }

    public static Page readme() {
        return new Page(PROJECT.resolve("README.md"));
    }

    /** A page under docs/, e.g. {@code page("operating.md")}. */
    public static Page page(String name) {
        return new Page(PROJECT.resolve("docs").resolve(name));
    }

    /** README.md and every docs/*.md, the pages a reader follows links between. */
    public static List<Page> all() {
        try (Stream<Path> files = Files.list(PROJECT.resolve("docs"))) {
            return Stream.concat(Stream.of(PROJECT.resolve("README.md")),
                    files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted()).map(Page::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Markdown file. */
    public record Page(Path file) {

        public String text() {
            return read(file);
        }

        public List<String> lines() {
            return text().lines().toList();
        }

        /** The repository-relative name, as a failure message should give it. */
        public String name() {
            return PROJECT.relativize(file).toString();
        }

        /** The lines of the first Markdown table after the line {@code heading}. */
        public List<String> tableUnder(String heading) {
            List<String> lines = lines();
            int start = lines.indexOf(heading);
            assertThat(start).as("heading '%s' in %s", heading, name()).isNotNegative();
            return lines.stream().skip(start + 1L).dropWhile(line -> !line.startsWith("|"))
                    .takeWhile(line -> line.startsWith("|")).toList();
        }
    }
}
