package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's request folder as an upstream job sees it: files are written elsewhere and moved in
 * atomically, so the service never sees them half-written unless a test wants it to.
 */
public final class Inbox {

    /** A run id, as a request is claimed under it: {@code 20261128T191500Z-9acc8c32}, or with a node. */
    private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-(?:[^.]+-)?[0-9a-f]{8}");
    private static final Pattern CLAIMED = Pattern.compile("\\." + RUN_ID.pattern() + "(?=\\.report\\.txt$|\\.reason\\.txt$|$)");

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

    public Path cancelled() {
        return dir.resolve(".cancelled");
    }

    public Path inProgress() {
        return dir.resolve(".inprogress");
    }

    /**
     * Every file under the inbox, as paths relative to it, sorted, each with the run id it was claimed
     * under left out ({@code .done/a.json.<runId>.report.txt} is {@code .done/a.json.report.txt}).
     */
    public List<String> allFiles() {
        return allFilesAsNamed().stream().map(Inbox::withoutRunId).sorted().toList();
    }

    /** Every file under the inbox, as paths relative to it, sorted, as they are named. */
    public List<String> allFilesAsNamed() {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).map(dir::relativize)
                        .map(Path::toString).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                // the service moved a file (a read-lock marker, a claim) while the walk passed it: walk again
                if (attempt == 5) {
                    throw e instanceof UncheckedIOException unchecked ? unchecked : new UncheckedIOException((IOException) e);
                }
            }
        }
    }

    /** The names of the files directly in {@code .done}, each with its run id left out. */
    public List<String> doneFiles() {
        return list(done()).stream().map(Inbox::withoutRunId).sorted().toList();
    }

    /**
     * The request {@code name} as archived in {@code folder} ({@code .done/<name>.<runId>}, one per run
     * in arrival order), with its run ids.
     */
    public List<String> runIdsOf(Path folder, String name) {
        return list(folder).stream().filter(file -> file.startsWith(name + ".")).map(file -> file.substring(name.length() + 1))
                .filter(rest -> RUN_ID.matcher(rest).matches()).sorted().toList();
    }

    /** The one file the request {@code name} became in {@code folder}, with {@code suffix} ("" for the request). */
    public Path archived(Path folder, String name, String suffix) {
        List<String> ids = runIdsOf(folder, name);
        if (ids.size() != 1) {
            throw new IllegalStateException(folder + " holds " + ids.size() + " archives of " + name + ": " + list(folder));
        }
        return folder.resolve(name + "." + ids.get(0) + suffix);
    }

    private static String withoutRunId(String path) {
        return CLAIMED.matcher(path).replaceFirst("");
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
