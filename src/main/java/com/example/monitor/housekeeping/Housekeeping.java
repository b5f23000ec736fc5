package com.example.monitor.housekeeping;

import com.example.monitor.files.FileKind;
import com.example.monitor.files.Folder;
import com.example.monitor.run.RunId;
import com.example.monitor.trigger.InboxFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * monitor.keep-reports: after each run of the service, deletes reports ({@code <runId>.json} in the
 * output folder) and processed request files (everything in the inbox's {@code .done/},
 * {@code .error/} and {@code .cancelled/}) last modified longer ago than the limit. With a report goes
 * its run's folder of Parquet files ({@code <runId>/}, monitor.rows-format=parquet). Nothing else is
 * touched: not the teams' files beside the reports, not the inbox itself, not other sub-folders, not
 * links nor what they lead to, and nothing at all in an archive folder that is itself a link.
 */
public final class Housekeeping {

    /** Its name in the registry, as the run-analysis route names it. */
    public static final String BEAN = "housekeeping";

    private static final int NAMES_LOGGED = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Duration keep;
    private final Path outputDir;
    private final Path inboxDir;
    private final Clock clock;

    /** @param keep null to keep everything; @param inboxDir null when there is no inbox */
    public Housekeeping(Duration keep, Path outputDir, Path inboxDir, Clock clock) {
        this.keep = keep;
        this.outputDir = outputDir;
        this.inboxDir = inboxDir;
        this.clock = clock;
    }

    /** A folder as the operator configured it, through a link if it is one; as given when it cannot be resolved. */
    private static Path configured(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    /** Route step after a run; its body is left alone. */
    public void clean() {
        deleteOld();
    }

    /** @return the files deleted */
    public List<Path> deleteOld() {
        if (keep == null) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(keep);
        List<Path> deleted = new ArrayList<>();
        deleteOlder(configured(outputDir), file -> RunId.ofReportFile(file.getFileName().toString()).isPresent(),
                cutoff, deleted, Housekeeping::deleteRunFolder);
        if (inboxDir != null) {
            for (InboxFolder folder : InboxFolder.processed()) {
                deleteOlder(folder.in(configured(inboxDir)), file -> true, cutoff, deleted, (file, list) -> { });
            }
        }
        if (!deleted.isEmpty()) {
            List<String> names = deleted.stream().limit(NAMES_LOGGED).map(Path::toString).toList();
            LOG.info("monitor.keep-reports={}: deleted {} file(s) last modified before {}: {}{}", keep, deleted.size(),
                    cutoff, String.join(", ", names),
                    deleted.size() > NAMES_LOGGED ? " and " + (deleted.size() - NAMES_LOGGED) + " more" : "");
        }
        return List.copyOf(deleted);
    }

    /**
     * The folder is held to as it is: the output folder through the link the operator may have
     * configured, an archive folder only when it is a real folder. Nothing in it is followed.
     */
    private static void deleteOlder(Path path, Predicate<Path> wanted, Instant cutoff, List<Path> deleted,
                                    BiConsumer<Path, List<Path>> afterDelete) {
        String problem = Folder.problemWith(path);
        if (problem != null) {
            LOG.warn("monitor.keep-reports: {}: nothing deleted there, and nothing it leads to", problem);
            return;
        }
        if (FileKind.of(path) == FileKind.MISSING) {
            return;
        }
        try {
            Folder folder = Folder.open(path, Set.of());
            for (Path file : folder.list()) {
                if (FileKind.of(file) != FileKind.REGULAR || !wanted.test(file)) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)
                            && folder.delete(file)) {
                        deleted.add(file);
                        afterDelete.accept(file, deleted);
                    }
                } catch (IOException e) {
                    LOG.warn("monitor.keep-reports: could not delete {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("monitor.keep-reports: could not list {}: {}", path, e.getMessage());
        }
    }

    /** The report's {@code <runId>/} folder, if it is a real folder: never a link, nor anything a link points to. */
    private static void deleteRunFolder(Path report, List<Path> deleted) {
        String name = report.getFileName().toString();
        Path folder = report.resolveSibling(name.substring(0, name.length() - ".json".length()));
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // walk does not follow links: a link inside is deleted as a link
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            deleted.add(folder);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("monitor.keep-reports: could not delete {}: {}", folder, e.getMessage());
        }
    }
}
