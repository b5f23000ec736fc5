package com.example.monitor.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Real files that are not plain ones, as a careless or hostile neighbour leaves them in a shared folder. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A named pipe made by {@code mkfifo}: opening it for reading blocks until someone writes. */
    public static Path fifo(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IllegalStateException("mkfifo " + path + " failed: "
                        + new String(mkfifo.getInputStream().readAllBytes()));
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of {@code size} bytes that takes no disk: a hole the file system reads as zeros. */
    public static Path sparse(Path path, long size) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link at {@code link} to {@code target}, which may lie anywhere or nowhere. */
    public static Path symlink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
