package com.example.monitor.report;

import com.example.monitor.files.FileKind;
import com.example.monitor.files.Folder;
import com.example.monitor.run.AnalysisRun;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool folders of runs, {@code <output>/.spool/<runId>/}: owner-only folders whose files hold row
 * data, so they take the report permissions. Each run's folder holds a {@code .lock} its process keeps
 * locked while the run lasts; a folder whose lock nobody holds was left by a process that was killed,
 * and is removed at start-up. Replicas and one-shot runs may share the output folder: a lock held by
 * another live process keeps its spool.
 */
public final class Spools {

    private static final String LOCK = ".lock";
    /** A folder without its lock yet may be a run of another process that is just starting. */
    private static final Duration NEW_FOLDER_GRACE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(Spools.class);

    private final Path root;
    private final Set<PosixFilePermission> filePermissions;
    private final Clock clock;
    /**
     * The spool folders this JVM holds, whichever context made them. An fcntl lock belongs to the
     * process, and closing any channel to its file drops it: so a folder held here is never probed.
     */
    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    public Spools(Path outputDir, Set<PosixFilePermission> filePermissions, Clock clock) {
        this.root = outputDir.resolve(".spool");
        this.filePermissions = Set.copyOf(filePermissions);
        this.clock = clock;
    }

    /** Where the run's rows are spooled until the report has them. */
    public Path folder(AnalysisRun run) {
        return root.resolve(run.runId());
    }

    /** A new, empty spool file of the run, in its locked owner-only folder, with the report permissions. */
    public Path newFile(AnalysisRun run) throws IOException {
        return held(run).folder.createNew(UUID.randomUUID() + ".rows");
    }

    /** The run's spool folder, made owner-only and locked for the run: where a Parquet writer spills. */
    public Path lockedFolder(AnalysisRun run) throws IOException {
        return held(run).folder.path();
    }

    private Held held(AnalysisRun run) throws IOException {
        Held folder = HELD.computeIfAbsent(folder(run).toAbsolutePath().normalize(), this::lock);
        if (folder.failure != null) {
            HELD.remove(folder(run).toAbsolutePath().normalize());
            throw folder.failure;
        }
        return folder;
    }

    /** Removes the run's spool folder, and {@code .spool/} once no other run's is left in it. */
    public void delete(AnalysisRun run) {
        Held folder = HELD.remove(folder(run).toAbsolutePath().normalize());
        Path dir = folder(run);
        if (FileKind.of(dir) != FileKind.DIRECTORY) {
            return;
        }
        try {
            Folder spool = Folder.open(dir, filePermissions);
            for (Path file : spool.list()) {
                if (!file.getFileName().toString().equals(LOCK)) {
                    remove(spool, file);
                }
            }
            if (folder != null) {
                folder.release();
            }
            spool.delete(dir.resolve(LOCK));
            Files.deleteIfExists(dir);
            deleteIfEmpty(root);
        } catch (IOException e) {
            LOG.warn("could not remove the spool folder {}: {}", dir, e.getMessage());
        }
    }

    /**
     * At start-up: removes the spool folders no live process holds, with a log line naming them.
     *
     * @return the folders removed
     */
    public List<Path> removeStale() {
        if (FileKind.of(root) != FileKind.DIRECTORY) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try {
            for (Path dir : Folder.open(root, filePermissions).list()) {
                if (FileKind.of(dir) == FileKind.DIRECTORY && !HELD.containsKey(dir.toAbsolutePath().normalize())
                        && stale(dir)) {
                    removeFolder(dir);
                    removed.add(dir);
                }
            }
            deleteIfEmpty(root);
        } catch (IOException e) {
            LOG.warn("could not remove the stale spools in {}: {}", root, e.getMessage());
        }
        if (!removed.isEmpty()) {
            LOG.warn("removed {} spool folder(s) left in {} by a process that did not stop cleanly (killed?): {}",
                    removed.size(), root, String.join(", ", removed.stream().map(dir -> dir.getFileName().toString())
                            .toList()));
        }
        return List.copyOf(removed);
    }

    private Held lock(Path dir) {
        try {
            Folder.openPrivate(root, filePermissions);
            Folder folder = Folder.openPrivate(dir, filePermissions);
            FileChannel channel = FileChannel.open(folder.path().resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            return new Held(folder, channel, channel.lock(), null);
        } catch (IOException e) {
            return new Held(null, null, null, e);
        }
    }

    /** Whether no process holds the folder's lock: a killed one's locks went with it. */
    private boolean stale(Path dir) throws IOException {
        Path lock = dir.resolve(LOCK);
        if (FileKind.of(lock) != FileKind.REGULAR) {
            Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
            return modified.isBefore(clock.instant().minus(NEW_FOLDER_GRACE));
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return false;
            }
            free.release();
            return true;
        } catch (OverlappingFileLockException e) {
            // held by this very process after all
            return false;
        }
    }

    private void removeFolder(Path dir) throws IOException {
        Folder spool = Folder.open(dir, filePermissions);
        for (Path file : spool.list()) {
            remove(spool, file);
        }
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            LOG.warn("spool folder {} holds more than spool files; left as it is", dir);
        }
    }

    /**
     * A spool file, or a Parquet writer's DuckDB spill folder that a failed write left (a real folder, not
     * a link: walking the tree does not follow links, and deleting one removes the link only).
     */
    private static void remove(Folder spool, Path entry) throws IOException {
        if (entry.getFileName().toString().endsWith(ParquetRows.SPILL_SUFFIX) && FileKind.of(entry) == FileKind.DIRECTORY) {
            ParquetRows.deleteTree(entry);
        } else {
            spool.delete(entry);
        }
    }

    /** Another run's spool may still be there: a replica's, or a one-shot run's beside the service. */
    private static void deleteIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            LOG.debug("{} still holds another run's spool", dir);
        }
    }

    /** A run's spool folder and the lock its process holds on it while the run lasts. */
    private record Held(Folder folder, FileChannel channel, FileLock lock, IOException failure) {

        void release() throws IOException {
            channel.close();
        }
    }
}
