package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's own files as shipped, for tests that check documentation against the code. */
public final class Readme {

    public static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();

    private Readme() {
    }

    /** The lines of the first Markdown table after the line {@code heading} in README.md. */
    public static List<String> tableUnder(String heading) {
        List<String> lines = read(PROJECT.resolve("README.md")).lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as("heading '%s' in README.md", heading).isNotNegative();
        return lines.stream().skip(start + 1L).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).toList();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
