package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The service's request folder as an upstream job sees it: files are written elsewhere and moved in
 * atomically, so the service never sees them half-written unless a test wants it to.
 */
public final class Inbox {

    private final Path dir;
    private final Path staging;

    public Inbox(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir.getParent(), "staging");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an inbox in a new temp folder. */
    public static Inbox createTemp(String prefix) {
        try {
            return new Inbox(Files.createTempDirectory(prefix).resolve("inbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path done() {
        return dir.resolve(".done");
    }

    public Path error() {
        return dir.resolve(".error");
    }

    /** Writes the file next to the inbox, then moves it in with one atomic rename. */
    public Path drop(String name, String content) {
        return drop(name, content, null);
    }

    /** As {@link #drop(String, String)}, with the given modification time (the arrival order the service sorts by). */
    public Path drop(String name, String content, Instant modified) {
        try {
            Path temp = staging.resolve(name);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (modified != null) {
                Files.setLastModifiedTime(temp, FileTime.from(modified));
            }
            return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file of that name is waiting in the inbox itself (not in .done or .error). */
    public boolean has(String name) {
        return Files.exists(dir.resolve(name));
    }

    /** Every file under the inbox, as paths relative to it, sorted. */
    public List<String> allFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files directly in {@code .done}. */
    public List<String> doneFiles() {
        return list(done());
    }

    private static List<String> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
